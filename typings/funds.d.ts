/**
 * funds: cost-split schemes, the charges issued from a binding scheme, and payments (WeChat Pay,
 * pay links that a proxy or friend opens).
 *
 * Money is integer fen, always with a display text beside it (`…Label`, e.g. "¥12,345.67");
 * areas are integer hundredths of m². Instants are ISO text with the +08:00 offset; days are
 * YYYY-MM-DD (Shanghai).
 */
import type { PlanKeyName } from './decisions';

/** 按面积 / 楼层系数 × 面积 / 每户均摊 (民法典 art. 283: by area unless agreed otherwise). */
export type SplitMethodName = 'area' | 'floor-coefficient' | 'equal';

/**
 * Where a scheme stands:
 * - `draft`: not attached to a vote (or its vote is still a draft): organizers only;
 * - `on-vote`: attached to a plan of a decision that is on notice, open or being counted;
 * - `binding`: that decision is final and passed with this plan (or the proposal) — charges can
 *   be issued from it;
 * - `not-adopted`: the decision is final and this plan did not carry.
 */
export type SchemeStatusName = 'draft' | 'on-vote' | 'binding' | 'not-adopted';

export type PayChannelName = 'wechat' | 'pay-link' | 'cash';

export interface ByScheme {
  schemeId: string;
}

/** One floor's coefficient: `thousandths` = coefficient × 1000 (0.7 → 700; 0 = the floor pays nothing). */
export interface FloorCoefficient {
  floor: number;
  thousandths: number;
}

/** A unit that pays nothing by agreement, and why (shown beside the scheme). */
export interface ExemptionInput {
  unitId: string;
  reason: string;
}

export interface ExemptionView extends ExemptionInput {
  unitNo: string;
}

/** The vote a scheme is attached to: a plan of a choice among plans, or the proposal itself (`planKey: null`). */
export interface SchemeLinkView {
  decisionId: string;
  decisionTitle: string;
  planKey: PlanKeyName | null;
  /** "方案A：保留导轨，更换其余部件", or the proposal's title. */
  planLabel: string;
}

export interface SchemeView {
  id: string;
  title: string;
  method: SplitMethodName;
  /** 按面积分摊 / 按楼层系数×面积分摊 / 每户均摊 */
  methodLabel: string;
  totalFen: number;
  totalLabel: string;
  /** Empty unless the method is floor-coefficient; every floor of the building is listed. */
  coefficients: FloorCoefficient[];
  exemptions: ExemptionView[];
  link: SchemeLinkView | null;
  status: SchemeStatusName;
  /** 草案 / 投票中 / 已生效 / 未通过 */
  statusLabel: string;
  /** How the fen left over by rounding are placed, in words residents read. */
  roundingRule: string;
  /** Organizers may still change it (not attached to a vote past its draft, no charges issued). */
  editable: boolean;
  /** Charges issued from it so far (0 until issueCharges). */
  chargedUnits: number;
  chargedFen: number;
  createdAt: string;
  updatedAt: string;
}

/** The fields an organizer sets on a scheme. */
export interface SchemeFieldsRequest {
  title: string;
  method: SplitMethodName;
  /** Required unless the scheme is attached to a plan with a cost (then that cost is the total). */
  totalFen?: number;
  /** Floor-coefficient schemes: one per floor that has units. */
  coefficients?: FloorCoefficient[];
  exemptions?: ExemptionInput[];
  /** Attach to a decision's plan (the decision must still be a draft); null detaches. */
  link?: { decisionId: string; planKey: PlanKeyName | null } | null;
}

export interface ShareRow {
  unitId: string;
  unitNo: string;
  floor: number;
  areaHundredths: number;
  /** One per compared scheme, in the order of `schemes`. */
  sharesFen: number[];
  /** One per compared scheme: the unit is exempt under it. */
  exempt: boolean[];
  /** The caller owns this unit or acts for it. */
  mine: boolean;
}

export interface FloorShare {
  floor: number;
  units: number;
  totalFen: number;
  /** Average share of the floor's units, rounded down to the fen. */
  averageFen: number;
  averageLabel: string;
}

export interface SchemeStats {
  /** Units that pay something. */
  payingUnits: number;
  exemptUnits: number;
  minFen: number;
  /** The middle share of the paying units (the lower middle when their count is even). */
  medianFen: number;
  maxFen: number;
  minLabel: string;
  medianLabel: string;
  maxLabel: string;
}

export interface MyShare {
  unitId: string;
  unitNo: string;
  fen: number;
  label: string;
}

export interface ComparedScheme {
  scheme: SchemeView;
  stats: SchemeStats;
  /** The caller's own units under this scheme (empty for someone with no unit). */
  mine: MyShare[];
  /** The caller's total under this scheme, e.g. "您家约 ¥12,345.67"; null with no unit. */
  mineLabel: string | null;
  /** Floor by floor, lowest first: for the chart. */
  floors: FloorShare[];
}

export interface ComparisonView {
  schemes: ComparedScheme[];
  /** Every unit's share under each scheme, a page at a time, in room-number order. */
  rows: ShareRow[];
  offset: number;
  total: number;
}

/** My share under one plan of a decision, before I vote. */
export interface PlanShareView {
  planKey: PlanKeyName | null;
  planTitle: string;
  costFen: number;
  costLabel: string;
  /** The scheme attached to the plan; null = split by area (art. 283's default). */
  schemeId: string | null;
  method: SplitMethodName;
  methodLabel: string;
  units: MyShare[];
  totalFen: number;
  /** "方案A：您家约 ¥12,345.67" (or "本议题：您家约 ¥…" for a proposal). */
  label: string;
}

export interface MySharesView {
  decisionId: string;
  /** Plans with a cost only, in the decision's order; empty when none has a cost or I have no unit. */
  plans: PlanShareView[];
}

export interface IssueChargesResult {
  schemeId: string;
  /** Charges written by this call. */
  issued: number;
  /** Units already charged before this call (re-issuing issues nothing new). */
  alreadyIssued: number;
  /** Units still to charge: call again (large buildings are charged a thousand units a call). */
  remaining: number;
  chargedUnits: number;
  chargedFen: number;
}

/** One money movement of a unit as its owner reads it. */
export interface UnitMovementView {
  transferId: string;
  at: string;
  kind: 'charge' | 'payment' | 'cash' | 'correction' | 'refund';
  /** 应缴分摊款 / 微信支付 / 代付链接 / 现金 / 更正 / 退款 */
  kindLabel: string;
  amountFen: number;
  amountLabel: string;
  channel: PayChannelName | null;
  channelLabel: string | null;
  /** Who paid (the owner, their proxy, a friend, or staff for cash); null for charges. */
  payerName: string | null;
  /** Cash awaiting the treasurer: "现金已收，待入账". */
  pending: boolean;
  statusLabel: string;
  /** A receipt can be opened (payments and posted cash). */
  hasReceipt: boolean;
}

export type UnitPayStateName = 'no-charge' | 'unpaid' | 'partly' | 'paid' | 'overpaid';

export interface UnitAccountView {
  unitId: string;
  unitNo: string;
  /** 业主 / 代理人 / 住户 */
  asLabel: string;
  /** The caller may pay for it (owner, or proxy with a pay scope). */
  canPay: boolean;
  chargedFen: number;
  paidFen: number;
  /** Cash staff received that the treasurer has not posted yet. */
  pendingCashFen: number;
  /** What is still to pay: charged − paid − pending cash (never below 0). */
  leftFen: number;
  chargedLabel: string;
  paidLabel: string;
  pendingCashLabel: string;
  leftLabel: string;
  state: UnitPayStateName;
  /** 未缴 / 部分缴纳 / 已缴清 / 多缴 / 暂无应缴 (+ "，现金已收，待入账" while cash is pending). */
  stateLabel: string;
  dueDate: string | null;
  schemeTitle: string | null;
  movements: UnitMovementView[];
}

export interface MyAccountView {
  units: UnitAccountView[];
}

/** Spread into `wx.requestPayment({...payment, success, fail})`. */
export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'MD5' | 'HMAC-SHA256' | 'RSA';
  paySign: string;
}

export type CreateOrderRequest =
  | {
      /** The caller pays for their own unit (owner, or proxy with a pay scope). */
      unitId: string;
      amountFen: number;
    }
  | {
      /** Whoever opened a pay link pays for the link's unit. */
      linkToken: string;
      amountFen: number;
      /** How the owner will see the payer named on the receipt, e.g. "王小明（朋友）". */
      payerName: string;
    };

export interface CreatedOrder {
  outTradeNo: string;
  unitNo: string;
  amountFen: number;
  amountLabel: string;
  payment: RequestPaymentParams;
}

export type OrderStatusName = 'unpaid' | 'paid' | 'failed' | 'anomaly';

export interface OrderStatusView {
  outTradeNo: string;
  status: OrderStatusName;
  /** 待支付 / 已到账 / 支付未成功 / 金额异常，待出纳核对 */
  statusLabel: string;
  amountFen: number;
  amountLabel: string;
  /** The ledger transfer once paid: open the receipt with it. */
  transferId: string | null;
}

export interface PayLinkView {
  token: string;
  /** The mini program page a friend opens: `/pages/pay/index?link=<token>`. */
  path: string;
  unitNo: string;
  expiresAt: string;
}

export interface PayLinkInfoView {
  unitNo: string;
  /** 钱*康 */
  ownerMasked: string;
  leftFen: number;
  leftLabel: string;
  expiresAt: string;
  /** False when the link expired or nothing is left to pay (the page says why). */
  payable: boolean;
  reason: string | null;
}

export interface ReceiptView {
  transferId: string;
  /** Printed receipt number: the ledger sequence, e.g. "TT-000123". */
  receiptNo: string;
  unitNo: string;
  ownerMasked: string;
  amountFen: number;
  amountLabel: string;
  channel: PayChannelName;
  channelLabel: string;
  payerName: string;
  paidAt: string;
  /** Our order number and WeChat's transaction id (online payments). */
  outTradeNo: string | null;
  transactionId: string | null;
  pending: boolean;
  statusLabel: string;
  /** The entry's hash in the public ledger, so anyone can find it there. */
  entryHash: string | null;
  seq: number | null;
}

export type AnomalyKindName =
  'unconfirmed' | 'amount-mismatch' | 'unknown-order' | 'overpaid' | 'malformed';

export interface PayAnomalyView {
  id: string;
  kind: AnomalyKindName;
  /** 未经微信确认的支付通知 / 金额不符 / 非本系统订单 / 多缴 / 通知格式错误 */
  kindLabel: string;
  outTradeNo: string | null;
  unitNo: string | null;
  /** What the order expected and what WeChat (or the event) said. */
  expectedFen: number | null;
  reportedFen: number | null;
  detail: string;
  at: string;
  resolved: boolean;
  resolution: string | null;
}

export interface ReconcileResult {
  checked: number;
  credited: number;
  stillUnpaid: number;
  failed: number;
  anomalies: number;
}

export interface FundsApi {
  /** Schemes a caller may see: organizers all, others those attached to a posted vote. */
  listSchemes: { request: Record<string, never>; response: { schemes: SchemeView[] } };
  createScheme: { request: SchemeFieldsRequest; response: SchemeView };
  editScheme: { request: ByScheme & Partial<SchemeFieldsRequest>; response: SchemeView };
  /** Side by side: 1 to 4 schemes; `rows` paged (default 200 a page). */
  compareSchemes: {
    request: { schemeIds: string[]; offset?: number; limit?: number };
    response: ComparisonView;
  };
  /** My share under each plan of a decision that has a cost. */
  myShares: { request: { decisionId: string }; response: MySharesView };
  /** One charge per paying unit from a binding scheme; idempotent. */
  issueCharges: {
    request: ByScheme & { dueDate: string };
    response: IssueChargesResult;
  };
  myAccount: { request: Record<string, never>; response: MyAccountView };
  /** A WeChat Pay order for part or all of what is left (at least ¥1, never more than is left). */
  createOrder: { request: CreateOrderRequest; response: CreatedOrder };
  /** After wx.requestPayment: asks WeChat and credits if it was paid (the callback may lag). */
  orderStatus: { request: { outTradeNo: string }; response: OrderStatusView };
  createPayLink: { request: { unitId: string }; response: PayLinkView };
  payLinkInfo: { request: { linkToken: string }; response: PayLinkInfoView };
  receipt: { request: { transferId: string }; response: ReceiptView };
  /** Asks WeChat about unpaid orders older than `olderThanMinutes` (default 10) and credits the paid ones. */
  reconcile: { request: { olderThanMinutes?: number }; response: ReconcileResult };
  anomalies: {
    request: { includeResolved?: boolean };
    response: { anomalies: PayAnomalyView[] };
  };
  resolveAnomaly: {
    request: { anomalyId: string; resolution: string };
    response: PayAnomalyView;
  };
}

/**
 * The function `payCallback` is not an {action} function: WeChat Pay (through cloudPay) invokes it
 * with this notification, and it must answer `PayNotifyAnswer` with errcode 0 or be called again.
 * Any client can invoke it too, so nothing in the event is trusted (it is checked with queryOrder).
 */
export interface PayNotifyEvent {
  returnCode?: string;
  resultCode?: string;
  outTradeNo?: string;
  transactionId?: string;
  totalFee?: number;
  subOpenid?: string;
  subMchId?: string;
  timeEnd?: string;
}

export interface PayNotifyAnswer {
  errcode: number;
  errmsg: string;
}
