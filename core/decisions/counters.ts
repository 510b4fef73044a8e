/**
 * Counters of a decision, kept by deltas in each ballot's transaction and checked by a recount.
 *
 * One ballot is one person (owner, multi-unit owner, or all unsold units together) and carries
 * that person's whole area, so a delta is simply "take the old ballot out, put the new one in":
 * casting a multi-unit owner's second unit replaces the same ballot, and the counters move by the
 * change of choice only. That keeps counters equal to a recount whatever the order of casts.
 */
import type { Ballot, ChoiceCount, Counters } from './model';

export function emptyCounters(choices: readonly string[]): Counters {
  return {
    voted: { owners: 0, area: 0 },
    choices: Object.fromEntries(choices.map((c) => [c, { owners: 0, area: 0 }])),
  };
}

type Counted = Pick<Ballot, 'choice' | 'area'>;

/** The change of counters when `previous` (or nothing) is replaced by `next`. */
export function deltaOf(previous: Counted | null, next: Counted): Counters {
  const delta: Counters = { voted: { owners: 0, area: 0 }, choices: {} };
  const move = (choice: string, owners: number, area: number): void => {
    const c = delta.choices[choice] ?? { owners: 0, area: 0 };
    c.owners += owners;
    c.area += area;
    delta.choices[choice] = c;
  };
  if (previous) {
    delta.voted.owners -= 1;
    delta.voted.area -= previous.area;
    move(previous.choice, -1, -previous.area);
  }
  delta.voted.owners += 1;
  delta.voted.area += next.area;
  move(next.choice, 1, next.area);
  // A re-cast with the same choice moves nothing: drop the zero entries.
  for (const [key, c] of Object.entries(delta.choices)) {
    if (c.owners === 0 && c.area === 0) delete delta.choices[key];
  }
  return delta;
}

export function isZero(delta: Counters): boolean {
  return (
    delta.voted.owners === 0 &&
    delta.voted.area === 0 &&
    Object.values(delta.choices).every((c) => c.owners === 0 && c.area === 0)
  );
}

/** `a + b`, choice by choice (a choice missing on one side counts as zero). */
export function addCounters(a: Counters, b: Counters): Counters {
  const choices: Record<string, ChoiceCount> = {};
  for (const [key, c] of [...Object.entries(a.choices), ...Object.entries(b.choices)]) {
    const sum = choices[key] ?? { owners: 0, area: 0 };
    choices[key] = { owners: sum.owners + c.owners, area: sum.area + c.area };
  }
  return {
    voted: { owners: a.voted.owners + b.voted.owners, area: a.voted.area + b.voted.area },
    choices,
  };
}

/** The counters of a decision from its shards, with every allowed choice present. */
export function sumCounters(parts: readonly Counters[], choices: readonly string[]): Counters {
  return parts.reduce(addCounters, emptyCounters(choices));
}

/** Counters straight from the ballots: what the kept counters must always equal. */
export function recount(ballots: readonly Counted[], choices: readonly string[]): Counters {
  return sumCounters(
    ballots.map((b) => deltaOf(null, b)),
    choices,
  );
}

/** Equal as counts: a choice that is absent equals one at zero. */
export function sameCounters(a: Counters, b: Counters): boolean {
  if (a.voted.owners !== b.voted.owners || a.voted.area !== b.voted.area) return false;
  const keys = new Set([...Object.keys(a.choices), ...Object.keys(b.choices)]);
  for (const key of keys) {
    const x = a.choices[key] ?? { owners: 0, area: 0 };
    const y = b.choices[key] ?? { owners: 0, area: 0 };
    if (x.owners !== y.owners || x.area !== y.area) return false;
  }
  return true;
}

/** Where a person's counters live: a stable spread of ballots over the decision's shards. */
export function shardOf(unitId: string, shards: number): number {
  // FNV-1a: the same unit always lands on the same shard, so a re-cast meets its own counters.
  let hash = 0x811c9dc5;
  for (let i = 0; i < unitId.length; i += 1) {
    hash ^= unitId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % Math.max(1, shards);
}

/** The `_id` of a decision's counter shard in `tallies`. */
export function tallyShardId(decisionId: string, shard: number): string {
  return `${decisionId}:#${shard}`;
}
