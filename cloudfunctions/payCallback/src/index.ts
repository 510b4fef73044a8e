import { callerOpenid } from '../../../server/cloud';
import { registryDb } from '../../../server/repository/docs';
import { handlePayNotification } from '../../../server/funds/payCallback';
import type { PayNotifyAnswer } from '../../../typings/api';

/**
 * payCallback: WeChat Pay's payment notification (cloudPay invokes it, and retries until it
 * answers `{errcode: 0}`). Not an {action} function: the event is WeChat's notification — or a
 * forgery, since any client can invoke a function; server/funds/payCallback.ts trusts only
 * queryOrder.
 */
export async function main(event: unknown): Promise<PayNotifyAnswer> {
  try {
    return await handlePayNotification(event, {
      db: registryDb(),
      now: new Date(),
      caller: callerOpenid(),
    });
  } catch (error) {
    console.error('payCallback failed', error);
    return { errcode: 1, errmsg: '暂时无法处理，请稍后重试' };
  }
}
