import type { AssignedRoleName, AuditView, RoleName } from '../../typings/api';
import { newMember, newPerson, withAssignedRoles } from '../../core/registry/members';
import type { AuditEntry, Member } from '../../core/registry/model';
import type { UseCaseContext } from '../auth/guard';
import { PRINCIPAL_LABELS } from '../auth/policy';
import { personIdForOpenid } from '../auth/secrets';
import { AppError } from '../errors';
import { writeAudit } from '../repository/audit';
import { find, inTransaction } from '../repository/docs';

/**
 * households.setRoles: an admin assigns staff, treasurer, organizer or admin to a WeChat user (by
 * the openid their "我的" page shows). Owner, resident and proxy are never assigned: they follow
 * from approved bindings and accepted proxies.
 */
export async function setRoles(
  request: { openid: string; roles: AssignedRoleName[]; name?: string | undefined },
  ctx: UseCaseContext,
): Promise<{ openid: string; roles: RoleName[]; label: string }> {
  const caller = await ctx.caller();
  if (request.openid === caller.openid && !request.roles.includes('admin')) {
    throw new AppError('INVALID_INPUT', '不能取消您自己的管理员身份');
  }
  const member = await inTransaction(ctx.db, async (tx) => {
    let found = await tx.get<Member>('members', request.openid);
    if (!found) {
      const name = request.name?.trim();
      if (!name) throw new AppError('NOT_FOUND', '没有找到这位用户；新成员请填写姓名');
      const personId = personIdForOpenid(request.openid);
      const person = newPerson(personId, name);
      await tx.set('people', personId, person);
      const titles = request.roles.map((r) => PRINCIPAL_LABELS[r]).join('、');
      found = newMember(request.openid, personId, titles ? `${name}（${titles}）` : name);
    }
    const next = withAssignedRoles(found, request.roles);
    await tx.set('members', request.openid, next);
    await writeAudit(tx, ctx, caller, 'households.setRoles', `member:${request.openid}`, {
      roles: request.roles,
    });
    return next;
  });
  return { openid: member.openid, roles: member.roles, label: member.label };
}

/** households.auditLog: the latest entries, newest first. */
export async function auditLog(
  request: { limit?: number | undefined },
  ctx: UseCaseContext,
): Promise<{ entries: AuditView[] }> {
  const entries = await find<AuditEntry>(
    ctx.db,
    'audit',
    {},
    { orderBy: ['at', 'desc'], limit: request.limit ?? 50 },
  );
  return {
    entries: entries.map((e) => ({
      who: e.who,
      roles: e.roles,
      action: e.action,
      target: e.target,
      at: e.at,
      requestId: e.requestId,
    })),
  };
}
