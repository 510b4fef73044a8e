import type { TestCloud } from '../helpers/localCloud';
import { functionClient, stored, type FunctionClient } from './functionClient';

/** Typed calls of the households function through the local cloud, as a given WeChat user. */
export type HouseholdsClient = FunctionClient<'households'>;

export function households(t: TestCloud): HouseholdsClient {
  return functionClient(t, 'households');
}

/** Documents of a collection straight from the local cloud's store (test inspection only). */
export function documents<T>(t: TestCloud, collection: string): T[] {
  return stored<T>(t, collection);
}
