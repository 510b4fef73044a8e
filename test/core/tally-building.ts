/**
 * Test data builder for tally tests: a building of single-owner units in groups, each group with a
 * given number of units, a given total area (hundredths, spread as evenly as integers allow) and
 * an optional choice every unit of the group voted.
 */
import type { BallotRecord, Choice, UnitRecord } from '../../core/tally';

export interface Group {
  count: number;
  area: number;
  choice?: Choice;
}

export interface Building {
  units: UnitRecord[];
  ballots: BallotRecord[];
}

/** `total` split into `count` positive integers that differ by at most one and sum to `total`. */
export function spread(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  if (base < 1) throw new Error(`cannot spread ${total} over ${count} units`);
  const extra = total % count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}

export function building(groups: readonly Group[]): Building {
  const units: UnitRecord[] = [];
  const ballots: BallotRecord[] = [];
  for (const group of groups) {
    for (const area of spread(group.area, group.count)) {
      const n = units.length + 1;
      const unit = `u${n}`;
      units.push({ unit, area, owner: `p${n}`, unsold: false });
      if (group.choice !== undefined) ballots.push({ unit, choice: group.choice });
    }
  }
  return { units, ballots };
}
