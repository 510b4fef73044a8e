/**
 * The stored shapes of the funds area: schemes (`schemes`), which plan carries which scheme
 * (`schemeLinks`), charges (`charges`, `_id = schemeId:unitId`), WeChat Pay orders (`payOrders`,
 * `_id = outTradeNo`), pay links (`payLinks`, `_id` = token hash) and payment anomalies
 * (`payAnomalies`). Money is integer fen, areas integer hundredths of m², coefficients integer
 * thousandths; instants ISO text with +08:00.
 */
import type { PlanKey } from '../decisions/model';
import type { SplitMethod } from './split';

export interface Exemption {
  unitId: string;
  unitNo: string;
  reason: string;
}

/** The plan a scheme is put to the vote with; `planKey` null = the decision's proposal itself. */
export interface SchemeLink {
  decisionId: string;
  planKey: PlanKey | null;
}

export interface Scheme {
  _id: string;
  buildingId: string;
  title: string;
  method: SplitMethod;
  totalFen: number;
  /** floor (as text, the way documents keep keys) → coefficient × 1000. */
  coefficients: Record<string, number>;
  exemptions: Exemption[];
  link: SchemeLink | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Kept by issueCharges: how many units and how much were charged so far. */
  chargedUnits: number;
  chargedFen: number;
}

/** `_id = decisionId:planKey` (`-` for a proposal): one scheme per plan, by construction. */
export interface SchemeLinkDoc {
  _id: string;
  decisionId: string;
  planKey: PlanKey | null;
  schemeId: string;
}

export function schemeLinkId(decisionId: string, planKey: PlanKey | null): string {
  return `${decisionId}:${planKey ?? '-'}`;
}

export interface Charge {
  _id: string;
  schemeId: string;
  /** The decision whose plan carried the scheme (a proxy's pay scope may name it). */
  decisionId: string | null;
  buildingId: string;
  unitId: string;
  unitNo: string;
  fen: number;
  dueDate: string;
  /** The ledger transfer that raised the unit's balance. */
  transferId: string;
  issuedAt: string;
  issuedBy: string;
}

export function chargeId(schemeId: string, unitId: string): string {
  return `${schemeId}:${unitId}`;
}

export function chargeTransferId(schemeId: string, unitId: string): string {
  return `charge:${schemeId}:${unitId}`;
}

/** The ledger transfer of a WeChat payment is keyed by WeChat's transaction id: one per payment. */
export function paymentTransferId(transactionId: string): string {
  return `wx:${transactionId}`;
}

export type PayOrderChannel = 'wechat' | 'pay-link';
export type PayOrderStatus = 'unpaid' | 'paid' | 'failed' | 'anomaly';

export interface Payer {
  openid: string;
  personId: string | null;
  name: string;
}

export interface PayOrder {
  _id: string;
  buildingId: string;
  unitId: string;
  unitNo: string;
  amountFen: number;
  channel: PayOrderChannel;
  payer: Payer;
  /** The pay link's id (token hash) when paid through one. */
  linkId: string | null;
  subMchId: string;
  status: PayOrderStatus;
  createdAt: string;
  /** Epoch milliseconds of createdAt, for "older than N minutes" queries. */
  createdMs: number;
  paidAt: string | null;
  transactionId: string | null;
  transferId: string | null;
}

export interface PayLink {
  _id: string;
  /** SHA-256 of the token's secret: the token itself is only in the shared link. */
  tokenHash: string;
  buildingId: string;
  unitId: string;
  unitNo: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

export type AnomalyKind =
  'unconfirmed' | 'amount-mismatch' | 'unknown-order' | 'overpaid' | 'malformed';

export interface PayAnomaly {
  _id: string;
  kind: AnomalyKind;
  outTradeNo: string | null;
  transactionId: string | null;
  unitId: string | null;
  unitNo: string | null;
  expectedFen: number | null;
  reportedFen: number | null;
  detail: string;
  /** Who invoked the callback (a forged call shows its caller). */
  caller: string;
  at: string;
  resolved: boolean;
  resolution: string | null;
  resolvedBy: string | null;
}
