import type { CloudServices } from '../module';
import type { NotifyAttempt, PayOrder } from './orders';
import { nonce, SERVICE_MCH_ID } from './wxPayApis';

/**
 * Delivers a payment notification to the function the order named, as cloudPay does: the event
 * is the camelCase WeChat Pay notification, and anything but `{errcode: 0}` (a throw included)
 * counts as not received, so it is sent again. WeChat retries 15 times over a day; locally the
 * schedule is short and bounded.
 */
export interface NotifyOptions {
  services: CloudServices;
  appid: string;
  /** Waits before attempts 2, 3, …; its length + 1 is the number of attempts. */
  retryDelaysMs: readonly number[];
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface NotifyResult {
  attempts: NotifyAttempt[];
  acknowledged: boolean;
}

export function notificationEvent(order: PayOrder, appid: string): Record<string, unknown> {
  const paid = order.state === 'SUCCESS';
  const event: Record<string, unknown> = {
    appid,
    bankType: 'OTHERS',
    cashFee: paid ? order.totalFee : 0,
    feeType: 'CNY',
    isSubscribe: 'N',
    mchId: SERVICE_MCH_ID,
    nonceStr: nonce(),
    openid: order.payer,
    outTradeNo: order.outTradeNo,
    resultCode: paid ? 'SUCCESS' : 'FAIL',
    returnCode: 'SUCCESS',
    subAppid: appid,
    subIsSubscribe: 'N',
    subMchId: order.subMchId,
    subOpenid: order.payer,
    timeEnd: order.timeEnd,
    totalFee: order.totalFee,
    tradeType: order.tradeType,
    transactionId: order.transactionId,
    userInfo: { appId: appid, openId: order.payer },
  };
  if (order.attach !== null) event.attach = order.attach;
  if (!paid) {
    event.errCode = 'PAYERROR';
    event.errCodeDes = '支付失败';
  }
  return event;
}

export async function deliverNotification(
  order: PayOrder,
  options: NotifyOptions,
  onAttempt: (attempt: NotifyAttempt) => void,
): Promise<NotifyResult> {
  const attempts: NotifyAttempt[] = [];
  const event = notificationEvent(order, options.appid);
  const total = options.retryDelaysMs.length + 1;
  for (let i = 0; i < total; i++) {
    if (i > 0) await options.sleep(options.retryDelaysMs[i - 1] ?? 0);
    const attempt: NotifyAttempt = { attempt: i + 1, at: options.now(), acknowledged: false };
    try {
      const answer = await options.services.invokeFunction(order.functionName, event, {
        openid: order.payer,
      });
      attempt.acknowledged = isAcknowledged(answer);
      if (!attempt.acknowledged) attempt.error = `answered ${safeJson(answer)}`;
    } catch (e) {
      attempt.error = e instanceof Error ? e.message : String(e);
    }
    attempts.push(attempt);
    onAttempt(attempt);
    if (attempt.acknowledged) return { attempts, acknowledged: true };
  }
  return { attempts, acknowledged: false };
}

function isAcknowledged(answer: unknown): boolean {
  return (
    typeof answer === 'object' && answer !== null && (answer as { errcode?: unknown }).errcode === 0
  );
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
