import type {
  CreatedOrder,
  MyAccountView,
  OrderStatusView,
  PayLinkInfoView,
  PayLinkView,
  ReceiptView,
  SchemeView,
  UnitAccountView,
  UnitMovementView,
} from '../../../typings/api';
import type {
  LedgerEntriesPage,
  LedgerEntryView,
  LedgerSummaryView,
} from '../../../miniprogram/services/ledgerReading';
import { answer } from '../harness';

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

export function aLedgerSummary(overrides: Partial<LedgerSummaryView> = {}): LedgerSummaryView {
  return {
    targetFen: 168_000_000,
    targetLabel: '¥1,680,000.00',
    collectedFen: 108_043_200,
    collectedLabel: '¥1,080,432.00',
    pendingCashFen: 300_000,
    pendingCashLabel: '¥3,000.00',
    entryCount: 212,
    headHash: 'a3f1c09e7b2d4e5f60718293a4b5c6d7e8f90123456789abcdef0123456789ab',
    paid: [{ unitNo: '2-01', ownerMasked: '钱*康' }],
    partly: [{ unitNo: '12-03', ownerMasked: '孙*国' }],
    unpaid: [
      { unitNo: '5-02', ownerMasked: '钟*' },
      { unitNo: '7-04', ownerMasked: '李*华' },
    ],
    expenses: [
      {
        id: 'e1',
        title: '定金（合同第一期）',
        amountFen: 50_400_000,
        amountLabel: '¥504,000.00',
        paidAt: '2026-12-05T15:00:00+08:00',
        invoiceFileIds: ['cloud://env/invoices/e1-1.jpg', 'cloud://env/invoices/e1-2.jpg'],
      },
    ],
    ...overrides,
  };
}

export function anEntry(seq: number, overrides: Partial<LedgerEntryView> = {}): LedgerEntryView {
  return {
    seq,
    at: '2026-12-13T12:23:00+08:00',
    kindLabel: '微信支付',
    amountFen: 500_000,
    amountLabel: '¥5,000.00',
    unitNo: '12-03',
    channelLabel: '微信支付',
    pending: false,
    hash: `h${seq}`,
    ...overrides,
  };
}

/** Entries newest first, as the ledger pages them: seq total, total-1, … */
export function entriesPage(offset: number, limit: number, total: number): LedgerEntriesPage {
  const entries: LedgerEntryView[] = [];
  for (let i = offset; i < Math.min(offset + limit, total); i += 1)
    entries.push(anEntry(total - i));
  return { entries, offset, total };
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

type LooseAnswer = (fn: 'ledger', action: string, reply: unknown) => void;

/** The ledger contract has no read actions yet (see services/ledgerReading.ts). */
export const answerLedger = answer as unknown as LooseAnswer;

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
