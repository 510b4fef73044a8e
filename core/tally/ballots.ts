/** The tally of a whole vote from its units and ballots, as the CLI and exports need it. */
import { type BallotRecord, type TallyInputError, type UnitRecord, countHeads } from './headcount';
import type { Matter } from './matters';
import { type TallyResult, tallyFromCounters } from './tally';

export interface TallyInput {
  matter: Matter;
  units: readonly UnitRecord[];
  ballots: readonly BallotRecord[];
}

export type TallyOutcome =
  { ok: true; result: TallyResult } | { ok: false; error: TallyInputError };

export function tallyBallots(input: TallyInput): TallyOutcome {
  const heads = countHeads(input.units, input.ballots);
  if (!heads.ok) return heads;
  return {
    ok: true,
    result: tallyFromCounters({ matter: input.matter, owners: heads.owners, area: heads.area }),
  };
}
