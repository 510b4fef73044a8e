/**
 * Whose voice a cast for a unit carries, decided from the decision's frozen roll (never the live
 * registry): the owner's own when the caller is the person the roll names as the unit's voter,
 * a proxy's when an active written authorization from that same person covers the unit and this
 * decision. A change of voter, a sale or a new proxy of someone else after opening carries nothing.
 */
import type { ProxyGrant } from '../registry/model';
import { proxyState } from '../registry/rights';
import type { Instant } from '../registry/time';
import type { Voice } from './model';
import type { RollEntry } from './roll';

/** Whether `proxy` lets its holder vote for `entry`'s unit in `decisionId` at `now`. */
export function proxyCovers(
  proxy: Pick<
    ProxyGrant,
    'unitIds' | 'ownerPersonId' | 'scope' | 'status' | 'validUntil' | 'tokenExpiresAt'
  >,
  entry: Pick<RollEntry, 'unitId' | 'voterId'>,
  decisionId: string,
  now: Instant,
): boolean {
  return (
    entry.voterId !== null &&
    proxy.ownerPersonId === entry.voterId &&
    proxy.unitIds.includes(entry.unitId) &&
    proxy.scope.vote &&
    (proxy.scope.decisionId === null || proxy.scope.decisionId === decisionId) &&
    proxyState(proxy, now) === 'active'
  );
}

/** The caller's voice for the unit, or null when they may not vote for it in this decision. */
export function frozenVoice(input: {
  personId: string | null;
  openid: string;
  entry: RollEntry;
  decisionId: string;
  proxies: readonly ProxyGrant[];
  now: Instant;
}): Voice | null {
  const { personId, openid, entry, decisionId, proxies, now } = input;
  if (personId !== null && entry.voterId === personId) return 'owner';
  const held = proxies.some(
    (p) => p.proxyOpenid === openid && proxyCovers(p, entry, decisionId, now),
  );
  return held ? 'proxy' : null;
}
