/**
 * Who counts as one owner, who voted, and whose area is behind each vote (司法解释 arts 8–9):
 * - units with the same `owner` are one person;
 * - all unsold (undelivered developer) units together are one person, whatever their `owner`;
 * - a sold unit without an `owner` is its own owner.
 * A person's ballot covers all of their units, so a person who voted on any unit brings their
 * whole area into `voted` (and into `yes` when they said yes), including units without a ballot.
 */
import { MAX_UNIT_AREA_HUNDREDTHS } from './area';
import { type Counts, MAX_COUNTER } from './tally';

export const CHOICES = ['yes', 'no', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

export interface UnitRecord {
  unit: string;
  /** Integer hundredths of m², positive. */
  area: number;
  owner?: string | undefined;
  unsold?: boolean | undefined;
}

export interface BallotRecord {
  unit: string;
  choice: Choice;
}

/** One problem in the input, with the path of the offending field (e.g. `ballots[2].unit`). */
export interface TallyInputError {
  path: string;
  message: string;
}

export type Headcount =
  { ok: true; owners: Counts; area: Counts } | { ok: false; error: TallyInputError };

interface Person {
  area: number;
  choice?: Choice;
  /** Index of the ballot that set `choice`, to name it when another ballot contradicts it. */
  ballotIndex?: number;
}

const UNSOLD = 'unsold';

/** Keys are tagged so an owner named like a unit can never merge with an ownerless unit. */
function personKey(unit: UnitRecord): string {
  if (unit.unsold === true) return UNSOLD;
  return unit.owner === undefined ? `unit:${unit.unit}` : `owner:${unit.owner}`;
}

function describe(key: string): string {
  if (key === UNSOLD) return 'the unsold units';
  if (key.startsWith('owner:')) return `owner ${JSON.stringify(key.slice('owner:'.length))}`;
  return `unit ${JSON.stringify(key.slice('unit:'.length))}`;
}

/** Counts owners and area, total / voted / yes. The first problem found is returned as an error. */
export function countHeads(
  units: readonly UnitRecord[],
  ballots: readonly BallotRecord[],
): Headcount {
  const personOfUnit = new Map<string, string>();
  const people = new Map<string, Person>();
  for (const [index, unit] of units.entries()) {
    if (
      !Number.isSafeInteger(unit.area) ||
      unit.area <= 0 ||
      unit.area > MAX_UNIT_AREA_HUNDREDTHS
    ) {
      return fail(`units[${index}].area`, 'must be a positive whole number of hundredths of m²');
    }
    if (personOfUnit.has(unit.unit)) {
      return fail(`units[${index}].unit`, `duplicated unit ${JSON.stringify(unit.unit)}`);
    }
    const key = personKey(unit);
    personOfUnit.set(unit.unit, key);
    const person = people.get(key) ?? { area: 0 };
    person.area += unit.area;
    people.set(key, person);
  }

  const ballotOfUnit = new Map<string, number>();
  for (const [index, ballot] of ballots.entries()) {
    const key = personOfUnit.get(ballot.unit);
    if (key === undefined) {
      return fail(`ballots[${index}].unit`, `unknown unit ${JSON.stringify(ballot.unit)}`);
    }
    const earlier = ballotOfUnit.get(ballot.unit);
    if (earlier !== undefined) {
      return fail(
        `ballots[${index}].unit`,
        `second ballot for unit ${JSON.stringify(ballot.unit)} (first is ballots[${earlier}])`,
      );
    }
    ballotOfUnit.set(ballot.unit, index);
    const person = people.get(key);
    if (person === undefined) throw new Error(`unreachable: no person for ${key}`);
    if (person.choice !== undefined && person.choice !== ballot.choice) {
      return fail(
        `ballots[${index}].choice`,
        `${describe(key)} chose ${JSON.stringify(person.choice)} in ballots[${person.ballotIndex}] ` +
          `but ${JSON.stringify(ballot.choice)} here; one owner has one vote`,
      );
    }
    if (person.choice === undefined) {
      person.choice = ballot.choice;
      person.ballotIndex = index;
    }
  }

  const owners: Counts = { total: 0, voted: 0, yes: 0 };
  const area: Counts = { total: 0, voted: 0, yes: 0 };
  for (const person of people.values()) {
    owners.total += 1;
    area.total += person.area;
    if (person.choice === undefined) continue;
    owners.voted += 1;
    area.voted += person.area;
    if (person.choice === 'yes') {
      owners.yes += 1;
      area.yes += person.area;
    }
  }
  if (area.total > MAX_COUNTER) return fail('units', 'total area is too large to count exactly');
  return { ok: true, owners, area };
}

function fail(path: string, message: string): Headcount {
  return { ok: false, error: { path, message } };
}
