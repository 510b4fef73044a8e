import type { AreaCard, BuildingSummary, NoticeView } from '../../typings/api';
import { countHeads } from '../tally/headcount';
import type { Article, Building, Unit } from '../registry/model';
import type { Decision } from '../decisions/model';
import { helpLineOf } from '../registry/helpLine';
import { shanghaiMonthDay } from '../registry/time';

/**
 * What the home page shows about the building: its facts, owners counted as the law counts them
 * (so the figure matches every later tally), the latest published notice, and a card per area.
 */
export function summarizeBuilding(input: {
  building: Building;
  units: readonly Unit[];
  latestNotice: Article | null;
  /** The decision residents hear most about now: the latest one past its draft. */
  currentDecision: Decision | null;
  /** Where the households card goes for those who work the roll; null leaves the card out. */
  deskPath: string | null;
  now: number;
}): BuildingSummary {
  const { building, units, latestNotice, currentDecision, deskPath, now } = input;
  const heads = countHeads(
    units.map((u) => ({
      unit: u._id,
      area: u.areaHundredths,
      owner: u.ownerIds[0],
      unsold: u.status === 'unsold',
    })),
    [],
  );
  if (!heads.ok)
    throw new Error(`registry is inconsistent: ${heads.error.path} ${heads.error.message}`);
  return {
    buildingId: building._id,
    name: building.name,
    address: building.address,
    builtYear: building.builtYear,
    floors: building.floors,
    elevators: building.elevators,
    unitCount: units.length,
    ownerCount: heads.owners.total,
    totalAreaHundredths: heads.area.total,
    latestNotice: latestNotice ? toNoticeView(latestNotice) : null,
    helpLine: helpLineOf(building),
    areas: areaCards({
      unitCount: units.length,
      ownerCount: heads.owners.total,
      decision: currentDecision,
      deskPath,
      now,
    }),
  };
}

export function toNoticeView(article: Article): NoticeView {
  return {
    id: article._id,
    title: article.title,
    summary: article.summary,
    body: article.body,
    author: article.author,
    publishedAt: article.publishedAt,
  };
}

/**
 * The decision residents most need to hear about: a vote that is open now, else one on notice,
 * else the most recently changed. `recent` is newest first.
 */
export function currentDecisionOf(recent: readonly Decision[], now: number): Decision | null {
  const openNow = recent.find(
    (d) => d.status === 'open' && (!d.closesAt || Date.parse(d.closesAt) > now),
  );
  return openNow ?? recent.find((d) => d.status === 'notice') ?? recent[0] ?? null;
}

/**
 * Where the current decision stands, in the words a resident would use: the same labels as the
 * mini program's decisionState (miniprogram/utils/decisionState.ts) — "投票中", "已截止，待计票",
 * "通过" — first, then the date that matters. test/core/decision-state-agrees.test.ts holds them
 * together.
 */
export function decisionStage(decision: Decision, now: number): string {
  const outcome = decision.result ? (decision.result.passed ? '通过' : '未通过') : '';
  switch (decision.status) {
    case 'draft':
      return '草稿';
    case 'notice':
      if (!decision.opensAt) return '公示中';
      // Past the planned start the notice period is over; voting waits for the organizer.
      return Date.parse(decision.opensAt) <= now
        ? '公示期满 · 待换梯小组开启投票'
        : `公示中 · ${shanghaiMonthDay(decision.opensAt)}开始投票`;
    case 'open':
      if (!decision.closesAt) return '投票中';
      // Past the deadline it takes no ballot, though it stays open until the organizer closes it.
      return Date.parse(decision.closesAt) <= now
        ? '已截止，待计票'
        : `投票中 · ${shanghaiMonthDay(decision.closesAt)}截止`;
    case 'closed':
      return '已截止，待计票';
    case 'preliminary': {
      const head = outcome || '初步结果公示中';
      return decision.objectionEndsAt
        ? `${head} · 异议期至${shanghaiMonthDay(decision.objectionEndsAt)}`
        : head;
    }
    case 'final':
      return outcome ? `${outcome} · 最终结果已公布` : '已公布结果';
  }
}

/**
 * A card per area; the decisions card follows the current decision, the others say what the page
 * they open holds (nothing they would have to keep up to date by hand).
 */
function areaCards(counts: {
  unitCount: number;
  ownerCount: number;
  decision: Decision | null;
  deskPath: string | null;
  now: number;
}): AreaCard[] {
  const { decision, deskPath, now } = counts;
  const cards: AreaCard[] = [
    decision
      ? {
          area: 'decisions',
          title: '议事表决',
          headline: decision.title,
          detail: decisionStage(decision, now),
          path: `/pages/decision-detail/index?id=${encodeURIComponent(decision._id)}`,
        }
      : {
          area: 'decisions',
          title: '议事表决',
          headline: '换梯方案',
          detail: '方案公示后业主线上或书面表决，双过三分之二参与、四分之三同意',
          path: '/pages/decisions/index',
        },
    {
      area: 'money',
      title: '自筹资金',
      headline: '我家应缴与全楼进度',
      detail: '缴费、代付链接、现金收据与公开账本',
      path: '/pages/money/index',
    },
    {
      area: 'progress',
      title: '工程进度',
      headline: '进展与现场照片',
      detail: '关键节点、停梯安排，随时可查',
      path: '/pages/progress/index',
    },
  ];
  if (deskPath) {
    cards.push({
      area: 'households',
      title: '住户',
      // Short enough to stay on one line at large type; the owners go in the detail.
      headline: `${counts.unitCount} 户`,
      detail: `${counts.ownerCount} 位业主 · 审核绑定、联系未触达的业主`,
      path: deskPath,
    });
  }
  return cards;
}
