/**
 * The one path by which a WeChat payment reaches the ledger, shared by the payment callback, the
 * payer's own status check and the treasurer's reconcile: WeChat's answer to queryOrder (never a
 * notification's word) decides; exactly one 'payment' transfer keyed by WeChat's transaction id
 * is posted, in the same transaction that marks the order paid. A repeat finds the order paid and
 * writes nothing; a mismatch is recorded for the treasurer and never credited.
 */
import type { AnomalyKind, PayAnomaly, PayOrder } from '../../core/funds/model';
import { paymentTransferId } from '../../core/funds/model';
import { formatFen } from '../../core/funds/money';
import { type QueriedTrade, verdictOf } from '../../core/funds/payments';
import { unitAccount } from '../../core/ledger/accounts';
import { paymentTransfer } from '../../core/funds/charges';
import { shanghaiIso } from '../../core/registry/time';
import { randomId } from '../auth/secrets';
import type { Db } from '../cloud';
import { docs } from '../repository/docs';
import { balancesOf } from '../ledger/balances';
import { inLedgerTransaction, postTransfers } from '../ledger/post';
import { queryTrade } from './cloudPay';
import { tellOwnerOfPayment } from '../reminders/actedForOwner';

const ABANDONED_AFTER_MS = 3 * 3600_000;

export type SettleOutcome = 'credited' | 'already-paid' | 'unpaid' | 'failed' | 'anomaly';

export interface Settled {
  outcome: SettleOutcome;
  order: PayOrder;
}

export interface AnomalyInput {
  kind: AnomalyKind;
  outTradeNo: string | null;
  transactionId?: string | null;
  order?: Pick<PayOrder, 'unitId' | 'unitNo' | 'amountFen'> | null;
  reportedFen?: number | null;
  detail: string;
  caller: string;
}

/**
 * Records an anomaly. With `id`, a repeat of the same anomaly (a retried notification) lands on
 * the same document instead of piling up.
 */
export async function recordAnomaly(
  db: Db,
  input: AnomalyInput,
  now: Date,
  id: string = randomId('pa'),
): Promise<void> {
  const anomaly: PayAnomaly = {
    _id: id,
    kind: input.kind,
    outTradeNo: input.outTradeNo,
    transactionId: input.transactionId ?? null,
    unitId: input.order?.unitId ?? null,
    unitNo: input.order?.unitNo ?? null,
    expectedFen: input.order?.amountFen ?? null,
    reportedFen: input.reportedFen ?? null,
    detail: input.detail,
    caller: input.caller,
    at: shanghaiIso(now),
    resolved: false,
    resolution: null,
    resolvedBy: null,
  };
  const { _id, ...fields } = anomaly;
  await docs(db).set('payAnomalies', _id, fields);
}

/**
 * Settles `order` by what WeChat says about it (`trade`, from queryOrder; asked here when not
 * given). `caller` is whoever triggered the check, for the anomaly log.
 */
export async function settleOrder(
  db: Db,
  order: PayOrder,
  now: Date,
  caller: string,
  trade?: QueriedTrade | null,
): Promise<Settled> {
  if (order.status === 'paid') return { outcome: 'already-paid', order };
  // An order recorded as an anomaly waits for the treasurer: a repeat (or a forgery) must not
  // reopen what they already resolved.
  if (order.status === 'anomaly') return { outcome: 'anomaly', order };
  const answer = trade === undefined ? await queryTrade(order._id) : trade;
  const verdict = answer === null ? null : verdictOf(order, answer);
  if (verdict === null || verdict.kind === 'unpaid') {
    // A prepay id lives two hours: an order still unpaid (or unknown to WeChat) after that will
    // never be paid, and would only crowd the reconcile batch.
    if (now.getTime() - order.createdMs < ABANDONED_AFTER_MS) return { outcome: 'unpaid', order };
  }
  if (
    answer === null ||
    verdict === null ||
    verdict.kind === 'unpaid' ||
    verdict.kind === 'failed'
  ) {
    const failed: PayOrder = { ...order, status: 'failed' };
    if (order.status === 'unpaid')
      await docs(db).update('payOrders', order._id, { status: 'failed' });
    return { outcome: 'failed', order: failed };
  }
  if (verdict.kind === 'mismatch') {
    await recordAnomaly(
      db,
      {
        kind: 'amount-mismatch',
        outTradeNo: order._id,
        transactionId: answer.transactionId,
        order,
        reportedFen: verdict.reportedFen,
        detail: verdict.detail,
        caller,
      },
      now,
      `mismatch:${order._id}`,
    );
    await docs(db).update('payOrders', order._id, { status: 'anomaly' });
    return { outcome: 'anomaly', order: { ...order, status: 'anomaly' } };
  }
  const at = shanghaiIso(now);
  const transferId = paymentTransferId(verdict.transactionId);
  const settled = await inLedgerTransaction(db, async (tx): Promise<Settled> => {
    const current = await tx.get<PayOrder>('payOrders', order._id);
    if (!current) throw new Error(`order ${order._id} vanished`);
    if (current.status === 'paid') return { outcome: 'already-paid', order: current };
    await postTransfers(tx, [paymentTransfer(current, verdict.transactionId)], at);
    const paid: PayOrder = {
      ...current,
      status: 'paid',
      paidAt: at,
      transactionId: verdict.transactionId,
      transferId,
    };
    await tx.update('payOrders', current._id, {
      status: 'paid',
      paidAt: at,
      transactionId: verdict.transactionId,
      transferId,
    });
    return { outcome: 'credited', order: paid };
  });
  if (settled.outcome === 'credited') await flagOverpayment(db, settled.order, now, caller);
  if (settled.outcome === 'credited') await tellOwnerOfPayment(db, { order: settled.order, now });
  return settled;
}

/**
 * Money WeChat took is credited even when two orders together pay more than was owed (it was
 * paid); the treasurer is told, to refund the difference.
 */
async function flagOverpayment(db: Db, order: PayOrder, now: Date, caller: string): Promise<void> {
  const balance = (await balancesOf([unitAccount(order.unitId)], db)).get(
    unitAccount(order.unitId),
  );
  if (!balance || balance.postedFen >= 0) return;
  await recordAnomaly(
    db,
    {
      kind: 'overpaid',
      outTradeNo: order._id,
      transactionId: order.transactionId,
      order,
      reportedFen: -balance.postedFen,
      detail: `${order.unitNo} 已多缴 ${formatFen(-balance.postedFen)}，请核对后退款`,
      caller,
    },
    now,
    `overpaid:${order._id}`,
  );
}
