import type { TestCloud } from '../helpers/localCloud';
import { functionClient, type FunctionClient } from './functionClient';

export { stored } from './functionClient';

/** Typed calls of the articles function through the local cloud, as a given WeChat user. */
export type ArticlesClient = FunctionClient<'articles'>;

export function articles(t: TestCloud): ArticlesClient {
  return functionClient(t, 'articles');
}
