/**
 * The result of a decision from its counters and its frozen electorate, by the tally rules of
 * art. 278 (core/tally): turnout on both axes, then the matter's approval rule on both axes.
 * A proposal carries when "yes" reaches the rule; a choice among plans carries the plan that does
 * (two plans cannot both: each needs more than half of those who took part).
 */
import { type Rule, type TallyResult, ruleFor, tallyFromCounters } from '../tally';
import { choicesOf, isPlanKey, supportingChoices } from './choices';
import { sumCounters } from './counters';
import type { ChoiceCount, Counters, Decision, Electorate, PlanKey } from './model';

export interface OptionResult {
  /** `yes` for a proposal, the plan's letter for a choice among plans. */
  key: string;
  tally: TallyResult;
}

export interface DecisionResult {
  rule: Rule;
  electorate: { owners: number; area: number };
  counters: Counters;
  /** Turnout is the same whichever option is looked at. */
  turnout: TallyResult['turnout'];
  options: OptionResult[];
  passed: boolean;
  winner: PlanKey | null;
  /** The option closest to carrying: the winner, else the one with most owners, then area. */
  leading: string | null;
}

export function resultOf(
  decision: Pick<Decision, 'matter' | 'question'>,
  electorate: Pick<Electorate, 'owners' | 'area'>,
  parts: readonly Counters[],
): DecisionResult {
  const counters = sumCounters(parts, choicesOf(decision.question));
  const options = supportingChoices(decision.question).map((key): OptionResult => {
    const support: ChoiceCount = counters.choices[key] ?? { owners: 0, area: 0 };
    return {
      key,
      tally: tallyFromCounters({
        matter: decision.matter,
        owners: { total: electorate.owners, voted: counters.voted.owners, yes: support.owners },
        area: { total: electorate.area, voted: counters.voted.area, yes: support.area },
      }),
    };
  });
  const carried = options.find((o) => o.tally.passed) ?? null;
  const leading =
    carried ??
    [...options].sort(
      (a, b) => b.tally.owners.yes - a.tally.owners.yes || b.tally.area.yes - a.tally.area.yes,
    )[0] ??
    null;
  return {
    rule: ruleFor(decision.matter),
    electorate: { owners: electorate.owners, area: electorate.area },
    counters,
    turnout: turnoutOf(decision.matter, electorate, counters),
    options,
    passed: carried !== null,
    winner: carried && isPlanKey(carried.key) ? carried.key : null,
    leading: leading?.key ?? null,
  };
}

function turnoutOf(
  matter: Decision['matter'],
  electorate: Pick<Electorate, 'owners' | 'area'>,
  counters: Counters,
): TallyResult['turnout'] {
  return tallyFromCounters({
    matter,
    owners: { total: electorate.owners, voted: counters.voted.owners, yes: 0 },
    area: { total: electorate.area, voted: counters.voted.area, yes: 0 },
  }).turnout;
}
