import type { PayNotifyAnswer } from '../../typings/api';
import type { TestCloud } from '../helpers/localCloud';
import { functionClient, type FunctionClient } from './functionClient';

/** Typed calls of the funds function through the local cloud, and its payment callback. */
export interface FundsClient extends FunctionClient<'funds'> {
  /** Invokes payCallback directly, as any client (or WeChat) can. */
  callback(event: Record<string, unknown>, openid: string): Promise<PayNotifyAnswer>;
}

export function funds(t: TestCloud): FundsClient {
  return {
    ...functionClient(t, 'funds'),
    async callback(event, openid) {
      const r = await t.call('payCallback', event, openid);
      if (r.status !== 200)
        throw new Error(`payCallback: HTTP ${r.status} ${JSON.stringify(r.body)}`);
      return (r.body as { result: PayNotifyAnswer }).result;
    },
  };
}
