import * as z from 'zod';
import type {
  ActionName,
  ActionRequest,
  ActionResponse,
  ApiResult,
  FunctionName,
} from '../typings/api';
import { AppError } from './errors';
import { callerOpenid } from './cloud';
import { chineseIssue, describeIssues } from './validationMessages';

// Once per function instance: every schema's unworded refusals in Chinese.
z.config({ customError: chineseIssue });

/**
 * A cloud function's entry: reads `{action, ...request}`, validates the request with the action's
 * schema, runs the use case with the caller's identity, and maps every failure to
 * `{ok:false, code, message}` so the client never sees a stack trace.
 */

export interface ActionContext {
  /** The caller's openid, from the platform. Empty for calls with no WeChat user (timers, admin). */
  openid: string;
  requestId: string;
}

export interface ActionSpec<Req, Res> {
  input: z.ZodType<Req>;
  run(request: Req, ctx: ActionContext): Promise<Res>;
}

export type FunctionSpec<F extends FunctionName> = {
  [A in ActionName<F>]: ActionSpec<ActionRequest<F, A>, ActionResponse<F, A>>;
};

/** Fields the platform or the client transport adds to every event; never part of a request. */
const TRANSPORT_FIELDS = new Set(['action', 'userInfo']);

export function createFunction<F extends FunctionName>(
  spec: FunctionSpec<F>,
): (event: unknown, context?: { request_id?: string }) => Promise<ApiResult<unknown>> {
  return async (event, context) => {
    try {
      if (!event || typeof event !== 'object' || Array.isArray(event)) {
        throw new AppError('INVALID_INPUT', '请求格式不对：应为带 action 的对象');
      }
      const { action } = event as { action?: unknown };
      if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(spec, action)) {
        throw new AppError(
          'UNKNOWN_ACTION',
          `没有这个操作：${typeof action === 'string' ? action.slice(0, 40) : typeof action}`,
        );
      }
      const handler = spec[action as ActionName<F>] as ActionSpec<unknown, unknown>;
      const fields = Object.fromEntries(
        Object.entries(event).filter(([key]) => !TRANSPORT_FIELDS.has(key)),
      );
      const parsed = handler.input.safeParse(fields);
      if (!parsed.success) {
        throw new AppError('INVALID_INPUT', describeIssues(parsed.error));
      }
      const ctx: ActionContext = { openid: callerOpenid(), requestId: context?.request_id ?? '' };
      return { ok: true, data: await handler.run(parsed.data, ctx) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, code: err.code, message: err.message };
      console.error(err);
      return { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' };
    }
  };
}

/** The schema of an action that takes no fields. */
export const noFields = z.object({}).strict() as z.ZodType<Record<string, never>>;
