import type { Member, ProxyGrant, Unit } from './model';
import { isBefore, shanghaiDate, type Instant } from './time';

/**
 * Who may act for a unit, and how far: the registry's owners (the first is the voter), residents
 * (read only) and proxies (vote and/or pay, for one decision or all, until a day). Ownership
 * transfers and proxy expiry are decided against `now`, never a clock.
 */

/** The unit's owners on the Shanghai day of `now`: a recorded transfer takes over on its date. */
export function ownersOn(unit: Pick<Unit, 'ownerIds' | 'transfer'>, now: Instant): string[] {
  const transfer = unit.transfer;
  if (transfer && shanghaiDate(now) >= transfer.effectiveDate) return transfer.toOwnerIds;
  return unit.ownerIds;
}

/** The one owner who casts the unit's vote; null for unsold units. */
export function voterOn(unit: Pick<Unit, 'ownerIds' | 'transfer'>, now: Instant): string | null {
  return ownersOn(unit, now)[0] ?? null;
}

export type ProxyState = 'invited' | 'active' | 'expired' | 'revoked';

/**
 * A proxy's state at `now`: revoked stays revoked; past its last day it is expired; an invitation
 * nobody accepted expires with its link.
 */
export function proxyState(
  proxy: Pick<ProxyGrant, 'status' | 'validUntil' | 'tokenExpiresAt'>,
  now: Instant,
): ProxyState {
  if (proxy.status === 'revoked') return 'revoked';
  if (shanghaiDate(now) > proxy.validUntil) return 'expired';
  if (proxy.status === 'invited') {
    if (proxy.tokenExpiresAt !== null && !isBefore(now, proxy.tokenExpiresAt)) return 'expired';
    return 'invited';
  }
  return 'active';
}

/** Decisions a right covers: none, all, or only some. */
export type DecisionScope = { kind: 'none' } | { kind: 'all' } | { kind: 'only'; ids: string[] };

export interface UnitRights {
  /** See the unit's own page (charges, co-owners, proxies). */
  read: boolean;
  /** Act as an owner: invite proxies, add co-owners, choose the voter. */
  manage: boolean;
  vote: DecisionScope;
  pay: DecisionScope;
}

const NONE: DecisionScope = { kind: 'none' };
const ALL: DecisionScope = { kind: 'all' };

export function allows(scope: DecisionScope, decisionId?: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  return decisionId !== undefined && scope.ids.includes(decisionId);
}

function widen(a: DecisionScope, b: DecisionScope): DecisionScope {
  if (a.kind === 'all' || b.kind === 'all') return ALL;
  if (a.kind === 'none') return b;
  if (b.kind === 'none') return a;
  return { kind: 'only', ids: [...new Set([...a.ids, ...b.ids])] };
}

/**
 * What `member` may do for `unit` at `now`. Owners are the unit's owners on that day (not the
 * member's links: a sale ends the seller's rights on its date even though their link remains).
 * Only the voter votes; every owner may pay. Residents read. A proxy gets what its authorization
 * names, while it is active, and votes only for the owner who is the unit's voter.
 */
export function unitRights(input: {
  member: Pick<Member, 'openid' | 'personId' | 'links'> | null;
  unit: Pick<Unit, '_id' | 'ownerIds' | 'transfer'>;
  proxies: readonly ProxyGrant[];
  now: Instant;
}): UnitRights {
  const { member, unit, proxies, now } = input;
  if (!member) return { read: false, manage: false, vote: NONE, pay: NONE };
  const owners = ownersOn(unit, now);
  const isOwner = owners.includes(member.personId);
  const isVoter = owners[0] === member.personId;
  const isResident = member.links.some((l) => l.unitId === unit._id && l.as === 'resident');
  let vote: DecisionScope = isVoter ? ALL : NONE;
  let pay: DecisionScope = isOwner ? ALL : NONE;
  let viaProxy = false;
  for (const proxy of proxies) {
    if (proxy.proxyOpenid !== member.openid || !proxy.unitIds.includes(unit._id)) continue;
    if (proxyState(proxy, now) !== 'active') continue;
    // An authorization from someone who no longer owns the unit carries nothing.
    if (!owners.includes(proxy.ownerPersonId)) continue;
    viaProxy = true;
    const granted: DecisionScope =
      proxy.scope.decisionId === null ? ALL : { kind: 'only', ids: [proxy.scope.decisionId] };
    if (proxy.scope.vote && owners[0] === proxy.ownerPersonId) vote = widen(vote, granted);
    if (proxy.scope.pay) pay = widen(pay, granted);
  }
  return { read: isOwner || isResident || viaProxy, manage: isOwner, vote, pay };
}
