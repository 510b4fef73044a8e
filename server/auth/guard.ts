import type { z } from 'zod';
import type { ActionName, ActionRequest, ActionResponse, FunctionName } from '../../typings/api';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { registryDb } from '../repository/docs';
import type { ActionContext, FunctionSpec } from '../router';
import { resolveCaller, type Caller } from './caller';
import { isAllowed, isOpenToEveryone, policyFor, PRINCIPAL_LABELS } from './policy';

/**
 * Wraps every action of a function with the policy table: the caller's roles are looked up from
 * their openid and checked before the use case runs. Actions open to everyone skip the lookup
 * (and its database request) until the use case asks for the caller.
 */

export interface UseCaseContext extends ActionContext {
  db: Db;
  now: Date;
  /** The caller's member record and roles, read once per invocation. */
  caller(): Promise<Caller>;
}

export interface UseCase<Req, Res> {
  input: z.ZodType<Req>;
  run(request: Req, ctx: UseCaseContext): Promise<Res>;
}

export type GuardedSpec<F extends FunctionName> = {
  [A in ActionName<F>]: UseCase<ActionRequest<F, A>, ActionResponse<F, A>>;
};

export interface GuardDeps {
  db(): Db;
  now(): Date;
}

const defaultDeps: GuardDeps = { db: registryDb, now: () => new Date() };

export function guardActions<F extends FunctionName>(
  fn: F,
  spec: GuardedSpec<F>,
  deps: GuardDeps = defaultDeps,
): FunctionSpec<F> {
  const guarded: Record<string, unknown> = {};
  for (const action of Object.keys(spec) as Array<ActionName<F>>) {
    const useCase = spec[action] as UseCase<unknown, unknown>;
    const policy = policyFor(fn, action);
    const open = isOpenToEveryone(fn, action);
    guarded[action] = {
      input: useCase.input,
      async run(request: unknown, actionCtx: ActionContext): Promise<unknown> {
        const db = deps.db();
        let pending: Promise<Caller> | null = null;
        const caller = (): Promise<Caller> => (pending ??= resolveCaller(db, actionCtx.openid));
        if (!open) {
          if (!actionCtx.openid)
            throw new AppError('UNAUTHENTICATED', '请在微信中打开小程序后再试');
          const who = await caller();
          if (!isAllowed(fn, action, who.principals)) {
            const as = who.principals.map((p) => PRINCIPAL_LABELS[p]).join('、');
            throw new AppError('FORBIDDEN', `您当前的身份（${as}）不能${policy.label}`);
          }
        }
        return useCase.run(request, { ...actionCtx, db, now: deps.now(), caller });
      },
    };
  }
  return guarded as FunctionSpec<F>;
}

/** For use cases that need a signed-in caller even when the action is open to everyone. */
export function requireOpenid(ctx: UseCaseContext): string {
  if (!ctx.openid) throw new AppError('UNAUTHENTICATED', '请在微信中打开小程序后再试');
  return ctx.openid;
}
