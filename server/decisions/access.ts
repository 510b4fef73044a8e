/**
 * Who may do what to a decision beyond the policy table's roles: organizers see drafts; the unit's
 * voter casts as the owner; a proxy casts only while their authorization is active, covers the
 * unit and names this decision (or all decisions).
 */
import type { ProxyGrant } from '../../core/registry/model';
import {
  type Decision,
  type RollEntry,
  type Voice,
  frozenVoice,
  proxyCovers,
} from '../../core/decisions';
import type { Caller } from '../auth/caller';
import type { UseCaseContext } from '../auth/guard';
import { AppError } from '../errors';
import { readAll } from '../repository/readAll';

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
  return readAll<ProxyGrant>(ctx.db, 'proxies', { proxyOpenid: openid, status: 'active' });
}

/**
 * The caller's voice for a unit of the frozen roll: the owner's own when the roll names them as
 * its voter, a proxy's when an active authorization from that voter covers it and this decision,
 * otherwise FORBIDDEN. The proxies are read only when the caller is not the voter.
 */
export async function voiceFor(
  ctx: UseCaseContext,
  caller: Caller,
  decision: Decision,
  entry: RollEntry,
): Promise<Voice> {
  const personId = caller.member?.personId ?? null;
  const base = { personId, openid: caller.openid, entry, decisionId: decision._id, now: ctx.now };
  if (frozenVoice({ ...base, proxies: [] }) === 'owner') return 'owner';
  if (caller.member) {
    const proxies = await proxiesHeldBy(ctx, caller.openid);
    const voice = frozenVoice({ ...base, proxies });
    if (voice) return voice;
  }
  throw new AppError(
    'FORBIDDEN',
    `您不是本次表决中 ${entry.unitNo} 的投票人，也没有该业主覆盖本议题的投票委托`,
  );
}

/** Whether a written authorization on file lets a proxy vote for the unit in this decision. */
export async function proxyOnFile(
  ctx: UseCaseContext,
  decision: Decision,
  entry: RollEntry,
): Promise<boolean> {
  if (entry.voterId === null) return false;
  const grants = await readAll<ProxyGrant>(ctx.db, 'proxies', {
    ownerPersonId: entry.voterId,
    status: 'active',
  });
  return grants.some((g) => proxyCovers(g, entry, decision._id, ctx.now));
}
