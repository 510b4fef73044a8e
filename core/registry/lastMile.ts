import type { ContactChannel, ContactStatus, Person, Unit, UnitStatus } from './model';
import { ownersOn } from './rights';
import type { Instant } from './time';

/**
 * The "last mile" tracker: every unit with whether its owners were reached, how, and who needs a
 * home visit — so staff can phone every household and visit the elderly (DOMAIN.md, the story).
 */

export const LAST_MILE_FILTERS = [
  'all',
  'unreached',
  'overseas',
  'elderly',
  'needsHomeVisit',
] as const;
export type LastMileFilter = (typeof LAST_MILE_FILTERS)[number];

export interface LastMileOwner {
  name: string;
  /** Only for admins; null otherwise or when unknown. */
  phone: string | null;
  elderly: boolean;
  noSmartphone: boolean;
  overseas: boolean;
  livesIn: string | null;
}

export interface LastMileRow {
  unitId: string;
  unitNo: string;
  floor: number;
  status: UnitStatus;
  owners: LastMileOwner[];
  reached: boolean;
  overseas: boolean;
  elderly: boolean;
  noSmartphone: boolean;
  needsHomeVisit: boolean;
  lastChannel: ContactChannel | null;
  note: string;
  attempts: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface LastMileCounts {
  units: number;
  reached: number;
  unreached: number;
  overseas: number;
  elderly: number;
  needsHomeVisit: number;
}

/**
 * One row per unit, in floor then room order. A unit counts as overseas or elderly when any
 * current owner is; an elderly owner without a smartphone needs a home visit until staff say
 * otherwise.
 */
export function lastMileRows(input: {
  units: readonly Unit[];
  people: readonly Person[];
  contacts: readonly ContactStatus[];
  now: Instant;
  includePhones: boolean;
}): LastMileRow[] {
  const people = new Map(input.people.map((p) => [p._id, p]));
  const contacts = new Map(input.contacts.map((c) => [c.unitId, c]));
  return [...input.units].sort(byRoom).map((unit) => {
    const owners = ownersOn(unit, input.now)
      .map((id) => people.get(id))
      .filter((p): p is Person => p !== undefined);
    const contact = contacts.get(unit._id);
    const elderly = owners.some((p) => p.elderly);
    const noSmartphone = owners.some((p) => p.noSmartphone);
    return {
      unitId: unit._id,
      unitNo: unit.unitNo,
      floor: unit.floor,
      status: unit.status,
      owners: owners.map((p) => ({
        name: p.name,
        phone: input.includePhones ? p.phone : null,
        elderly: p.elderly,
        noSmartphone: p.noSmartphone,
        overseas: p.overseas,
        livesIn: p.livesIn,
      })),
      reached: contact?.reached ?? false,
      overseas: contact?.overseas ?? owners.some((p) => p.overseas),
      elderly,
      noSmartphone,
      needsHomeVisit: contact?.needsHomeVisit ?? (elderly && noSmartphone),
      lastChannel: contact?.lastChannel ?? null,
      note: contact?.note ?? '',
      attempts: contact?.attempts ?? 0,
      updatedBy: contact?.updatedBy ?? null,
      updatedAt: contact?.updatedAt ?? null,
    };
  });
}

export function filterLastMile(
  rows: readonly LastMileRow[],
  filter: LastMileFilter,
): LastMileRow[] {
  switch (filter) {
    case 'all':
      return [...rows];
    case 'unreached':
      return rows.filter((r) => !r.reached);
    case 'overseas':
      return rows.filter((r) => r.overseas);
    case 'elderly':
      return rows.filter((r) => r.elderly);
    case 'needsHomeVisit':
      return rows.filter((r) => r.needsHomeVisit);
  }
}

export function countLastMile(rows: readonly LastMileRow[]): LastMileCounts {
  const reached = rows.filter((r) => r.reached).length;
  return {
    units: rows.length,
    reached,
    unreached: rows.length - reached,
    overseas: rows.filter((r) => r.overseas).length,
    elderly: rows.filter((r) => r.elderly).length,
    needsHomeVisit: rows.filter((r) => r.needsHomeVisit).length,
  };
}

/** The tracker's state after one logged contact. */
export function afterContact(
  before: ContactStatus | null,
  base: { _id: string; buildingId: string; unitId: string },
  contact: {
    channel: ContactChannel;
    reached: boolean;
    note: string;
    overseas?: boolean | undefined;
    needsHomeVisit?: boolean | undefined;
    by: string;
    at: string;
  },
): ContactStatus {
  return {
    ...base,
    // Once reached, a later unanswered call does not un-reach the household.
    reached: (before?.reached ?? false) || contact.reached,
    lastChannel: contact.channel,
    overseas: contact.overseas ?? before?.overseas ?? null,
    needsHomeVisit: contact.needsHomeVisit ?? before?.needsHomeVisit ?? null,
    note: contact.note || before?.note || '',
    attempts: (before?.attempts ?? 0) + 1,
    updatedBy: contact.by,
    updatedAt: contact.at,
  };
}

/** Floor, then room: "2-01" < "2-06" < "10-01". */
export function byRoom(
  a: Pick<Unit, 'floor' | 'unitNo'>,
  b: Pick<Unit, 'floor' | 'unitNo'>,
): number {
  return a.floor - b.floor || a.unitNo.localeCompare(b.unitNo, 'en', { numeric: true });
}
