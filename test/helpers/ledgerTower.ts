import { COLLECTIONS } from '../../server/collections';
import { ORGANIZER, STAFF, TREASURER, towerRegistry } from './decisionsTower';

/** A tower with its registry, a second staff member and a second treasurer, and every collection. */
export const STAFF_2 = 'staff-2';
export const TREASURER_2 = 'treasurer-2';
/** Staff who is also treasurer: may record cash, never settle their own. */
export const STAFF_TREASURER = 'staff-treasurer';

export function ledgerSeed(count: number): {
  seed: Record<string, object[]>;
  unitIds: string[];
  ownerOpenid: Map<string, string>;
} {
  const registry = towerRegistry(count);
  const { members } = registry.collections;
  const base = members.find((m) => m.openid === STAFF);
  if (!base) throw new Error('no staff in the tower');
  members.push(
    { ...base, _id: STAFF_2, openid: STAFF_2, personId: 'pg-staff-2', label: '社区工作者二' },
    {
      ...base,
      _id: TREASURER_2,
      openid: TREASURER_2,
      personId: 'pg-treasurer-2',
      label: '出纳二',
      roles: ['treasurer'],
    },
    {
      ...base,
      _id: STAFF_TREASURER,
      openid: STAFF_TREASURER,
      personId: 'pg-staff-treasurer',
      label: '社工兼出纳',
      roles: ['staff', 'treasurer'],
    },
  );
  const seed: Record<string, object[]> = Object.fromEntries(COLLECTIONS.map((c) => [c.name, []]));
  Object.assign(seed, registry.collections);
  return {
    seed,
    unitIds: registry.collections.units.filter((u) => u.ownerIds.length > 0).map((u) => u._id),
    ownerOpenid: registry.ownerOpenid,
  };
}

export { ORGANIZER, STAFF, TREASURER };
