import type { TestCloud } from '../helpers/localCloud';
import { functionClient, type FunctionClient } from './functionClient';

export { stored } from './functionClient';

/** Typed calls of the updates function through the local cloud, as a given WeChat user. */
export type UpdatesClient = FunctionClient<'updates'>;

export function updates(t: TestCloud): UpdatesClient {
  return functionClient(t, 'updates');
}
