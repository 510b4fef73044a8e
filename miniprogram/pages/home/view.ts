import type { AreaCard, BuildingSummary, NoticeView, OpenVoteView } from '../../../typings/api';
import { formatArea, formatDateTime } from '../../utils/format';

export interface BuildingFact {
  label: string;
  value: string;
}

/** A vote taking ballots now, as the home page lists it. */
export interface OpenVoteRow {
  id: string;
  title: string;
  /** "12月17日 12:22 截止" */
  deadline: string;
  /** "尚未投票" when a ballot of mine (or of the owner I act for) is missing; "已投票"; '' if not mine. */
  tag: string;
  pending: boolean;
  path: string;
}

/** What the home page renders, flattened so the template stays free of logic. */
export interface HomeView {
  name: string;
  address: string;
  facts: BuildingFact[];
  /** Owners and area as the law counts them, under the facts: each part stays whole. */
  ownership: string[];
  notice: NoticeView | null;
  votes: OpenVoteRow[];
  areas: AreaCard[];
}

const DETAIL = '/pages/decision-detail/index?id=';

/** With every open vote listed above, the decisions card opens the list of all of them instead. */
const ALL_DECISIONS: AreaCard = {
  area: 'decisions',
  title: '议事表决',
  headline: '全部议题与表决结果',
  detail: '公示中的方案、投票中的议题、已公布的结果',
  path: '/pages/decisions/index',
};

export function toVoteRows(votes: readonly OpenVoteView[], nowMs: number): OpenVoteRow[] {
  return votes.map((v) => ({
    id: v.id,
    title: v.title,
    deadline: v.closesAt ? `${formatDateTime(v.closesAt, nowMs)} 截止` : '截止时间待定',
    tag: !v.canVote ? '' : v.notVoted > 0 ? '尚未投票' : '已投票',
    pending: v.canVote && v.notVoted > 0,
    path: `${DETAIL}${encodeURIComponent(v.id)}`,
  }));
}

export function toHomeView(
  summary: BuildingSummary,
  votes: readonly OpenVoteView[] = [],
  nowMs: number = Date.now(),
): HomeView {
  const rows = toVoteRows(votes, nowMs);
  const listed = new Set(rows.map((r) => r.path));
  return {
    name: summary.name,
    address: summary.address,
    facts: [
      { label: '建成', value: `${summary.builtYear} 年` },
      { label: '楼层', value: `${summary.floors} 层` },
      { label: '住户', value: `${summary.unitCount} 户` },
      { label: '电梯', value: `${summary.elevators} 部` },
    ],
    ownership: [
      `业主 ${summary.ownerCount} 位`,
      `专有面积合计 ${formatArea(summary.totalAreaHundredths)}`,
    ],
    notice: summary.latestNotice,
    votes: rows,
    areas: summary.areas.map((card) =>
      card.area === 'decisions' && listed.has(card.path) ? ALL_DECISIONS : card,
    ),
  };
}
