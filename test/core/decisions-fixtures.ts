/**
 * Test data builders for decisions ("mothers"): a decision at any stage, a roll of units, and a
 * ballot box that applies casts the way the server does (ballot replaced by id, counters moved by
 * the delta on the ballot's shard), so tests can compare its counters with a recount.
 */
import {
  type Ballot,
  type CastOutcome,
  type CastRequest,
  type Counters,
  type Decision,
  type DraftFields,
  type Electorate,
  type Question,
  type RollInputUnit,
  addCounters,
  anchorOf,
  ballotId,
  buildElectorate,
  castBallot,
  choicesOf,
  emptyCounters,
  personFor,
  personKeyOf,
  sumCounters,
} from '../../core/decisions';
import type { Matter } from '../../core/tally';

export const T0 = '2026-12-01T09:00:00+08:00';

export const PROPOSAL: Question = {
  kind: 'proposal',
  text: '是否同意按方案自筹资金更换两部电梯？',
};
export const PLANS: Extract<Question, { kind: 'plans' }> = {
  kind: 'plans',
  text: '选择电梯更换方案',
  plans: [
    { key: 'A', title: '保留导轨，更换其余部件', summary: '工期 45 天', costFen: 98_000_000 },
    { key: 'B', title: '整体更换', summary: '工期 60 天', costFen: 126_000_000 },
    { key: 'C', title: '只更换曳引机和控制柜', summary: '工期 30 天', costFen: 61_000_000 },
  ],
};

export function draftFields(overrides: Partial<DraftFields> = {}): DraftFields {
  return {
    title: '电梯更换方案表决',
    summary: '两部电梯检测结论为需整体更换，业主自筹资金。',
    matter: 'rebuild',
    question: PROPOSAL,
    documents: [
      { kind: 'inspection', title: '第三方检测报告', fileId: 'cloud://env/inspection.pdf' },
    ],
    noticeDays: 15,
    objectionDays: 7,
    opensAt: '2026-12-17T09:00:00+08:00',
    closesAt: '2026-12-31T18:00:00+08:00',
    emergency: null,
    privacy: 'open',
    ...overrides,
  };
}

/** `count` single-owner units with areas spread to `area` in total, ids u1, u2… after `from`. */
export function units(count: number, area: number, from = 0): RollInputUnit[] {
  const base = Math.floor(area / count);
  const extra = area % count;
  return Array.from({ length: count }, (_, i) => {
    const n = from + i + 1;
    return {
      unitId: `u${n}`,
      unitNo: `${Math.floor((n - 1) / 6) + 2}-${String(((n - 1) % 6) + 1).padStart(2, '0')}`,
      area: base + (i < extra ? 1 : 0),
      voterId: `p${n}`,
      unsold: false,
    };
  });
}

export function electorateOf(roll: readonly RollInputUnit[], shards = 4): Electorate {
  const outcome = buildElectorate(roll, shards);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.electorate;
}

/** A decision that is open for voting from T0 until the end of December. */
export function openDecision(
  roll: readonly RollInputUnit[],
  options: { matter?: Matter; question?: Question; shards?: number; id?: string } = {},
): Decision {
  return {
    _id: options.id ?? 'd1',
    buildingId: 'b1',
    ...draftFields({
      matter: options.matter ?? 'rebuild',
      question: options.question ?? PROPOSAL,
      opensAt: '2026-11-30T09:00:00+08:00',
      closesAt: '2026-12-31T18:00:00+08:00',
    }),
    status: 'open',
    createdBy: 'organizer',
    createdAt: '2026-11-01T09:00:00+08:00',
    updatedAt: T0,
    noticePostedAt: '2026-11-10T09:00:00+08:00',
    openedAt: T0,
    closedAt: null,
    preliminaryAt: null,
    objectionEndsAt: null,
    finalAt: null,
    electorate: electorateOf(roll, options.shards ?? 4),
    result: null,
  };
}

export interface Cast {
  unitId: string;
  choice: string;
  voice?: 'owner' | 'proxy';
  channel?: 'online' | 'paper';
  photoFileId?: string | null;
}

/** Ballots and sharded counters of one decision, moved exactly as the server moves them. */
export class BallotBox {
  readonly ballots = new Map<string, Ballot>();
  readonly shards: Counters[];
  private seq = 0;

  constructor(
    readonly decision: Decision,
    private readonly roll: readonly RollInputUnit[],
  ) {
    const shards = decision.electorate?.shards ?? 1;
    this.shards = Array.from({ length: shards }, () => emptyCounters(choicesOf(decision.question)));
  }

  cast(c: Cast, now: string = T0): CastOutcome {
    const electorate = this.decision.electorate;
    if (!electorate) throw new Error('decision has no electorate');
    const unit = this.roll.find((u) => u.unitId === c.unitId);
    if (!unit) throw new Error(`no unit ${c.unitId}`);
    const person = personFor(electorate, unit, personKeyOf(unit));
    const previous =
      this.ballots.get(ballotId(this.decision._id, anchorOf(electorate, c.unitId))) ?? null;
    this.seq += 1;
    const request: CastRequest = {
      choice: c.choice,
      voice: c.voice ?? 'owner',
      channel: c.channel ?? 'online',
      castBy: `openid-${c.unitId}`,
      // A paper cast gets a photo unless the test names one (or null) itself.
      photoFileId:
        'photoFileId' in c
          ? (c.photoFileId ?? null)
          : c.channel === 'paper'
            ? `cloud://env/paper-${this.seq}.jpg`
            : null,
      salt: `salt-${this.seq}`,
      receipt: `receipt-${this.seq}`,
    };
    const outcome = castBallot({ decision: this.decision, person, previous, request, now });
    if (outcome.ok && outcome.changed) {
      this.ballots.set(outcome.ballot._id, outcome.ballot);
      const shard = this.shards[outcome.ballot.shard];
      if (!shard) throw new Error(`no shard ${outcome.ballot.shard}`);
      this.shards[outcome.ballot.shard] = addCounters(shard, outcome.delta);
    }
    return outcome;
  }

  /** Casts and fails the test on a refusal. */
  must(c: Cast, now: string = T0): Ballot {
    const outcome = this.cast(c, now);
    if (!outcome.ok) throw new Error(`${c.unitId}: ${outcome.refusal.message}`);
    return outcome.ballot;
  }

  counters(): Counters {
    return sumCounters(this.shards, choicesOf(this.decision.question));
  }
}
