import type { TestCloud } from '../helpers/localCloud';
import { functionClient, lastRequestsOf, type FunctionClient } from './functionClient';

export { stored } from './functionClient';

/** Typed calls of the decisions function through the local cloud, as a given WeChat user. */
export type DecisionsClient = FunctionClient<'decisions'>;

export function decisions(t: TestCloud): DecisionsClient {
  return functionClient(t, 'decisions');
}

/** The database requests of the newest invocation of `decisions.action`. */
export function lastRequests(t: TestCloud, action: string): number {
  return lastRequestsOf(t, 'decisions', action);
}
