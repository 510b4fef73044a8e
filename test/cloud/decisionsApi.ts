import type {
  ActionName,
  ActionRequest,
  ActionResponse,
  ApiErr,
  ApiResult,
} from '../../typings/api';
import type { TestCloud } from '../helpers/localCloud';

type Action = ActionName<'decisions'>;

/** Typed calls of the decisions function through the local cloud, as a given WeChat user. */
export interface DecisionsClient {
  call<A extends Action>(
    action: A,
    request: ActionRequest<'decisions', A>,
    openid: string,
  ): Promise<ApiResult<ActionResponse<'decisions', A>>>;
  /** The answer's data, or a thrown error naming the code and message. */
  ok<A extends Action>(
    action: A,
    request: ActionRequest<'decisions', A>,
    openid: string,
  ): Promise<ActionResponse<'decisions', A>>;
  /** The refusal; throws if the call succeeded. */
  err<A extends Action>(
    action: A,
    request: ActionRequest<'decisions', A>,
    openid: string,
  ): Promise<ApiErr>;
}

export function decisions(t: TestCloud): DecisionsClient {
  const call: DecisionsClient['call'] = async (action, request, openid) => {
    const r = await t.call('decisions', Object.assign({ action }, request), openid);
    if (r.status !== 200) {
      throw new Error(`decisions.${action}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    }
    return (r.body as { result: ApiResult<never> }).result;
  };
  return {
    call,
    async ok(action, request, openid) {
      const result = await call(action, request, openid);
      if (!result.ok) {
        throw new Error(`decisions.${action} as ${openid}: ${result.code} ${result.message}`);
      }
      return result.data;
    },
    async err(action, request, openid) {
      const result = await call(action, request, openid);
      if (result.ok) {
        throw new Error(
          `decisions.${action} as ${openid} succeeded: ${JSON.stringify(result.data)}`,
        );
      }
      return result;
    },
  };
}

/** Documents of a collection straight from the local cloud's store (test inspection only). */
export function stored<T>(t: TestCloud, collection: string): T[] {
  return t.cloud.database.documents(collection, 0, 1_000_000).docs as T[];
}

/** The database requests of the newest invocation of `action`. */
export function lastRequests(t: TestCloud, action: string): number {
  const record = t.cloud
    .invocations()
    .find((r) => r.functionName === 'decisions' && r.action === action);
  if (!record) throw new Error(`no invocation of decisions.${action}`);
  return record.dbRequests;
}
