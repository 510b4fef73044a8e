/**
 * The contract between the mini program and the cloud functions: every function, action, request
 * and response. Both sides compile against this file; it holds types only.
 *
 * A client calls `wx.cloud.callFunction({name, data: {action, ...request}})` and gets back
 * `ApiResult<response>`.
 */

export * from './households';
import type { HouseholdsApi } from './households';
export * from './decisions';
import type { DecisionsApi } from './decisions';
export * from './funds';
import type { FundsApi } from './funds';
export * from './ledger';
import type { LedgerApi } from './ledger';
export * from './articles';
import type { ArticlesApi } from './articles';
export * from './updates';
import type { UpdatesApi } from './updates';
export * from './reminders';
import type { RemindersApi } from './reminders';
export * from './notices';
import type { NoticesApi } from './notices';
export * from './cockpit';
import type { CockpitApi } from './cockpit';
export * from './exports';
import type { ExportsApi } from './exports';

export type ApiErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_ACTION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL';

export interface ApiOk<T> {
  ok: true;
  data: T;
}

export interface ApiErr {
  ok: false;
  code: ApiErrorCode;
  message: string;
}

export type ApiResult<T> = ApiOk<T> | ApiErr;

/**
 * Every function and its actions. Each area of the product declares its own actions in its own
 * file (typings/<area>.d.ts) and is listed here once.
 */
export interface Api {
  households: HouseholdsApi;
  decisions: DecisionsApi;
  funds: FundsApi;
  ledger: LedgerApi;
  articles: ArticlesApi;
  updates: UpdatesApi;
  reminders: RemindersApi;
  notices: NoticesApi;
  cockpit: CockpitApi;
  exports: ExportsApi;
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionRequest<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  request: infer R;
}
  ? R
  : never;
export type ActionResponse<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  response: infer R;
}
  ? R
  : never;
