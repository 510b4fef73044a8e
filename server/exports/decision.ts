import type { Ballot, RollEntry } from '../../core/decisions';
import { resultOf } from '../../core/decisions';
import { rollSheet, summarySheet } from '../../core/exports/decisionSheets';
import type { NameView, Sheet } from '../../core/exports/sheet';
import { shanghaiIso } from '../../core/registry/time';
import type { Db } from '../cloud';
import { MATTER_LABELS, choiceLabel, resultsView, summaryView } from '../decisions/views';
import { allBallots, loadDecision, loadShards } from '../decisions/store';
import { AppError } from '../errors';
import { docs } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { peopleNamed } from './people';

/**
 * A decision's roll and ballots, and its tally: the frozen roll (a thousand units a request), every
 * ballot, the counter shards, and the names of the voters on the roll (five hundred a request).
 * Until voting opens there is no roll to export.
 */
export async function decisionSheets(
  db: Db,
  decisionId: string,
  view: NameView,
  now: Date,
): Promise<{ sheets: Sheet[]; rows: number; title: string }> {
  const decision = await loadDecision(docs(db), decisionId);
  const electorate = decision.electorate;
  if (!electorate) {
    throw new AppError('CONFLICT', `“${decision.title}”尚未开始表决，还没有表决名册`);
  }
  const [roll, ballots, shards] = await Promise.all([
    readAll<RollEntry>(db, 'rolls', { decisionId }),
    allBallots(db, decisionId),
    loadShards(db, decisionId),
  ]);
  const voterIds = roll.map((r) => r.voterId).filter((id): id is string => id !== null);
  const people = await peopleNamed(db, voterIds);
  const published = decision.result;
  const result = resultOf(decision, electorate, published ? [published.counters] : shards);
  const results = resultsView(
    decision,
    result,
    published ? published.at : shanghaiIso(now),
    electorate.units,
  );
  const label = (choice: string): string => choiceLabel(decision, choice);
  return {
    title: decision.title,
    rows: roll.length,
    sheets: [
      rollSheet({
        roll,
        ballots: ballots as readonly Ballot[],
        electorate,
        names: new Map(people.map((p) => [p._id, p.name])),
        view,
        choiceLabel: label,
      }),
      summarySheet(results, {
        matterLabel: MATTER_LABELS[decision.matter],
        statusLabel: summaryView(decision, now).statusLabel,
      }),
    ],
  };
}
