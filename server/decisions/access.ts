/**
 * Who may do what to a decision beyond the policy table's roles: organizers see drafts; the unit's
 * voter casts as the owner; a proxy casts only while their authorization is active, covers the
 * unit and names this decision (or all decisions).
 */
import type { ProxyGrant, Unit } from '../../core/registry/model';
import { allows, unitRights, voterOn } from '../../core/registry/rights';
import type { Decision, Voice } from '../../core/decisions';
import type { Caller } from '../auth/caller';
import type { UseCaseContext } from '../auth/guard';
import { AppError } from '../errors';
import { find } from '../repository/docs';

export function isOrganizer(caller: Pick<Caller, 'roles'>): boolean {
  return caller.roles.includes('organizer') || caller.roles.includes('admin');
}

export function isFieldWorker(caller: Pick<Caller, 'roles'>): boolean {
  return caller.roles.includes('staff') || isOrganizer(caller);
}

/** A draft exists only for organizers; everyone else is told there is no such decision. */
export function assertVisible(decision: Decision, caller: Pick<Caller, 'roles'>): void {
  if (decision.status === 'draft' && !isOrganizer(caller)) {
    throw new AppError('NOT_FOUND', '没有找到这个表决议题');
  }
}

/** The active proxies the caller holds (one request). */
export async function proxiesHeldBy(ctx: UseCaseContext, openid: string): Promise<ProxyGrant[]> {
  return find<ProxyGrant>(
    ctx.db,
    'proxies',
    { proxyOpenid: openid, status: 'active' },
    { limit: 200 },
  );
}

/**
 * The caller's voice for `unit` in `decision`: the owner's own when they are the unit's voter
 * today, a proxy's when an active authorization covers it, otherwise FORBIDDEN. The proxies are
 * read only when the caller is not the voter.
 */
export async function voiceFor(
  ctx: UseCaseContext,
  caller: Caller,
  decision: Decision,
  unit: Unit,
): Promise<Voice> {
  const member = caller.member;
  if (member && voterOn(unit, ctx.now) === member.personId) return 'owner';
  if (member) {
    const proxies = await proxiesHeldBy(ctx, caller.openid);
    const rights = unitRights({ member, unit, proxies, now: ctx.now });
    if (allows(rights.vote, decision._id)) return 'proxy';
  }
  throw new AppError('FORBIDDEN', `您不是 ${unit.unitNo} 的投票人，也没有覆盖本议题的投票委托`);
}
