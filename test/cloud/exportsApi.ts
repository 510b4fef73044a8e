import type { TestCloud } from '../helpers/localCloud';
import { functionClient, type FunctionClient } from './functionClient';

/** Typed calls of the exports function through the local cloud, as a given WeChat user. */
export type ExportsClient = FunctionClient<'exports'>;

export function exportsFn(t: TestCloud): ExportsClient {
  return functionClient(t, 'exports');
}
