import type {
  ActionName,
  ActionRequest,
  ActionResponse,
  ApiErr,
  ApiResult,
} from '../../typings/api';
import type { TestCloud } from '../helpers/localCloud';

type Action = ActionName<'updates'>;

/** Typed calls of the updates function through the local cloud, as a given WeChat user. */
export interface UpdatesClient {
  call<A extends Action>(
    action: A,
    request: ActionRequest<'updates', A>,
    openid: string,
  ): Promise<ApiResult<ActionResponse<'updates', A>>>;
  ok<A extends Action>(
    action: A,
    request: ActionRequest<'updates', A>,
    openid: string,
  ): Promise<ActionResponse<'updates', A>>;
  err<A extends Action>(
    action: A,
    request: ActionRequest<'updates', A>,
    openid: string,
  ): Promise<ApiErr>;
}

export function updates(t: TestCloud): UpdatesClient {
  const call: UpdatesClient['call'] = async (action, request, openid) => {
    const r = await t.call('updates', Object.assign({ action }, request), openid);
    if (r.status !== 200) {
      throw new Error(`updates.${action}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    }
    return (r.body as { result: ApiResult<never> }).result;
  };
  return {
    call,
    async ok(action, request, openid) {
      const result = await call(action, request, openid);
      if (!result.ok)
        throw new Error(`updates.${action} as ${openid}: ${result.code} ${result.message}`);
      return result.data;
    },
    async err(action, request, openid) {
      const result = await call(action, request, openid);
      if (result.ok) {
        throw new Error(`updates.${action} as ${openid} succeeded: ${JSON.stringify(result.data)}`);
      }
      return result;
    },
  };
}
