import type {
  CashReceiptView,
  DepositView,
  ExpenseView,
  PayAnomalyView,
  RedLineView,
  TreasurerQueueView,
} from '../../../typings/api';

export function aCash(overrides: Partial<CashReceiptView> = {}): CashReceiptView {
  return {
    id: 'receipt:R-0001',
    receiptNo: 'R-0001',
    unitId: 'u12-03',
    unitNo: '12-03',
    amountFen: 1234567,
    amountText: '¥12,345.67',
    receivedAt: '2026-12-13T12:23:00+08:00',
    photoFileId: 'cloud://env/cash/u12-03/1.jpg',
    recordedBy: 'demo-staff1',
    recordedByLabel: '田玉珍（社区工作者）',
    settlement: 'pending',
    settlementLabel: '待出纳确认',
    depositId: null,
    voidReason: null,
    heldDays: 1,
    overdue: false,
    ...overrides,
  };
}

export function aDeposit(overrides: Partial<DepositView> = {}): DepositView {
  return {
    id: 'deposit:B-77',
    slipNo: 'B-77',
    amountFen: 1234567,
    amountText: '¥12,345.67',
    slipFileId: 'cloud://env/deposits/1.jpg',
    receiptIds: ['receipt:R-0001'],
    receiptNos: ['R-0001'],
    depositedAt: '2026-12-14T10:05:00+08:00',
    recordedBy: 'demo-staff1',
    recordedByLabel: '田玉珍（社区工作者）',
    status: 'pending',
    statusLabel: '待出纳确认',
    reason: null,
    ...overrides,
  };
}

export function anExpense(overrides: Partial<ExpenseView> = {}): ExpenseView {
  return {
    id: 'expense:1',
    milestone: 'deposit',
    milestoneLabel: '合同定金',
    payee: '上海某电梯工程有限公司',
    amountFen: 50400000,
    amountText: '¥504,000.00',
    invoiceFileId: 'cloud://env/invoices/1.jpg',
    memo: null,
    status: 'proposed',
    statusLabel: '待出纳付款',
    proposedAt: '2026-12-15T09:00:00+08:00',
    proposedByLabel: '郑德明（换梯小组）',
    paidAt: null,
    reason: null,
    ...overrides,
  };
}

export function aQueue(overrides: Partial<TreasurerQueueView> = {}): TreasurerQueueView {
  return {
    pendingCash: [aCash()],
    overdueCount: 0,
    depositsAwaiting: [aDeposit()],
    expensesAwaiting: [anExpense()],
    anomalies: [],
    ...overrides,
  };
}

export function anAnomaly(overrides: Partial<PayAnomalyView> = {}): PayAnomalyView {
  return {
    id: 'an1',
    kind: 'amount-mismatch',
    kindLabel: '金额不符',
    outTradeNo: 'TT20261213001',
    unitNo: '7-02',
    expectedFen: 1000000,
    reportedFen: 100000,
    detail: '微信通知的金额与订单不符',
    at: '2026-12-13T08:00:00+08:00',
    resolved: false,
    resolution: null,
    ...overrides,
  };
}

export function aRedLine(overrides: Partial<RedLineView> = {}): RedLineView {
  return {
    units: 138,
    belowRedLine: 97,
    firstDepositFen: 165600000,
    balanceFen: 41400000,
    percent: 25,
    topUpFen: 52000000,
    topUpText: '¥520,000.00',
    selfRaisedTargetFen: 168000000,
    consequences: [
      '业主大会须在 90 天内决定续筹方案',
      '90 天内未决定的，低于 30% 的业主须在 90 天内续筹到首期的 50%',
    ],
    lowest: [
      { unitNo: '3-02', percent: 12.5, balanceFen: 150000, firstDepositFen: 1200000 },
      { unitNo: '20-01', percent: 31, balanceFen: 372000, firstDepositFen: 1200000 },
    ],
    ...overrides,
  };
}
