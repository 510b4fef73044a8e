import type { TestCloud } from '../helpers/localCloud';
import { functionClient, type FunctionClient } from './functionClient';

/** Typed calls of the cockpit function through the local cloud, as a given WeChat user. */
export type CockpitClient = FunctionClient<'cockpit'>;

export function cockpit(t: TestCloud): CockpitClient {
  return functionClient(t, 'cockpit');
}
