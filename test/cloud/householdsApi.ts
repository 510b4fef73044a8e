import type {
  ActionName,
  ActionRequest,
  ActionResponse,
  ApiErr,
  ApiResult,
} from '../../typings/api';
import type { TestCloud } from '../helpers/localCloud';

/** Typed calls of the households function through the local cloud, as a given WeChat user. */
export interface HouseholdsClient {
  call<A extends ActionName<'households'>>(
    action: A,
    request: ActionRequest<'households', A>,
    openid: string,
  ): Promise<ApiResult<ActionResponse<'households', A>>>;
  /** The answer's data, or a thrown error naming the code and message. */
  ok<A extends ActionName<'households'>>(
    action: A,
    request: ActionRequest<'households', A>,
    openid: string,
  ): Promise<ActionResponse<'households', A>>;
  /** The refusal; throws if the call succeeded. */
  err<A extends ActionName<'households'>>(
    action: A,
    request: ActionRequest<'households', A>,
    openid: string,
  ): Promise<ApiErr>;
}

export function households(t: TestCloud): HouseholdsClient {
  const call: HouseholdsClient['call'] = async (action, request, openid) => {
    const r = await t.call('households', { ...(request as object), action }, openid);
    if (r.status !== 200)
      throw new Error(`households.${action}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    return (r.body as { result: ApiResult<never> }).result;
  };
  return {
    call,
    async ok(action, request, openid) {
      const result = await call(action, request, openid);
      if (!result.ok)
        throw new Error(`households.${action} as ${openid}: ${result.code} ${result.message}`);
      return result.data;
    },
    async err(action, request, openid) {
      const result = await call(action, request, openid);
      if (result.ok)
        throw new Error(
          `households.${action} as ${openid} succeeded: ${JSON.stringify(result.data)}`,
        );
      return result;
    },
  };
}

/** Documents of a collection straight from the local cloud's store (test inspection only). */
export function documents<T>(t: TestCloud, collection: string): T[] {
  return t.cloud.database.documents(collection, 0, 100_000).docs as T[];
}
