/**
 * The decision from counters: turnout and approval on both axes, and how far each is from passing.
 * The server keeps these counters in the ballot's transaction and calls `tallyFromCounters` for
 * live results; `tallyBallots` derives the same counters from units and ballots.
 */
import { type Matter, type Rule, isMatter, ruleFor } from './matters';
import { approvalMet, approvalShort, turnoutMet, turnoutShort } from './shortfall';

/** Owners are a headcount; areas are integer hundredths of m². `yes ≤ voted ≤ total`. */
export interface Counts {
  total: number;
  voted: number;
  yes: number;
}

export interface Threshold {
  met: boolean;
  ownersShort: number;
  /** Hundredths of m². */
  areaShort: number;
}

export interface TallyCounters {
  matter: Matter;
  owners: Counts;
  area: Counts;
}

export interface TallyResult {
  matter: Matter;
  rule: Rule;
  owners: Counts;
  area: Counts;
  turnout: Threshold;
  approval: Threshold;
  passed: boolean;
}

/** Keeps 4·total (the largest product the rules form) an exact integer. */
export const MAX_COUNTER = Math.floor(Number.MAX_SAFE_INTEGER / 4);

/**
 * Decides a matter from its counters. Throws RangeError on counters that cannot occur (negative,
 * fractional, yes > voted > total): those are bugs upstream, not a vote result.
 */
export function tallyFromCounters(counters: TallyCounters): TallyResult {
  const { matter } = counters;
  if (!isMatter(matter)) throw new RangeError(`unknown matter ${JSON.stringify(matter)}`);
  const owners = checkedCounts('owners', counters.owners);
  const area = checkedCounts('area', counters.area);
  const rule = ruleFor(matter);
  const turnout: Threshold = {
    met: turnoutMet(owners.voted, owners.total) && turnoutMet(area.voted, area.total),
    ownersShort: turnoutShort(owners.voted, owners.total),
    areaShort: turnoutShort(area.voted, area.total),
  };
  const approval: Threshold = {
    met: approvalMet(rule, owners.yes, owners.voted) && approvalMet(rule, area.yes, area.voted),
    ownersShort: approvalShort(rule, owners.yes, owners.voted),
    areaShort: approvalShort(rule, area.yes, area.voted),
  };
  return {
    matter,
    rule,
    owners,
    area,
    turnout,
    approval,
    passed: turnout.met && approval.met,
  };
}

function checkedCounts(name: string, counts: Counts): Counts {
  const { total, voted, yes } = counts;
  for (const [key, value] of Object.entries({ total, voted, yes })) {
    if (!Number.isSafeInteger(value) || value < 0 || value > MAX_COUNTER) {
      throw new RangeError(`${name}.${key} must be an integer from 0 to ${MAX_COUNTER}`);
    }
  }
  if (yes > voted || voted > total) {
    throw new RangeError(`${name} must satisfy yes ≤ voted ≤ total, got ${yes}/${voted}/${total}`);
  }
  return { total, voted, yes };
}
