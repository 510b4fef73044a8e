/**
 * WeChat Pay's notification, as cloudPay delivers it to the `payCallback` function. Any client can
 * invoke that function too, so the event only says which order to look at: WeChat's queryOrder
 * decides. A repeat of a paid order is acknowledged without asking again. Every answer is
 * `{errcode: 0}` except when we could not record the outcome (then WeChat should call again).
 */
import type { PayNotifyAnswer } from '../../typings/api';
import type { PayOrder } from '../../core/funds/model';
import { OUT_TRADE_NO } from '../../core/funds/payments';
import type { Db } from '../cloud';
import { docs } from '../repository/docs';
import { recordAnomaly, settleOrder } from './settle';

export const ACK: PayNotifyAnswer = { errcode: 0, errmsg: '' };

function field(event: unknown, key: string): unknown {
  return event && typeof event === 'object' ? (event as Record<string, unknown>)[key] : undefined;
}

function str(event: unknown, key: string): string | null {
  const v = field(event, key);
  return typeof v === 'string' && v !== '' ? v : null;
}

export interface CallbackDeps {
  db: Db;
  now: Date;
  /** Whoever invoked the function (WeChat's payer for real notifications; anyone for forged ones). */
  caller: string;
}

export async function handlePayNotification(
  event: unknown,
  deps: CallbackDeps,
): Promise<PayNotifyAnswer> {
  const { db, now, caller } = deps;
  const outTradeNo = str(event, 'outTradeNo');
  const claimsPaid = str(event, 'resultCode') === 'SUCCESS';
  const reportedFee = field(event, 'totalFee');
  const reportedFen = typeof reportedFee === 'number' ? reportedFee : null;
  if (outTradeNo === null || !OUT_TRADE_NO.test(outTradeNo)) {
    await recordAnomaly(
      db,
      {
        kind: 'malformed',
        outTradeNo: null,
        detail: '支付通知缺少有效的订单号',
        caller,
        reportedFen,
      },
      now,
    );
    return ACK;
  }
  const order = await docs(db).get<PayOrder>('payOrders', outTradeNo);
  if (!order) {
    await recordAnomaly(
      db,
      {
        kind: 'unknown-order',
        outTradeNo,
        transactionId: str(event, 'transactionId'),
        reportedFen,
        detail: `收到非本系统订单 ${outTradeNo} 的支付通知，未入账`,
        caller,
      },
      now,
    );
    return ACK;
  }
  const stored: PayOrder = { ...order, _id: outTradeNo };
  if (stored.status === 'paid') return ACK;
  try {
    const settled = await settleOrder(db, stored, now, caller);
    if (settled.outcome === 'unpaid' && claimsPaid) {
      await recordAnomaly(
        db,
        {
          kind: 'unconfirmed',
          outTradeNo,
          transactionId: str(event, 'transactionId'),
          order: stored,
          reportedFen,
          detail: '收到“已支付”通知，但微信查询该订单未支付：通知不可信，未入账',
          caller,
        },
        now,
      );
    }
    return ACK;
  } catch (error) {
    console.error(`payCallback ${outTradeNo}:`, error);
    return { errcode: 1, errmsg: '暂时无法入账，请稍后重试' };
  }
}
