import type {
  ActionName,
  ActionRequest,
  ActionResponse,
  ApiErr,
  ApiResult,
} from '../../typings/api';
import type { TestCloud } from '../helpers/localCloud';

type Action = ActionName<'ledger'>;

/** Typed calls of the ledger function through the local cloud, as a given WeChat user. */
export interface LedgerClient {
  call<A extends Action>(
    action: A,
    request: ActionRequest<'ledger', A>,
    openid: string,
  ): Promise<ApiResult<ActionResponse<'ledger', A>>>;
  /** The answer's data, or a thrown error naming the code and message. */
  ok<A extends Action>(
    action: A,
    request: ActionRequest<'ledger', A>,
    openid: string,
  ): Promise<ActionResponse<'ledger', A>>;
  /** The refusal; throws if the call succeeded. */
  err<A extends Action>(
    action: A,
    request: ActionRequest<'ledger', A>,
    openid: string,
  ): Promise<ApiErr>;
}

export function ledger(t: TestCloud): LedgerClient {
  const call: LedgerClient['call'] = async (action, request, openid) => {
    const r = await t.call('ledger', Object.assign({ action }, request), openid);
    if (r.status !== 200) {
      throw new Error(`ledger.${action}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    }
    return (r.body as { result: ApiResult<never> }).result;
  };
  return {
    call,
    async ok(action, request, openid) {
      const result = await call(action, request, openid);
      if (!result.ok) {
        throw new Error(`ledger.${action} as ${openid}: ${result.code} ${result.message}`);
      }
      return result.data;
    },
    async err(action, request, openid) {
      const result = await call(action, request, openid);
      if (result.ok) {
        throw new Error(`ledger.${action} as ${openid} succeeded: ${JSON.stringify(result.data)}`);
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
    .find((r) => r.functionName === 'ledger' && r.action === action);
  if (!record) throw new Error(`no invocation of ledger.${action}`);
  return record.dbRequests;
}
