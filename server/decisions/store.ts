/**
 * Reading and writing decisions, ballots and counters. Counters are spread over a few shard
 * documents (`tallies`, `_id = decisionId:#k`) so concurrent ballots rarely touch the same
 * document; results read all shards of a decision in one query, whatever the building's size.
 */
import {
  type Ballot,
  type Counters,
  type Decision,
  type RollEntry,
  choicesOf,
  emptyCounters,
  rollEntryId,
  tallyShardId,
} from '../../core/decisions';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { addMany, type Docs, docs } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { docsOf } from '../repository/results';

/** One shard of a decision's counters as stored. */
export interface TallyShard extends Counters {
  _id: string;
  decisionId: string;
  shard: number;
}

export function shardId(decisionId: string, shard: number): string {
  return tallyShardId(decisionId, shard);
}

export function emptyShards(decision: Decision, shards: number): TallyShard[] {
  return Array.from({ length: shards }, (_, shard) => ({
    _id: shardId(decision._id, shard),
    decisionId: decision._id,
    shard,
    ...emptyCounters(choicesOf(decision.question)),
  }));
}

export async function loadDecision(store: Docs, decisionId: string): Promise<Decision> {
  const decision = await store.get<Decision>('decisions', decisionId);
  if (!decision) throw new AppError('NOT_FOUND', '没有找到这个表决议题');
  return decision;
}

/** Every shard of a decision's counters: one request (a decision has a few dozen shards). */
export async function loadShards(db: Db, decisionId: string): Promise<TallyShard[]> {
  return readAll<TallyShard>(db, 'tallies', { decisionId });
}

const PAGE = 1000;

/**
 * A page of a decision's ballots, in `_id` order, or in receipt order for a `receipts` decision's
 * list of receipts, which must not follow the flats (`_id` order would pair each receipt with its
 * flat).
 */
export async function ballotPage(
  db: Db,
  decisionId: string,
  offset: number,
  limit: number,
  order: '_id' | 'receipt' = '_id',
): Promise<Ballot[]> {
  return docsOf<Ballot>(
    db
      .collection('ballots')
      .where({ decisionId })
      .orderBy(order, 'asc')
      .skip(offset)
      .limit(Math.min(limit, PAGE))
      .get(),
  );
}

/** All ballots of a decision, a thousand a request (for recounts; never to count live). */
export function allBallots(db: Db, decisionId: string): Promise<Ballot[]> {
  return readAll<Ballot>(db, 'ballots', { decisionId });
}

/**
 * A counter delta as an update of the shard: `_.inc` on every count that moves, nothing else, so
 * concurrent transactions on other ballots of the same shard commute.
 */
export function incrementsOf(db: Db, delta: Counters): Record<string, unknown> {
  const inc = (n: number): unknown => db.command.inc(n);
  const update: Record<string, unknown> = {};
  const voted: Record<string, unknown> = {};
  if (delta.voted.owners !== 0) voted.owners = inc(delta.voted.owners);
  if (delta.voted.area !== 0) voted.area = inc(delta.voted.area);
  if (Object.keys(voted).length) update.voted = voted;
  const choices: Record<string, unknown> = {};
  for (const [key, c] of Object.entries(delta.choices)) {
    const moved: Record<string, unknown> = {};
    if (c.owners !== 0) moved.owners = inc(c.owners);
    if (c.area !== 0) moved.area = inc(c.area);
    if (Object.keys(moved).length) choices[key] = moved;
  }
  if (Object.keys(choices).length) update.choices = choices;
  return update;
}

/** The unit as the decision's roll froze it; null when the unit was not on the roll. */
export function loadRollEntry(
  store: Docs,
  decisionId: string,
  unitId: string,
): Promise<RollEntry | null> {
  return store.get<RollEntry>('rolls', rollEntryId(decisionId, unitId));
}

/**
 * Writes a decision's frozen roll, after removing any left by an earlier attempt to open it.
 * Written before the status changes: until the decision is open nobody reads it, and a retry
 * writes the same entries again. A hundred entries a request (each keeps its `_id`): one set per
 * unit took 10,000 requests for a 10,000-flat building, past the function's time limit.
 */
export async function writeRoll(db: Db, decisionId: string, entries: RollEntry[]): Promise<void> {
  await db.collection('rolls').where({ decisionId }).remove();
  await addMany(db, 'rolls', entries);
}

export { docs };
