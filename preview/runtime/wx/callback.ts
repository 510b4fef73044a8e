import { isRecord } from '../util';

/**
 * WeChat's calling convention: an API takes `{…, success, fail, complete}`; without any of
 * those callbacks it returns a Promise instead. Results carry `errMsg: '<api>:ok'`, failures
 * `'<api>:fail <reason>'`.
 */

export class WxError extends Error {
  readonly errMsg: string;
  constructor(
    errMsg: string,
    readonly errCode?: number,
  ) {
    super(errMsg);
    this.errMsg = errMsg;
    this.name = 'WxError';
  }
}

export type Options = Record<string, unknown>;
export type Result = Record<string, unknown>;

export function fail(api: string, reason: string, errCode?: number): WxError {
  return new WxError(`${api}:fail ${reason}`, errCode);
}

function toWxError(api: string, e: unknown): WxError {
  if (e instanceof WxError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return fail(api, message);
}

function invoke(fn: unknown, arg: unknown): void {
  if (typeof fn !== 'function') return;
  try {
    fn(arg);
  } catch (e) {
    console.error('[preview] callback threw', e);
  }
}

export function settle(
  api: string,
  options: Options,
  work: Promise<Result>,
): Promise<Result> | undefined {
  const p = work.then(
    (res) => ({ errMsg: `${api}:ok`, ...res }),
    (e: unknown) => {
      throw toWxError(api, e);
    },
  );
  const callbacks = ['success', 'fail', 'complete'].some((k) => typeof options[k] === 'function');
  if (!callbacks) return p;
  p.then(
    (res) => {
      invoke(options.success, res);
      invoke(options.complete, res);
    },
    (err: WxError) => {
      invoke(options.fail, err);
      invoke(options.complete, err);
    },
  );
  return undefined;
}

/** An async API: `impl` gets the options object and may return a value or a promise. */
export function asyncApi(
  api: string,
  impl: (options: Options) => Result | void | Promise<Result | void>,
): (options?: unknown) => Promise<Result> | undefined {
  return (options?: unknown) => {
    const opts = isRecord(options) ? options : {};
    const work = Promise.resolve()
      .then(() => impl(opts))
      .then((r) => r ?? {});
    return settle(api, opts, work);
  };
}
