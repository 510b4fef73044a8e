import type { TestCloud } from '../helpers/localCloud';
import { functionClient, lastRequestsOf, type FunctionClient } from './functionClient';

export { stored } from './functionClient';

/** Typed calls of the ledger function through the local cloud, as a given WeChat user. */
export type LedgerClient = FunctionClient<'ledger'>;

export function ledger(t: TestCloud): LedgerClient {
  return functionClient(t, 'ledger');
}

/** The database requests of the newest invocation of `ledger.action`. */
export function lastRequests(t: TestCloud, action: string): number {
  return lastRequestsOf(t, 'ledger', action);
}
