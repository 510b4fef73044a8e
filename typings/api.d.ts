/**
 * The contract between the mini program and the cloud functions: every function, action, request
 * and response. Both sides compile against this file; it holds types only.
 *
 * A client calls `wx.cloud.callFunction({name, data: {action, ...request}})` and gets back
 * `ApiResult<response>`.
 */

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

/** A notice (公告) as residents read it. Dates are ISO strings with the +08:00 offset. */
export interface NoticeView {
  id: string;
  title: string;
  summary: string;
  body: string;
  author: string;
  publishedAt: string;
}

/** One card on the home page: an area of the product with its headline figure. */
export interface AreaCard {
  area: 'decisions' | 'money' | 'progress' | 'households';
  title: string;
  headline: string;
  detail: string;
  /** The tab or page the card opens. */
  path: string;
}

export interface BuildingSummary {
  buildingId: string;
  name: string;
  address: string;
  builtYear: number;
  floors: number;
  elevators: number;
  unitCount: number;
  /** Owners counted as the law counts them (multi-unit owners once, unsold units together once). */
  ownerCount: number;
  /** Total registered exclusive area, in hundredths of a square metre. */
  totalAreaHundredths: number;
  latestNotice: NoticeView | null;
  areas: AreaCard[];
}

export interface Api {
  households: {
    summary: { request: Record<string, never>; response: BuildingSummary };
  };
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
