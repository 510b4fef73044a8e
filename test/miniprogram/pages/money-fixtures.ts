import type {
  CreatedOrder,
  EntriesPageView,
  ExpenseView,
  LedgerEntryView,
  LedgerOverviewView,
  UnitStandingView,
  MyAccountView,
  OrderStatusView,
  PayLinkInfoView,
  PayLinkView,
  ReceiptView,
  SchemeView,
  UnitAccountView,
  UnitMovementView,
} from '../../../typings/api';

export function aMovement(overrides: Partial<UnitMovementView> = {}): UnitMovementView {
  return {
    transferId: 't-pay-1',
    at: '2026-12-13T12:23:00+08:00',
    kind: 'payment',
    kindLabel: '微信支付',
    amountFen: 500_000,
    amountLabel: '¥5,000.00',
    channel: 'wechat',
    channelLabel: '微信支付',
    payerName: '孙建国',
    pending: false,
    statusLabel: '已入账',
    hasReceipt: true,
    ...overrides,
  };
}

export function aCharge(): UnitMovementView {
  return aMovement({
    transferId: 't-charge-1',
    at: '2026-12-01T09:00:00+08:00',
    kind: 'charge',
    kindLabel: '应缴分摊款',
    amountFen: 1_234_567,
    amountLabel: '¥12,345.67',
    channel: null,
    channelLabel: null,
    payerName: null,
    statusLabel: '已出具',
    hasReceipt: false,
  });
}

export function aUnitAccount(overrides: Partial<UnitAccountView> = {}): UnitAccountView {
  return {
    unitId: 'u12-03',
    unitNo: '12-03',
    asLabel: '业主',
    canPay: true,
    chargedFen: 1_234_567,
    paidFen: 500_000,
    pendingCashFen: 0,
    leftFen: 734_567,
    chargedLabel: '¥12,345.67',
    paidLabel: '¥5,000.00',
    pendingCashLabel: '¥0.00',
    leftLabel: '¥7,345.67',
    state: 'partly',
    stateLabel: '部分缴纳',
    dueDate: '2027-01-31',
    schemeTitle: '电梯更换分摊（按面积）',
    movements: [aCharge(), aMovement()],
    ...overrides,
  };
}

export function anAccount(units: UnitAccountView[] = [aUnitAccount()]): MyAccountView {
  return { units };
}

export function aScheme(overrides: Partial<SchemeView> = {}): SchemeView {
  return {
    id: 's1',
    title: '电梯更换分摊（按面积）',
    method: 'area',
    methodLabel: '按面积分摊',
    totalFen: 168_000_000,
    totalLabel: '¥1,680,000.00',
    coefficients: [],
    exemptions: [],
    link: null,
    status: 'binding',
    statusLabel: '已生效',
    roundingRule:
      '先按面积算到分并舍去零头，剩下的几分钱按零头从大到小每户加 1 分，零头相同的按房号先后。',
    editable: false,
    chargedUnits: 138,
    chargedFen: 168_000_000,
    createdAt: '2026-11-01T10:00:00+08:00',
    updatedAt: '2026-11-01T10:00:00+08:00',
    ...overrides,
  };
}

export function anOverview(overrides: Partial<LedgerOverviewView> = {}): LedgerOverviewView {
  return {
    targetFen: 168_000_000,
    targetText: '¥1,680,000.00',
    collectedFen: 108_043_200,
    collectedText: '¥1,080,432.00',
    percent: 64.3,
    percentText: '64.3%',
    units: { paid: 80, partly: 12, unpaid: 45, charged: 137 },
    pendingCashFen: 300_000,
    expensesFen: 50_400_000,
    availableFen: 57_643_200,
    entryCount: 212,
    headHash: 'a3f1c09e7b2d4e5f60718293a4b5c6d7e8f90123456789abcdef0123456789ab',
    updatedAt: '2026-12-13T12:23:00+08:00',
    ...overrides,
  };
}

export function anEntry(seq: number, overrides: Partial<LedgerEntryView> = {}): LedgerEntryView {
  return {
    seq,
    id: `t${seq}`,
    kind: 'payment',
    kindLabel: '缴款',
    phase: 'posted',
    phaseLabel: '',
    amountFen: 500_000,
    amountText: '¥5,000.00',
    at: '2026-12-13T12:23:00+08:00',
    date: '2026-12-13',
    unitId: 'u12-03',
    unitNo: '12-03',
    channel: 'wechat',
    channelLabel: '微信支付',
    payerMasked: '孙*国',
    fromLabel: '12-03 应缴',
    toLabel: '项目收款账户',
    memo: null,
    hash: `h${seq}`,
    ...overrides,
  };
}

/** The ledger's pages: newest first, `limit` entries with seq below `beforeSeq`. */
export function entriesPage(
  beforeSeq: number | undefined,
  limit: number,
  total: number,
): EntriesPageView {
  const top = Math.min(beforeSeq ?? total + 1, total + 1) - 1;
  const entries: LedgerEntryView[] = [];
  for (let seq = top; seq >= 1 && entries.length < limit; seq -= 1) entries.push(anEntry(seq));
  const last = entries[entries.length - 1];
  return {
    entries,
    nextBeforeSeq: last && last.seq > 1 ? last.seq : null,
    headHash: anOverview().headHash,
    entryCount: total,
  };
}

export function aStanding(unitNo: string, ownerMasked: string): UnitStandingView {
  return {
    unitId: `u${unitNo}`,
    unitNo,
    ownerMasked,
    chargedFen: 1_234_567,
    paidFen: 0,
    leftFen: 1_234_567,
    pendingCashFen: 0,
    status: 'unpaid',
    statusLabel: '未缴',
  };
}

export function anExpense(overrides: Partial<ExpenseView> = {}): ExpenseView {
  return {
    id: 'e1',
    milestone: 'deposit',
    milestoneLabel: '合同定金',
    payee: '上海某某电梯工程有限公司',
    amountFen: 50_400_000,
    amountText: '¥504,000.00',
    invoiceFileId: 'cloud://env/invoices/e1.jpg',
    memo: null,
    status: 'paid',
    statusLabel: '已付款',
    proposedAt: '2026-12-04T10:00:00+08:00',
    proposedByLabel: '郑德明（换梯小组）',
    paidAt: '2026-12-05T15:00:00+08:00',
    reason: null,
    ...overrides,
  };
}

export function aLinkInfo(overrides: Partial<PayLinkInfoView> = {}): PayLinkInfoView {
  return {
    unitNo: '5-02',
    ownerMasked: '钟*',
    leftFen: 1_234_567,
    leftLabel: '¥12,345.67',
    expiresAt: '2026-12-20T12:00:00+08:00',
    payable: true,
    reason: null,
    ...overrides,
  };
}

export function aPayLink(overrides: Partial<PayLinkView> = {}): PayLinkView {
  return {
    token: 'lk-7f3a',
    path: '/pages/pay/index?link=lk-7f3a',
    unitNo: '12-03',
    expiresAt: '2026-12-20T12:00:00+08:00',
    ...overrides,
  };
}

export function anOrder(overrides: Partial<CreatedOrder> = {}): CreatedOrder {
  return {
    outTradeNo: 'TT20261213000001',
    unitNo: '12-03',
    amountFen: 734_567,
    amountLabel: '¥7,345.67',
    payment: {
      timeStamp: '1765600000',
      nonceStr: 'n1',
      package: 'prepay_id=wx1',
      signType: 'MD5',
      paySign: 'sig',
    },
    ...overrides,
  };
}

export function aPaidStatus(overrides: Partial<OrderStatusView> = {}): OrderStatusView {
  return {
    outTradeNo: 'TT20261213000001',
    status: 'paid',
    statusLabel: '已到账',
    amountFen: 734_567,
    amountLabel: '¥7,345.67',
    transferId: 't-pay-2',
    ...overrides,
  };
}

export function aFundsReceipt(overrides: Partial<ReceiptView> = {}): ReceiptView {
  return {
    transferId: 't-pay-2',
    receiptNo: 'TT-000213',
    unitNo: '5-02',
    ownerMasked: '钟*',
    amountFen: 1_234_567,
    amountLabel: '¥12,345.67',
    channel: 'pay-link',
    channelLabel: '代付链接',
    payerName: '王小明（朋友）',
    paidAt: '2026-12-13T12:23:00+08:00',
    outTradeNo: 'TT20261213000001',
    transactionId: '4200000001',
    pending: false,
    statusLabel: '已到账',
    entryHash: '9c01bb4e77d03f2a1122334455667788990011223344556677889900aabbccdd',
    seq: 213,
    ...overrides,
  };
}

export interface PaymentStub {
  calls: WechatMiniprogram.RequestPaymentOption[];
}

/** wx.requestPayment that ends the way the test says: paid, the payer cancels, or WeChat fails. */
export function stubPayment(outcome: 'paid' | 'cancel' | 'fail'): PaymentStub {
  const stub: PaymentStub = { calls: [] };
  Object.assign(wx, {
    requestPayment: (option: WechatMiniprogram.RequestPaymentOption) => {
      stub.calls.push(option);
      if (outcome === 'paid') option.success?.({ errMsg: 'requestPayment:ok' });
      else
        option.fail?.({
          errMsg:
            outcome === 'cancel' ? 'requestPayment:fail cancel' : 'requestPayment:fail 余额不足',
        });
    },
  });
  return stub;
}
