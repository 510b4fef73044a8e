import type {
  ActionName,
  ActionRequest,
  ActionResponse,
  ApiErr,
  ApiResult,
  FunctionName,
} from '../../typings/api';
import type { TestCloud } from '../helpers/localCloud';

/** Typed calls of one cloud function through the local cloud, as a given WeChat user. */
export interface FunctionClient<F extends FunctionName> {
  call<A extends ActionName<F>>(
    action: A,
    request: ActionRequest<F, A>,
    openid: string,
  ): Promise<ApiResult<ActionResponse<F, A>>>;
  /** The answer's data; throws when the function refused. */
  ok<A extends ActionName<F>>(
    action: A,
    request: ActionRequest<F, A>,
    openid: string,
  ): Promise<ActionResponse<F, A>>;
  /** The refusal; throws when the function answered ok. */
  err<A extends ActionName<F>>(
    action: A,
    request: ActionRequest<F, A>,
    openid: string,
  ): Promise<ApiErr>;
}

export function functionClient<F extends FunctionName>(t: TestCloud, fn: F): FunctionClient<F> {
  const call = async <A extends ActionName<F>>(
    action: A,
    request: ActionRequest<F, A>,
    openid: string,
  ): Promise<ApiResult<ActionResponse<F, A>>> => {
    const r = await t.call(fn, { ...(request as object), action }, openid);
    if (r.status !== 200) {
      throw new Error(`${fn}.${action}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    }
    return (r.body as { result: ApiResult<ActionResponse<F, A>> }).result;
  };
  return {
    call,
    async ok(action, request, openid) {
      const result = await call(action, request, openid);
      if (!result.ok) {
        throw new Error(`${fn}.${action} as ${openid}: ${result.code} ${result.message}`);
      }
      return result.data;
    },
    async err(action, request, openid) {
      const result = await call(action, request, openid);
      if (result.ok) {
        throw new Error(`${fn}.${action} as ${openid} succeeded: ${JSON.stringify(result.data)}`);
      }
      return result;
    },
  };
}

/** Documents of a collection straight from the local cloud's store (test inspection only). */
export function stored<T>(t: TestCloud, collection: string): T[] {
  return t.cloud.database.documents(collection, 0, 1_000_000).docs as T[];
}

/** The database requests of the newest invocation of `fn.action`. */
export function lastRequestsOf(t: TestCloud, fn: FunctionName, action: string): number {
  const record = t.cloud.invocations().find((r) => r.functionName === fn && r.action === action);
  if (!record) throw new Error(`no invocation of ${fn}.${action}`);
  return record.dbRequests;
}
