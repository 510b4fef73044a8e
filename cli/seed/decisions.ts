import { createHash } from 'node:crypto';
import {
  type Ballot,
  type Counters,
  type Decision,
  type Electorate,
  type Question,
  type RollEntry,
  type RollInputUnit,
  addCounters,
  anchorOf,
  ballotId,
  buildElectorate,
  castBallot,
  choicesOf,
  emptyCounters,
  isoAt,
  personFor,
  personKeyOf,
  receiptMaterial,
  rollEntries,
  rollFromUnits,
  tallyShardId,
} from '../../core/decisions';
import type { Unit } from '../../core/registry/model';

/**
 * Decisions for the demo building, dated relative to `now` so the demo always has a vote running:
 * - the elevator plan (A: keep the guide rails / B: replace everything), open for another 11 days,
 *   with about two thirds of the flats already voted online or on paper;
 * - the cost split by area, its notice posted two days ago (voting opens in 13 days);
 * - the mandate to negotiate with the elevator firms, whose voting ended yesterday: it waits for
 *   the organizer to close it and post the result (the server closes only at/after the deadline);
 * - the out-of-service arrangements, whose notice has stood its 15 days and whose announced start
 *   passed an hour ago: it waits for the organizer to open voting.
 * The last two are there so the organizer's steps (open, close, publish) can be taken on a fresh
 * demo; the list order is fixed (plan, split, mandate, arrangements).
 * Ballots and counters are made by the same core steps the server runs, so a recount agrees.
 */
export type Tally = Counters & { _id: string; decisionId: string; shard: number };

export interface DemoDecisions {
  decisions: Decision[];
  ballots: Ballot[];
  tallies: Tally[];
  /** The frozen roll of each decision that has opened. */
  rolls: RollEntry[];
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SHARDS = 16;

const PLAN_QUESTION: Question = {
  kind: 'plans',
  text: '两部电梯按哪个方案更换？（业主自筹资金，按专有面积分摊）',
  plans: [
    {
      key: 'A',
      title: '保留导轨，更换其余部件',
      summary: '检测确认导轨等特种设备状况良好，保留可缩短工期约两周、节省费用。工期约 45 天。',
      costFen: 98_000_000,
    },
    {
      key: 'B',
      title: '整体更换',
      summary: '连同导轨一并更换。工期约 60 天，期间两部电梯同时停用的时间更长。',
      costFen: 126_000_000,
    },
  ],
};

/** A deterministic spread of choices: most for plan A, some for B, a few against or abstaining. */
function choiceFor(index: number): string | null {
  const r = (index * 37) % 100;
  if (r < 30) return null;
  if (r < 80) return 'A';
  if (r < 90) return 'B';
  return r < 95 ? 'no' : 'abstain';
}

/** The mandate: about four in five flats voted, most of them yes. */
function mandateChoiceFor(index: number): string | null {
  const r = (index * 53) % 100;
  if (r < 18) return null;
  if (r < 85) return 'yes';
  return r < 93 ? 'no' : 'abstain';
}

/**
 * Ballots for an open decision from `choose`, one every 20 minutes from its opening, and the
 * counter shards that hold them — every ballot through core's castBallot, as the server casts.
 */
function seedBallots(input: {
  decision: Decision;
  electorate: Electorate;
  roll: readonly RollInputUnit[];
  choose: (index: number) => string | null;
  from: number;
}): { ballots: Ballot[]; tallies: Tally[] } {
  const { decision, electorate, roll, choose, from } = input;
  const choices = choicesOf(decision.question);
  const ballots = new Map<string, Ballot>();
  const shards: Counters[] = Array.from({ length: SHARDS }, () => emptyCounters(choices));
  roll.forEach((unit, index) => {
    const choice = choose(index);
    if (choice === null) return;
    const anchor = anchorOf(electorate, unit.unitId);
    const id = ballotId(decision._id, anchor);
    if (ballots.has(id)) return;
    const salt = createHash('sha256').update(`demo-salt:${id}`).digest('hex').slice(0, 32);
    const receipt = createHash('sha256')
      .update(receiptMaterial({ decisionId: decision._id, unitId: anchor, choice, salt }))
      .digest('hex');
    const paper = unit.unsold || index % 9 === 0;
    const outcome = castBallot({
      decision,
      person: personFor(electorate, unit, personKeyOf(unit)),
      previous: null,
      request: {
        choice,
        voice: 'owner',
        channel: paper ? 'paper' : 'online',
        castBy: paper ? 'demo-staff1' : `demo-owner-${unit.voterId ?? 'developer'}`,
        photoFileId: paper ? `cloud://tongti-local/ballots/${decision._id}/${anchor}.jpg` : null,
        salt,
        receipt,
      },
      now: from + (index + 1) * 20 * 60_000,
    });
    if (!outcome.ok) throw new Error(`demo decisions: ${outcome.refusal.message}`);
    ballots.set(id, outcome.ballot);
    const shard = shards[outcome.ballot.shard];
    if (shard) shards[outcome.ballot.shard] = addCounters(shard, outcome.delta);
  });
  return {
    ballots: [...ballots.values()],
    tallies: shards.map((c, shard) => ({
      _id: tallyShardId(decision._id, shard),
      decisionId: decision._id,
      shard,
      voted: c.voted,
      choices: Object.fromEntries(choices.map((k) => [k, c.choices[k] ?? { owners: 0, area: 0 }])),
    })),
  };
}

export function demoDecisions(input: {
  buildingId: string;
  units: readonly Unit[];
  organizerOpenid: string;
  now: number;
}): DemoDecisions {
  const { buildingId, units, organizerOpenid, now } = input;
  const roll = rollFromUnits(units, now);
  const built = buildElectorate(roll, SHARDS);
  if (!built.ok) throw new Error(`demo decisions: ${built.reason}`);
  const base = {
    buildingId,
    documents: [
      {
        kind: 'inspection' as const,
        title: '两部电梯第三方检测报告',
        fileId: 'cloud://tongti-local/decisions/inspection-report.pdf',
      },
      {
        kind: 'quote' as const,
        title: '三家电梯公司报价',
        fileId: 'cloud://tongti-local/decisions/quotes.pdf',
      },
      {
        kind: 'comparison' as const,
        title: '方案比较表（工期、费用、停梯安排）',
        fileId: 'cloud://tongti-local/decisions/plan-comparison.pdf',
      },
    ],
    noticeDays: 15,
    objectionDays: 7,
    createdBy: organizerOpenid,
    closedAt: null,
    preliminaryAt: null,
    objectionEndsAt: null,
    finalAt: null,
    result: null,
  };
  const plan: Decision = {
    ...base,
    _id: 'd-elevator-plan',
    title: '电梯更换方案表决',
    summary:
      '第三方检测结论：两部电梯已无法通过维修恢复安全运行，须整体更换。维修基金接近红线，由业主自筹。请在两个方案中选择一个。',
    matter: 'rebuild',
    question: PLAN_QUESTION,
    opensAt: isoAt(now - 3 * DAY),
    closesAt: isoAt(now + 11 * DAY),
    status: 'open',
    createdAt: isoAt(now - 20 * DAY),
    updatedAt: isoAt(now - 3 * DAY),
    noticePostedAt: isoAt(now - 18 * DAY),
    openedAt: isoAt(now - 3 * DAY),
    electorate: built.electorate,
  };
  const split: Decision = {
    ...base,
    _id: 'd-cost-split',
    title: '换梯费用按专有面积分摊',
    summary:
      '按《民法典》第 283 条，没有约定的按专有部分面积分摊。本议题确认按面积分摊，不设楼层系数。',
    matter: 'raise-fund',
    question: { kind: 'proposal', text: '是否同意换梯费用按各户专有部分面积分摊？' },
    documents: [],
    opensAt: isoAt(now + 13 * DAY),
    closesAt: isoAt(now + 27 * DAY),
    status: 'notice',
    createdAt: isoAt(now - 4 * DAY),
    updatedAt: isoAt(now - 2 * DAY),
    noticePostedAt: isoAt(now - 2 * DAY),
    openedAt: null,
    electorate: null,
  };
  // Voted over two weeks before the plan was posted; the deadline passed yesterday.
  const mandate: Decision = {
    ...base,
    _id: 'd-negotiation-mandate',
    title: '授权换梯小组与电梯公司洽谈',
    summary:
      '由换梯工作小组代表全体业主，与三家电梯公司洽谈报价、工期和合同条款，洽谈结果提交业主表决后才签约。',
    matter: 'other',
    question: {
      kind: 'proposal',
      text: '是否同意授权换梯工作小组与电梯公司洽谈报价、工期和合同条款？',
    },
    documents: [],
    opensAt: isoAt(now - 15 * DAY),
    closesAt: isoAt(now - DAY),
    status: 'open',
    createdAt: isoAt(now - 32 * DAY),
    updatedAt: isoAt(now - 15 * DAY),
    noticePostedAt: isoAt(now - 31 * DAY),
    openedAt: isoAt(now - 15 * DAY),
    electorate: built.electorate,
  };
  // Posted 16 days ago to open an hour ago: nothing keeps the organizer from opening it.
  const arrangements: Decision = {
    ...base,
    _id: 'd-outage-arrangements',
    title: '施工期间停梯安排',
    summary:
      '施工期间两部电梯轮流停用，始终保留一部运行；整体停用的几天由志愿者协助高龄住户上下楼，物业代收快递。',
    matter: 'other',
    question: {
      kind: 'proposal',
      text: '是否同意施工期间两部电梯轮流停用，并按上述安排协助高龄住户？',
    },
    documents: [],
    opensAt: isoAt(now - HOUR),
    closesAt: isoAt(now + 14 * DAY),
    status: 'notice',
    createdAt: isoAt(now - 17 * DAY),
    updatedAt: isoAt(now - 16 * DAY),
    noticePostedAt: isoAt(now - 16 * DAY),
    openedAt: null,
    electorate: null,
  };

  const planVotes = seedBallots({
    decision: plan,
    electorate: built.electorate,
    roll,
    choose: choiceFor,
    from: now - 3 * DAY,
  });
  const mandateVotes = seedBallots({
    decision: mandate,
    electorate: built.electorate,
    roll,
    choose: mandateChoiceFor,
    from: now - 15 * DAY,
  });
  return {
    decisions: [plan, split, mandate, arrangements],
    ballots: [...planVotes.ballots, ...mandateVotes.ballots],
    tallies: [...planVotes.tallies, ...mandateVotes.tallies],
    rolls: [...rollEntries(plan._id, roll), ...rollEntries(mandate._id, roll)],
  };
}
