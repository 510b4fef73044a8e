import type { AuditEntry } from '../../core/registry/model';
import { shanghaiIso } from '../../core/registry/time';
import type { UseCaseContext } from '../auth/guard';
import type { Docs } from './docs';

/**
 * Audit entries: who (openid and roles), which action, on what, when, and the platform's request
 * id. Written through the same `Docs` as the change itself, so inside a transaction both commit
 * or neither does.
 */
export function auditEntry(
  ctx: Pick<UseCaseContext, 'now' | 'requestId'>,
  caller: { openid: string; roles: readonly string[] },
  action: string,
  target: string,
  detail: Record<string, unknown> | null = null,
): AuditEntry {
  return {
    who: caller.openid,
    roles: [...caller.roles],
    action,
    target,
    at: shanghaiIso(ctx.now),
    requestId: ctx.requestId,
    detail,
  };
}

export async function writeAudit(
  store: Docs,
  ctx: Pick<UseCaseContext, 'now' | 'requestId'>,
  caller: { openid: string; roles: readonly string[] },
  action: string,
  target: string,
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  await store.add('audit', auditEntry(ctx, caller, action, target, detail));
}
