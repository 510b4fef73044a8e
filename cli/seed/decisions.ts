import { createHash } from 'node:crypto';
import { buildFileId } from '../../localcloud/storage/fileIds';
import { DEFAULT_ENV_ID } from '../../localcloud/sdkEnv';
import { DECISION_DOCUMENT_PATHS } from './documents';
import {
  type Ballot,
  type Counters,
  type Decision,
  type Electorate,
  type Question,
  type RollEntry,
  type RollInputUnit,
  type StaffChannel,
  addCounters,
  anchorOf,
  ballotId,
  buildElectorate,
  castBallot,
  closeVoting,
  publishFinal,
  publishPreliminary,
  resultOf,
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
import type { Person, ProxyGrant, Unit } from '../../core/registry/model';
import { BallotEvidence } from './ballotEvidence';

/**
 * Decisions for the demo building, dated relative to `now`. The story has moved on to the money:
 * - the mandate to negotiate with the elevator firms: passed two months ago (final);
 * - the elevator plan (A: keep the guide rails / B: replace everything), with the area split
 *   confirmed in the same vote: final and passed weeks ago, plan A carrying the area scheme the
 *   charges were issued from (cli/seed/money.ts);
 * - the out-of-service arrangements: OPEN for another 10 days, about two thirds of the flats
 *   voted (online, some through their proxies, on paper) — the voting journeys use it;
 * - topping up the maintenance fund, whose voting ended yesterday: it waits for the organizer to
 *   close it and post the result (the server closes only at/after the deadline);
 * - the lift advertising income, whose notice has stood its 15 days and whose announced start
 *   passed an hour ago: it waits for the organizer to open voting.
 * Ballots, counters and results are made by the same core steps the server runs, so a recount
 * agrees; the list order is fixed (plan, split, mandate, arrangements, top-up, advertising).
 * Owners without a smartphone voted at home, two staff taking the visit record (上门); on the
 * plan, a few voted at the owners' meeting (现场) and one owner abroad by video (视频); the rest of
 * the staff-entered ballots are signed paper forms — each with its evidence (ballotEvidence.ts).
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

/** The plan vote: four in five flats voted, plan A well past three quarters of them. */
function choiceFor(index: number): string | null {
  const r = (index * 37) % 100;
  if (r < 20) return null;
  if (r < 90) return 'A';
  if (r < 95) return 'B';
  return r < 98 ? 'no' : 'abstain';
}

/** The area split, voted with the plan: nearly the same flats, nearly all yes. */
function splitChoiceFor(index: number): string | null {
  const r = (index * 37) % 100;
  if (r < 21) return null;
  return r < 93 ? 'yes' : r < 97 ? 'no' : 'abstain';
}

/** The mandate: about four in five flats voted, most of them yes. */
function mandateChoiceFor(index: number): string | null {
  const r = (index * 53) % 100;
  if (r < 18) return null;
  if (r < 85) return 'yes';
  return r < 93 ? 'no' : 'abstain';
}

/** The out-of-service arrangements, still open: about two thirds voted so far. */
function outageChoiceFor(index: number): string | null {
  const r = (index * 29) % 100;
  if (r < 34) return null;
  if (r < 88) return 'yes';
  return r < 95 ? 'no' : 'abstain';
}

/** The fund top-up, voting over: three in four voted, most yes. */
function topUpChoiceFor(index: number): string | null {
  const r = (index * 41) % 100;
  if (r < 25) return null;
  if (r < 88) return 'yes';
  return r < 95 ? 'no' : 'abstain';
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
  /** Flats whose ballot comes on paper (the default: unsold flats and every ninth). */
  paper?: (unit: RollInputUnit, index: number) => boolean;
  /** unitId → the openid of the proxy who votes for it (else the owner votes). */
  proxies?: ReadonlyMap<string, string>;
  /** A channel staff entered the flat's ballot on, before the paper rule; null to leave it. */
  channelOf?: (unit: RollInputUnit) => StaffChannel | null;
  evidence: BallotEvidence;
}): { ballots: Ballot[]; tallies: Tally[] } {
  const { decision, electorate, roll, choose, from } = input;
  const onPaper = input.paper ?? ((unit, index) => unit.unsold || index % 9 === 0);
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
    const channel = input.channelOf?.(unit) ?? (onPaper(unit, index) ? 'paper' : 'online');
    const proxy = channel === 'online' ? input.proxies?.get(unit.unitId) : undefined;
    const evidence = channel === 'online' ? null : input.evidence.of(decision._id, anchor, channel);
    const outcome = castBallot({
      decision,
      person: personFor(electorate, unit, personKeyOf(unit)),
      previous: null,
      request: {
        choice,
        voice: proxy ? 'proxy' : 'owner',
        channel,
        castBy: evidence?.castBy ?? proxy ?? `demo-owner-${unit.voterId ?? 'developer'}`,
        photoFileId: evidence?.photoFileId ?? null,
        witnessedBy: evidence?.witnessedBy ?? null,
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

/**
 * A decision that ran its course: voted from `opened`, closed at its deadline, the preliminary
 * result posted the next day and the final one after the objection period — each step through
 * core's lifecycle, the result from core's resultOf over the seeded counters.
 */
function finished(decision: Decision, tallies: readonly Tally[]): Decision {
  const step = (t: ReturnType<typeof closeVoting>): Decision => {
    if (!t.ok) throw new Error(`demo decisions: ${decision._id}: ${t.refusal.message}`);
    return t.decision;
  };
  const closesAt = Date.parse(decision.closesAt ?? '');
  const closed = step(closeVoting(decision, new Date(closesAt)));
  const electorate = decision.electorate;
  if (!electorate) throw new Error(`demo decisions: ${decision._id} has no electorate`);
  const result = resultOf(decision, electorate, tallies);
  const preliminary = step(
    publishPreliminary(closed, new Date(closesAt + DAY), {
      counters: result.counters,
      passed: result.passed,
      winner: result.winner,
    }),
  );
  const final = step(
    publishFinal(preliminary, new Date(Date.parse(preliminary.objectionEndsAt ?? '') + HOUR)),
  );
  if (!result.passed) throw new Error(`demo decisions: ${decision._id} did not pass`);
  return final;
}

export function demoDecisions(input: {
  buildingId: string;
  units: readonly Unit[];
  organizerOpenid: string;
  /** Proxies with a vote: their flats' ballots on the open vote come from them. */
  proxies?: readonly ProxyGrant[];
  /** Who the owners are: those without a smartphone vote at home, those abroad by video. */
  people?: readonly Person[];
  now: number;
}): DemoDecisions {
  const { buildingId, units, organizerOpenid, now } = input;
  const roll = rollFromUnits(units, now);
  const built = buildElectorate(roll, SHARDS);
  if (!built.ok) throw new Error(`demo decisions: ${built.reason}`);
  const proxies = new Map<string, string>();
  for (const p of input.proxies ?? []) {
    if (p.status !== 'active' || !p.scope.vote || !p.proxyOpenid) continue;
    for (const u of p.unitIds) proxies.set(u, p.proxyOpenid);
  }
  const base = {
    buildingId,
    documents: [
      {
        kind: 'inspection' as const,
        title: '两部电梯第三方检测报告',
        fileId: buildFileId(DEFAULT_ENV_ID, DECISION_DOCUMENT_PATHS.inspection),
      },
      {
        kind: 'quote' as const,
        title: '三家电梯公司报价',
        fileId: buildFileId(DEFAULT_ENV_ID, DECISION_DOCUMENT_PATHS.quotes),
      },
      {
        kind: 'comparison' as const,
        title: '方案比较表（工期、费用、停梯安排）',
        fileId: buildFileId(DEFAULT_ENV_ID, DECISION_DOCUMENT_PATHS.comparison),
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
  // Voted two months ago, before the plans were drawn up.
  const mandateOpen: Decision = {
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
    opensAt: isoAt(now - 80 * DAY),
    closesAt: isoAt(now - 66 * DAY),
    status: 'open',
    createdAt: isoAt(now - 97 * DAY),
    updatedAt: isoAt(now - 80 * DAY),
    noticePostedAt: isoAt(now - 96 * DAY),
    openedAt: isoAt(now - 80 * DAY),
    electorate: built.electorate,
  };
  // Voted seven weeks ago; the final result stood three and a half weeks ago.
  const planOpen: Decision = {
    ...base,
    _id: 'd-elevator-plan',
    title: '电梯更换方案表决',
    summary:
      '第三方检测结论：两部电梯已无法通过维修恢复安全运行，须整体更换。维修基金接近红线，由业主自筹，按专有面积分摊。请在两个方案中选择一个。',
    matter: 'rebuild',
    question: PLAN_QUESTION,
    opensAt: isoAt(now - 48 * DAY),
    closesAt: isoAt(now - 34 * DAY),
    status: 'open',
    createdAt: isoAt(now - 65 * DAY),
    updatedAt: isoAt(now - 48 * DAY),
    noticePostedAt: isoAt(now - 63 * DAY),
    openedAt: isoAt(now - 48 * DAY),
    electorate: built.electorate,
  };
  const splitOpen: Decision = {
    ...base,
    _id: 'd-cost-split',
    title: '换梯费用按专有面积分摊',
    summary:
      '按《民法典》第 283 条，没有约定的按专有部分面积分摊。本议题确认按面积分摊，不设楼层系数。与换梯方案同时表决。',
    matter: 'raise-fund',
    question: { kind: 'proposal', text: '是否同意换梯费用按各户专有部分面积分摊？' },
    documents: [],
    opensAt: planOpen.opensAt,
    closesAt: planOpen.closesAt,
    status: 'open',
    createdAt: isoAt(now - 64 * DAY),
    updatedAt: isoAt(now - 48 * DAY),
    noticePostedAt: isoAt(now - 63 * DAY),
    openedAt: isoAt(now - 48 * DAY),
    electorate: built.electorate,
  };
  // Open for another ten days; the voting journeys vote here.
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
    opensAt: isoAt(now - 4 * DAY),
    closesAt: isoAt(now + 10 * DAY),
    status: 'open',
    createdAt: isoAt(now - 21 * DAY),
    updatedAt: isoAt(now - 4 * DAY),
    noticePostedAt: isoAt(now - 20 * DAY),
    openedAt: isoAt(now - 4 * DAY),
    electorate: built.electorate,
  };
  // The deadline passed yesterday: it waits for the organizer to close it and post the result.
  const topUp: Decision = {
    ...base,
    _id: 'd-fund-topup',
    title: '续筹专项维修资金',
    summary:
      '本楼专项维修资金多数户已低于首期交存额的 30%（红线）。按规定续筹至首期交存额，随物业费分 12 个月交纳。',
    matter: 'raise-fund',
    question: { kind: 'proposal', text: '是否同意按首期交存标准续筹专项维修资金？' },
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
  const advertising: Decision = {
    ...base,
    _id: 'd-lift-ads',
    title: '新电梯轿厢广告收益归全体业主',
    summary: '新电梯轿厢内的广告位由物业招商，收益扣除成本后全部计入本楼专项维修资金，每季度公布。',
    matter: 'common-use',
    question: { kind: 'proposal', text: '是否同意新电梯轿厢广告收益全部计入本楼维修资金？' },
    documents: [],
    // Some neighbours would rather not be seen voting against the property company's income.
    privacy: 'receipts',
    opensAt: isoAt(now - HOUR),
    closesAt: isoAt(now + 14 * DAY),
    status: 'notice',
    createdAt: isoAt(now - 17 * DAY),
    updatedAt: isoAt(now - 16 * DAY),
    noticePostedAt: isoAt(now - 16 * DAY),
    openedAt: null,
    electorate: null,
  };

  const evidence = new BallotEvidence();
  const people = new Map((input.people ?? []).map((p) => [p._id, p]));
  const personOf = (unit: RollInputUnit): Person | undefined =>
    unit.voterId ? people.get(unit.voterId) : undefined;
  /** Owners without a smartphone voted at home: two staff took the visit record. */
  const atHome = (unit: RollInputUnit): StaffChannel | null =>
    personOf(unit)?.noSmartphone ? 'visit' : null;
  const votes = (
    decision: Decision,
    choose: (i: number) => string | null,
    extra: Partial<Parameters<typeof seedBallots>[0]> = {},
  ) =>
    seedBallots({
      decision,
      electorate: built.electorate,
      roll,
      choose,
      from: Date.parse(decision.openedAt ?? ''),
      channelOf: atHome,
      evidence,
      ...extra,
    });
  // The plan was also put to the owners' meeting: five flats that came voted there, on the
  // sign-in sheet; the first owner abroad to vote did so on a video call.
  let atMeeting = 0;
  let byVideo = 0;
  const planVotes = votes(planOpen, choiceFor, {
    channelOf: (unit) => {
      const home = atHome(unit);
      if (home) return home;
      if (personOf(unit)?.overseas && byVideo === 0 && choiceFor(roll.indexOf(unit)) !== null) {
        byVideo += 1;
        return 'video';
      }
      const index = roll.indexOf(unit);
      if (!unit.unsold && index % 9 === 0 && atMeeting < 5 && choiceFor(index) !== null) {
        atMeeting += 1;
        return 'meeting';
      }
      return null;
    },
  });
  const splitVotes = votes(splitOpen, splitChoiceFor);
  const mandateVotes = votes(mandateOpen, mandateChoiceFor);
  const outageVotes = votes(arrangements, outageChoiceFor, {
    // One signed paper ballot so far (an owner without a smartphone), visits to the others who
    // have voted, proxies for owners away.
    paper: (unit: RollInputUnit) => unit.unitId === 'u2-03',
    channelOf: (unit) => (unit.unitId === 'u2-03' ? null : atHome(unit)),
    proxies,
  });
  const topUpVotes = votes(topUp, topUpChoiceFor);
  const plan = finished(planOpen, planVotes.tallies);
  if (plan.result?.winner !== 'A') throw new Error('demo decisions: plan A must carry');
  const all = [plan, splitOpen, mandateOpen, arrangements, topUp];
  const voted = [planVotes, splitVotes, mandateVotes, outageVotes, topUpVotes];
  return {
    decisions: [
      plan,
      finished(splitOpen, splitVotes.tallies),
      finished(mandateOpen, mandateVotes.tallies),
      arrangements,
      topUp,
      advertising,
    ],
    ballots: voted.flatMap((v) => v.ballots),
    tallies: voted.flatMap((v) => v.tallies),
    rolls: all.flatMap((d) => rollEntries(d._id, roll)),
  };
}
