/**
 * WeChat Pay orders: the owner or their proxy pays for the unit, or whoever opened a pay link
 * pays for the link's unit. Each attempt is our own order number; the order is stored before
 * WeChat hears of it, so a notification always finds it. At least ¥1, never more than is left.
 */
import { randomBytes } from 'node:crypto';
import type {
  CreatedOrder,
  CreateOrderRequest,
  OrderStatusName,
  OrderStatusView,
  ReconcileResult,
} from '../../typings/api';
import type { Payer, PayOrder, PayOrderChannel } from '../../core/funds/model';
import { formatFen } from '../../core/funds/money';
import { amountRefusal, newOutTradeNo } from '../../core/funds/payments';
import type { Unit } from '../../core/registry/model';
import { shanghaiIso } from '../../core/registry/time';
import type { UseCaseContext } from '../auth/guard';
import { requireOpenid } from '../auth/guard';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { docs, find } from '../repository/docs';
import { subMchId, unifiedOrder } from './cloudPay';
import { openLink } from './links';
import { loadUnit, payerName } from './registry';
import { settleOrder } from './settle';
import { assertMayPay, leftOf } from './unitMoney';

const CHANNEL_BODY: Record<PayOrderChannel, string> = {
  wechat: '电梯更新分摊款',
  'pay-link': '电梯更新分摊款（代付）',
};

export async function createOrder(
  request: CreateOrderRequest,
  ctx: UseCaseContext,
): Promise<CreatedOrder> {
  const openid = requireOpenid(ctx);
  const caller = await ctx.caller();
  let unit: Unit;
  let channel: PayOrderChannel;
  let linkId: string | null = null;
  let payer: Payer;
  if ('linkToken' in request) {
    const link = await openLink(ctx.db, request.linkToken, ctx.now);
    unit = await loadUnit(docs(ctx.db), link.unitId);
    channel = 'pay-link';
    linkId = link._id;
    payer = { openid, personId: caller.member?.personId ?? null, name: request.payerName };
  } else {
    unit = await loadUnit(docs(ctx.db), request.unitId);
    await assertMayPay(ctx, caller, unit);
    channel = 'wechat';
    payer = {
      openid,
      personId: caller.member?.personId ?? null,
      name: await payerName(ctx.db, caller),
    };
  }
  const left = await leftOf(ctx.db, unit._id);
  const refusal = amountRefusal(request.amountFen, left);
  if (refusal) throw new AppError('INVALID_INPUT', refusal);
  const outTradeNo = newOutTradeNo(ctx.now, randomBytes(12));
  const order: PayOrder = {
    _id: outTradeNo,
    buildingId: unit.buildingId,
    unitId: unit._id,
    unitNo: unit.unitNo,
    amountFen: request.amountFen,
    channel,
    payer,
    linkId,
    subMchId: subMchId(),
    status: 'unpaid',
    createdAt: shanghaiIso(ctx.now),
    createdMs: ctx.now.getTime(),
    paidAt: null,
    transactionId: null,
    transferId: null,
  };
  const { _id, ...fields } = order;
  await docs(ctx.db).set('payOrders', _id, fields);
  let payment: CreatedOrder['payment'];
  try {
    payment = await unifiedOrder({
      outTradeNo,
      totalFee: order.amountFen,
      body: `${CHANNEL_BODY[channel]} ${unit.unitNo}`,
    });
  } catch (error) {
    await docs(ctx.db).update('payOrders', outTradeNo, { status: 'failed' });
    throw error;
  }
  return {
    outTradeNo,
    unitNo: unit.unitNo,
    amountFen: order.amountFen,
    amountLabel: formatFen(order.amountFen),
    payment,
  };
}

const STATUS_LABELS: Record<OrderStatusName, string> = {
  unpaid: '待支付',
  paid: '已到账',
  failed: '支付未成功',
  anomaly: '金额异常，待出纳核对',
};

function orderStatusView(order: PayOrder): OrderStatusView {
  return {
    outTradeNo: order._id,
    status: order.status,
    statusLabel: STATUS_LABELS[order.status],
    amountFen: order.amountFen,
    amountLabel: formatFen(order.amountFen),
    transferId: order.transferId,
  };
}

/** The payer's own order; an unpaid one is checked with WeChat (and credited if it was paid). */
export async function orderStatus(
  request: { outTradeNo: string },
  ctx: UseCaseContext,
): Promise<OrderStatusView> {
  const openid = requireOpenid(ctx);
  const order = await docs(ctx.db).get<PayOrder>('payOrders', request.outTradeNo);
  if (!order || order.payer.openid !== openid) {
    throw new AppError('NOT_FOUND', '没有找到这笔缴款');
  }
  const withId = { ...order, _id: request.outTradeNo };
  if (withId.status !== 'unpaid') return orderStatusView(withId);
  const settled = await settleOrder(ctx.db, withId, ctx.now, openid);
  return orderStatusView(settled.order);
}

/** How many unpaid orders one reconcile asks WeChat about. */
const RECONCILE_BATCH = 100;

/**
 * The treasurer (or a scheduled job) asks WeChat about unpaid orders older than a few minutes —
 * their notification never came or was not acknowledged — and credits those that were paid,
 * through the same path as the callback.
 */
export async function reconcileOrders(
  db: Db,
  now: Date,
  olderThanMinutes: number,
  caller: string,
): Promise<ReconcileResult> {
  const before = now.getTime() - olderThanMinutes * 60_000;
  const orders = await find<PayOrder>(
    db,
    'payOrders',
    { status: 'unpaid', createdMs: db.command.lte(before) },
    { orderBy: ['createdMs', 'asc'], limit: RECONCILE_BATCH },
  );
  const result: ReconcileResult = {
    checked: 0,
    credited: 0,
    stillUnpaid: 0,
    failed: 0,
    anomalies: 0,
  };
  for (const order of orders) {
    const settled = await settleOrder(db, order, now, caller);
    result.checked += 1;
    if (settled.outcome === 'credited') result.credited += 1;
    else if (settled.outcome === 'unpaid') result.stillUnpaid += 1;
    else if (settled.outcome === 'failed') result.failed += 1;
    else if (settled.outcome === 'anomaly') result.anomalies += 1;
  }
  return result;
}

export async function reconcile(
  request: { olderThanMinutes?: number },
  ctx: UseCaseContext,
): Promise<ReconcileResult> {
  const caller = await ctx.caller();
  return reconcileOrders(ctx.db, ctx.now, request.olderThanMinutes ?? 10, caller.openid);
}
