import type { LinkKind, Member, Person, Role } from './model';
import { ASSIGNED_ROLES } from './model';

/**
 * A member's roles follow from what they are linked to (owner, resident), whether they hold a
 * proxy, and what an admin assigned (staff, treasurer, organizer, admin). These keep the three
 * in step whenever one of them changes.
 */

const ROLE_ORDER: Role[] = [
  'owner',
  'resident',
  'proxy',
  'staff',
  'treasurer',
  'organizer',
  'admin',
];

function sortRoles(roles: Iterable<Role>): Role[] {
  const set = new Set(roles);
  return ROLE_ORDER.filter((r) => set.has(r));
}

export function assignedRolesOf(member: Pick<Member, 'roles'>): Role[] {
  return member.roles.filter((r) => (ASSIGNED_ROLES as readonly Role[]).includes(r));
}

function derive(member: Member, holdsProxy: boolean, assigned: readonly Role[]): Member {
  const roles: Role[] = [...assigned];
  if (member.links.some((l) => l.as === 'owner')) roles.push('owner');
  if (member.links.some((l) => l.as === 'resident')) roles.push('resident');
  if (holdsProxy) roles.push('proxy');
  const unitIds = [...new Set([...member.links.map((l) => l.unitId), ...member.unitIds])];
  return { ...member, roles: sortRoles(roles), unitIds };
}

/** A person known only by name (and maybe phone) until the roster or a contact says more. */
export function newPerson(personId: string, name: string, phone: string | null = null): Person {
  return {
    _id: personId,
    name: name.trim(),
    phone,
    elderly: false,
    noSmartphone: false,
    overseas: false,
    livesIn: null,
  };
}

export function newMember(openid: string, personId: string, label: string): Member {
  return {
    _id: openid,
    openid,
    personId,
    roles: [],
    links: [],
    unitIds: [],
    actsForPersonId: null,
    label,
  };
}

/** Adds (or re-kinds) the member's link to a unit. */
export function withLink(member: Member, unitId: string, as: LinkKind): Member {
  const links = member.links.filter((l) => l.unitId !== unitId).concat({ unitId, as });
  return derive({ ...member, links }, member.roles.includes('proxy'), assignedRolesOf(member));
}

/** Drops the member's link to a unit (and the unit from its list). */
export function withoutLink(member: Member, unitId: string): Member {
  const next = {
    ...member,
    links: member.links.filter((l) => l.unitId !== unitId),
    unitIds: member.unitIds.filter((u) => u !== unitId),
  };
  return derive(next, member.roles.includes('proxy'), assignedRolesOf(member));
}

/** Sets whether the member holds a proxy, listing or unlisting the proxy's units. */
export function withProxy(member: Member, holds: boolean, unitIds: readonly string[] = []): Member {
  const linked = new Set(member.links.map((l) => l.unitId));
  const kept = holds
    ? [...new Set([...member.unitIds, ...unitIds])]
    : member.unitIds.filter((u) => linked.has(u) || !unitIds.includes(u));
  return derive({ ...member, unitIds: kept }, holds, assignedRolesOf(member));
}

/** Replaces the roles an admin assigns, keeping the derived ones. */
export function withAssignedRoles(member: Member, assigned: readonly Role[]): Member {
  const allowed = assigned.filter((r) => (ASSIGNED_ROLES as readonly Role[]).includes(r));
  return derive(member, member.roles.includes('proxy'), allowed);
}
