import type { Member, ProxyGrant, Unit } from '../registry/model';
import { allows, unitRights } from '../registry/rights';
import type { Instant } from '../registry/time';

/**
 * Who, among subscribers, pays for a unit: its owners on that day and active proxies whose
 * authorization includes paying (for the charge's decision when it names one), as
 * registry/rights.ts decides for the pages.
 */
export function payersOf(input: {
  unit: Pick<Unit, '_id' | 'ownerIds' | 'transfer'>;
  /** Only for this decision's charge (a proxy's pay scope may name one); null: any pay right. */
  decisionId: string | null;
  members: readonly Pick<Member, 'openid' | 'personId' | 'links'>[];
  proxies: readonly ProxyGrant[];
  now: Instant;
}): string[] {
  const { unit, decisionId, members, proxies, now } = input;
  return members
    .filter((member) => {
      const { pay } = unitRights({ member, unit, proxies, now });
      return decisionId === null ? pay.kind !== 'none' : allows(pay, decisionId);
    })
    .map((m) => m.openid);
}
