import type {
  ActionName,
  ActionRequest,
  ActionResponse,
  ApiErr,
  ApiResult,
} from '../../typings/api';
import type { TestCloud } from '../helpers/localCloud';

type Action = ActionName<'articles'>;

/** Typed calls of the articles function through the local cloud, as a given WeChat user. */
export interface ArticlesClient {
  call<A extends Action>(
    action: A,
    request: ActionRequest<'articles', A>,
    openid: string,
  ): Promise<ApiResult<ActionResponse<'articles', A>>>;
  ok<A extends Action>(
    action: A,
    request: ActionRequest<'articles', A>,
    openid: string,
  ): Promise<ActionResponse<'articles', A>>;
  err<A extends Action>(
    action: A,
    request: ActionRequest<'articles', A>,
    openid: string,
  ): Promise<ApiErr>;
}

export function articles(t: TestCloud): ArticlesClient {
  const call: ArticlesClient['call'] = async (action, request, openid) => {
    const r = await t.call('articles', Object.assign({ action }, request), openid);
    if (r.status !== 200) {
      throw new Error(`articles.${action}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    }
    return (r.body as { result: ApiResult<never> }).result;
  };
  return {
    call,
    async ok(action, request, openid) {
      const result = await call(action, request, openid);
      if (!result.ok) {
        throw new Error(`articles.${action} as ${openid}: ${result.code} ${result.message}`);
      }
      return result.data;
    },
    async err(action, request, openid) {
      const result = await call(action, request, openid);
      if (result.ok) {
        throw new Error(
          `articles.${action} as ${openid} succeeded: ${JSON.stringify(result.data)}`,
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
