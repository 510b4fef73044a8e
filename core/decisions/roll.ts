/**
 * The roll of a decision: who decides, frozen when voting opens, counted the way the tally counts
 * (司法解释 arts 8–9): one unit one owner; one person with several units once; all unsold units
 * together once. Only the people behind more than one unit are stored; every other unit is its
 * own person, so the roll stays small for a building of any size.
 */
import type { Unit } from '../registry/model';
import { voterOn } from '../registry/rights';
import type { Instant } from '../registry/time';
import { countHeads } from '../tally';
import type { Electorate, PersonGroup, RollUnit } from './model';

export interface RollInputUnit extends RollUnit {
  /** The person who votes for the unit on the day voting opens; null when nobody does. */
  voterId: string | null;
  unsold: boolean;
}

/** The person a ballot stands for: its key, the units it covers (first = where it is kept). */
export interface VotingPerson {
  key: string;
  units: RollUnit[];
  area: number;
}

export const DEFAULT_SHARDS = 16;

const UNSOLD_KEY = 'unsold';

export function personKeyOf(unit: Pick<RollInputUnit, 'unitId' | 'voterId' | 'unsold'>): string {
  if (unit.unsold) return UNSOLD_KEY;
  return unit.voterId === null ? `unit:${unit.unitId}` : `owner:${unit.voterId}`;
}

/** The registry's units as the roll takes them at `now` (the unit's voter that day). */
export function rollFromUnits(
  units: readonly Pick<
    Unit,
    '_id' | 'unitNo' | 'areaHundredths' | 'status' | 'ownerIds' | 'transfer'
  >[],
  now: Instant,
): RollInputUnit[] {
  return units.map((u) => ({
    unitId: u._id,
    unitNo: u.unitNo,
    area: u.areaHundredths,
    voterId: u.status === 'unsold' ? null : voterOn(u, now),
    unsold: u.status === 'unsold',
  }));
}

export type ElectorateOutcome =
  { ok: true; electorate: Electorate } | { ok: false; reason: string };

export function buildElectorate(
  units: readonly RollInputUnit[],
  shards: number = DEFAULT_SHARDS,
): ElectorateOutcome {
  if (units.length === 0) return { ok: false, reason: '楼栋还没有登记房屋' };
  const heads = countHeads(
    units.map((u) => ({
      unit: u.unitId,
      area: u.area,
      owner: u.voterId ?? undefined,
      unsold: u.unsold,
    })),
    [],
  );
  if (!heads.ok) return { ok: false, reason: rollProblem(units, heads.error.path) };
  const byPerson = new Map<string, RollUnit[]>();
  for (const u of [...units].sort((a, b) => compare(a.unitId, b.unitId))) {
    const key = personKeyOf(u);
    const list = byPerson.get(key) ?? [];
    list.push({ unitId: u.unitId, unitNo: u.unitNo, area: u.area });
    byPerson.set(key, list);
  }
  const groups: PersonGroup[] = [];
  for (const [key, list] of byPerson) if (list.length > 1) groups.push({ key, units: list });
  return {
    ok: true,
    electorate: {
      owners: heads.owners.total,
      area: heads.area.total,
      units: units.length,
      groups,
      shards,
    },
  };
}

/**
 * The person a cast for `unit` stands for. A unit of a group brings the whole group; any other
 * unit is a person of its own, with the area the registry gives it now (`key` names them).
 */
export function personFor(electorate: Electorate, unit: RollUnit, key: string): VotingPerson {
  const group = groupOf(electorate, unit.unitId);
  if (group) return { key: group.key, units: group.units, area: areaOf(group.units) };
  return { key, units: [unit], area: unit.area };
}

/**
 * Whether the frozen roll still describes who holds `unitId`: a unit the roll put with other units
 * (a multi-unit owner, the unsold units) must still belong to that same person. When it does not
 * (sold after voting opened), casting it would move another person's ballot, so it is refused.
 */
export function rollHolds(electorate: Electorate, unitId: string, currentKey: string): boolean {
  const group = groupOf(electorate, unitId);
  return group === null || group.key === currentKey;
}

export function groupOf(electorate: Electorate, unitId: string): PersonGroup | null {
  return electorate.groups.find((g) => g.units.some((u) => u.unitId === unitId)) ?? null;
}

/** The unit a person's ballot is kept under: the first of their units. */
export function anchorOf(electorate: Electorate, unitId: string): string {
  return groupOf(electorate, unitId)?.units[0]?.unitId ?? unitId;
}

export function ballotId(decisionId: string, anchorUnitId: string): string {
  return `${decisionId}:${anchorUnitId}`;
}

export function areaOf(units: readonly RollUnit[]): number {
  return units.reduce((sum, u) => sum + u.area, 0);
}

/**
 * Why the roll cannot be counted, in words an organizer reads (the tally's own reasons are
 * English for the command line): which flat, and what is wrong with it.
 */
function rollProblem(units: readonly RollInputUnit[], path: string): string {
  const match = /^units\[(\d+)\]\.(area|unit)$/.exec(path);
  const unit = match ? units[Number(match[1])] : undefined;
  if (unit && match?.[2] === 'area') return `${unit.unitNo} 的面积无效（须为正数，最多两位小数）`;
  if (unit) return `房屋 ${unit.unitNo} 登记了两次`;
  if (path === 'units') return '总面积过大，无法精确计数';
  return '业主名册无法计数';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One unit of a decision's frozen roll (`rolls`, `_id = decisionId:unitId`): the unit, its area
 * and the person who votes for it as they stood when voting opened. Casting reads this, never the
 * live registry, so a re-measure, a sale or a change of voter after opening changes nothing in
 * this decision.
 */
export interface RollEntry {
  _id: string;
  decisionId: string;
  unitId: string;
  unitNo: string;
  /** Hundredths of m². */
  area: number;
  /** The person who votes for the unit in this decision; null for unsold units. */
  voterId: string | null;
  unsold: boolean;
  /** Whose ballot this unit's vote goes into (see personKeyOf). */
  personKey: string;
}

export function rollEntryId(decisionId: string, unitId: string): string {
  return `${decisionId}:${unitId}`;
}

/** The roll entries of a decision, one per unit, from the units as taken on opening day. */
export function rollEntries(decisionId: string, units: readonly RollInputUnit[]): RollEntry[] {
  return units.map((u) => ({
    _id: rollEntryId(decisionId, u.unitId),
    decisionId,
    unitId: u.unitId,
    unitNo: u.unitNo,
    area: u.area,
    voterId: u.voterId,
    unsold: u.unsold,
    personKey: personKeyOf(u),
  }));
}
