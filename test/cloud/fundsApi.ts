import type {
  ActionName,
  ActionRequest,
  ActionResponse,
  ApiErr,
  ApiResult,
  PayNotifyAnswer,
} from '../../typings/api';
import type { TestCloud } from '../helpers/localCloud';

type Action = ActionName<'funds'>;

/** Typed calls of the funds function through the local cloud, as a given WeChat user. */
export interface FundsClient {
  call<A extends Action>(
    action: A,
    request: ActionRequest<'funds', A>,
    openid: string,
  ): Promise<ApiResult<ActionResponse<'funds', A>>>;
  ok<A extends Action>(
    action: A,
    request: ActionRequest<'funds', A>,
    openid: string,
  ): Promise<ActionResponse<'funds', A>>;
  err<A extends Action>(
    action: A,
    request: ActionRequest<'funds', A>,
    openid: string,
  ): Promise<ApiErr>;
  /** Invokes payCallback directly, as any client (or WeChat) can. */
  callback(event: Record<string, unknown>, openid: string): Promise<PayNotifyAnswer>;
}

export function funds(t: TestCloud): FundsClient {
  const call: FundsClient['call'] = async (action, request, openid) => {
    const r = await t.call('funds', Object.assign({ action }, request), openid);
    if (r.status !== 200) {
      throw new Error(`funds.${action}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    }
    return (r.body as { result: ApiResult<never> }).result;
  };
  return {
    call,
    async ok(action, request, openid) {
      const result = await call(action, request, openid);
      if (!result.ok) {
        throw new Error(`funds.${action} as ${openid}: ${result.code} ${result.message}`);
      }
      return result.data;
    },
    async err(action, request, openid) {
      const result = await call(action, request, openid);
      if (result.ok) {
        throw new Error(`funds.${action} as ${openid} succeeded: ${JSON.stringify(result.data)}`);
      }
      return result;
    },
    async callback(event, openid) {
      const r = await t.call('payCallback', event, openid);
      if (r.status !== 200)
        throw new Error(`payCallback: HTTP ${r.status} ${JSON.stringify(r.body)}`);
      return (r.body as { result: PayNotifyAnswer }).result;
    },
  };
}
