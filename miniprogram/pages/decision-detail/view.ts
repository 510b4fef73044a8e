import type {
  CastReceiptView,
  ChoiceView,
  DecisionDetailView,
  MySharesView,
  DecisionDocumentView,
  MyUnitBallotView,
  PlanView,
} from '../../../typings/api';
import { formatDateTime, formatFen } from '../../utils/format';
import { decisionState } from '../../utils/decisionState';
import { ruleText } from '../../utils/gauge';
import { type NoticePrint, noticePrintsFor } from '../../utils/noticePrints';
import { withColors } from '../../utils/choiceColors';

const DOCUMENT_KINDS: Record<DecisionDocumentView['kind'], string> = {
  inspection: '检测报告',
  quote: '报价',
  comparison: '方案比较',
  minutes: '会议纪要',
  other: '资料',
};

export interface PlanRow {
  key: string;
  title: string;
  summary: string;
  cost: string;
}

export interface DocumentRow {
  fileId: string;
  title: string;
  kind: string;
}

export interface MyUnitRow {
  unitId: string;
  units: string;
  status: string;
  choice: string;
}

/** A ballot the caller can cast: one per person, whichever of their units it goes through. */
export interface VotableBallot {
  unitId: string;
  units: string;
  /** "本人投票", or for a proxy "代 钟霞（5-02）投票". */
  as: string;
  /** The line over the choices: "为 12-03 投票（本人投票）" or "代 钟霞（5-02）投票". */
  forLine: string;
  /** The choice that counts now ('' before the first vote): a different one is a change of vote. */
  currentChoice: string;
  currentLabel: string;
}

/** A receipt that no longer counts, as the voter reads it. */
export interface ReplacedRow {
  line: string;
}

/** What I voted for one ballot I cast (or a proxy cast for me): shown every time the page opens. */
export interface VotedCard {
  unitId: string;
  title: string;
  /** "房号 5-02", or "代 钟霞（5-02）投票" for a proxy. */
  forLine: string;
  castLine: string;
  receipt: string;
  receiptShort: string;
  replaced: ReplacedRow[];
}

export interface DetailView {
  id: string;
  title: string;
  summary: string;
  /** The notice's text in paragraphs (organizers write one per line), each with air below. */
  paragraphs: string[];
  statusLabel: string;
  stateTone: string;
  /** "12月31日 18:00 投票截止", "公示期满，待换梯小组开启投票". */
  stateLine: string;
  matterLabel: string;
  ruleLine: string;
  question: string;
  plans: PlanRow[];
  documents: DocumentRow[];
  schedule: string;
  /** Stated on a notice that stands fewer than 15 days (the emergency route). */
  emergencyLine: string;
  /** What the posted result will show of each flat: its choice, or only receipts. */
  privacyLine: string;
  /** For organizers: the result's 3-day posting deadline, and whether it is late. */
  resultDueLine: string;
  resultOverdue: boolean;
  countdown: string;
  votingOpen: boolean;
  /** Each with its colour: the same on the gauge and the count. */
  choices: (ChoiceView & { color: string })[];
  myUnits: MyUnitRow[];
  /** "我的房屋", or for a proxy "代 钟霞投票的房屋": whose flat it is, never left to guess. */
  myUnitsTitle: string;
  votable: VotableBallot[];
  /**
   * Why someone of the building sees no vote buttons while voting runs (a tenant, a family
   * member, a pay-only proxy), and what they can do; '' when they can vote or nothing is open.
   */
  noVoteReason: string;
  noVoteHelp: string;
  voted: VotedCard[];
  /** The objection period is running and I have a flat on the roll to object for. */
  canObject: boolean;
  objectUnits: VotableBallot[];
  objectionLine: string;
  hasResults: boolean;
  resultsLabel: string;
  hasPublished: boolean;
  canEnterPaper: boolean;
  canOrganize: boolean;
  /** 打印版 for organizers and staff: the notice, the result once published. */
  prints: NoticePrint[];
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** "还剩 3 天 4 小时" until `iso`; "已截止" once past. */
export function countdown(iso: string | null, nowMs: number): string {
  if (!iso) return '';
  const left = Date.parse(iso) - nowMs;
  if (Number.isNaN(left)) return '';
  if (left <= 0) return '已截止';
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  const minutes = Math.max(1, Math.floor((left % HOUR) / 60_000));
  if (days > 0) return `还剩 ${days} 天 ${hours} 小时`;
  if (hours > 0) return `还剩 ${hours} 小时 ${minutes} 分`;
  return `还剩 ${minutes} 分钟`;
}

function planRow(plan: PlanView): PlanRow {
  return {
    key: plan.key,
    title: `方案${plan.key}：${plan.title}`,
    summary: plan.summary,
    cost: plan.costFen === null ? '' : `估算 ${formatFen(plan.costFen)}`,
  };
}

/** "代 钟霞（5-02）投票" for a proxy; "本人投票" for the owner. */
export function actingAs(u: MyUnitBallotView): string {
  if (u.as !== 'proxy') return '本人投票';
  return `代 ${u.onBehalfOf ?? '业主'}（${u.coveredUnitNos.join('、')}）投票`;
}

function votedCard(u: MyUnitBallotView, nowMs: number): VotedCard | null {
  const b = u.ballot;
  if (!b || !b.receipt || !b.receiptShort || !b.choiceLabel) return null;
  const units = u.coveredUnitNos.join('、');
  const who = b.voice === 'owner' ? '业主本人' : '代理人';
  const how =
    b.channel === 'paper' ? '纸质表决票' : b.channel === 'online' ? '在线' : b.channelLabel;
  return {
    unitId: u.unitId,
    title: `已投票：${b.choiceLabel}`,
    forLine: u.as === 'proxy' ? actingAs(u) : `房号 ${units}`,
    castLine: `${who}${how}投票 · ${formatDateTime(b.castAt, nowMs)}`,
    receipt: b.receipt,
    receiptShort: b.receiptShort,
    replaced: b.replacedReceipts
      .slice()
      .reverse()
      .map((r) => ({
        line: `${r.receiptShort}（${r.choiceLabel}，${formatDateTime(r.castAt, nowMs)} 投，${formatDateTime(r.replacedAt, nowMs)} 改票后作废）`,
      })),
  };
}

function unitStatus(u: MyUnitBallotView): MyUnitRow {
  const covered = u.coveredUnitNos.join('、');
  const units =
    u.as === 'proxy' ? `${covered}（${u.onBehalfOf ?? '业主'}的房屋，我代为投票）` : covered;
  if (!u.ballot) return { unitId: u.unitId, units, status: '尚未投票', choice: '' };
  const who = u.ballot.voice === 'owner' ? '业主本人' : '代理人';
  const how =
    u.ballot.channel === 'online'
      ? ''
      : `（${u.ballot.channel === 'paper' ? '纸质表决票' : `${u.ballot.channelLabel}表决`}，${u.ballot.enteredBy ?? '工作人员'}${u.ballot.witnessedBy ? `和${u.ballot.witnessedBy}` : ''}录入）`;
  const replaced = u.ballot.replacedOnline
    ? `。您的在线投票已由纸质表决票替换，另一位组织者确认的理由：${u.ballot.replacedOnline.reason}`
    : '';
  return {
    unitId: u.unitId,
    units,
    status: `${who}已于 ${formatDateTime(u.ballot.castAt)} 投票${how}${replaced}`,
    choice: u.ballot.choiceLabel ?? '',
  };
}

export const NO_VOTE_REASON = '只有业主（或其委托的代理人）可以投票';

function noVoteLines(d: DecisionDetailView): { noVoteReason: string; noVoteHelp: string } {
  const mine = d.myUnits;
  if (!d.votingOpen || mine.length === 0 || mine.some((u) => u.canVote)) {
    return { noVoteReason: '', noVoteHelp: '' };
  }
  return {
    noVoteReason: NO_VOTE_REASON,
    noVoteHelp:
      '您可以请业主本人投票；业主不方便时，请业主在「我的」→「我的房屋」里邀请您做代理人，之后您就能代为投票。',
  };
}

function myUnitsTitle(units: readonly MyUnitBallotView[]): string {
  if (units.length === 0 || units.some((u) => u.as !== 'proxy')) return '我的房屋';
  const owners = [...new Set(units.map((u) => u.onBehalfOf ?? '业主'))];
  return `我代 ${owners.join('、')} 投票的房屋`;
}

/** A long text's paragraphs: one per line, blank lines dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** One card per ballot that has a receipt I may see, whatever the decision's state. */
export function votedCards(units: readonly MyUnitBallotView[], nowMs: number): VotedCard[] {
  const seen = new Set<string>();
  const out: VotedCard[] = [];
  for (const u of units) {
    const card = votedCard(u, nowMs);
    if (!card || seen.has(card.receipt)) continue;
    seen.add(card.receipt);
    out.push(card);
  }
  return out;
}

export function votableBallots(units: readonly MyUnitBallotView[]): VotableBallot[] {
  const seen = new Set<string>();
  const out: VotableBallot[] = [];
  for (const u of units) {
    if (!u.canVote) continue;
    const key = u.coveredUnitNos.join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      unitId: u.unitId,
      units: u.coveredUnitNos.join('、'),
      as: actingAs(u),
      forLine:
        u.as === 'proxy' ? actingAs(u) : `为 ${u.coveredUnitNos.join('、')} 投票（本人投票）`,
      currentChoice: u.ballot?.choice ?? '',
      currentLabel: u.ballot?.choiceLabel ?? '',
    });
  }
  return out;
}

export function toDetailView(d: DecisionDetailView, nowMs: number): DetailView {
  const state = decisionState(d, nowMs);
  const schedule =
    d.opensAt && d.closesAt
      ? `投票时间 ${formatDateTime(d.opensAt)} 至 ${formatDateTime(d.closesAt)}`
      : '投票时间待定';
  const seenUnits = new Set<string>();
  const myUnits = d.myUnits.map(unitStatus).filter((row) => {
    if (seenUnits.has(row.units)) return false;
    seenUnits.add(row.units);
    return true;
  });
  return {
    id: d.id,
    title: d.title,
    summary: d.summary,
    paragraphs: paragraphsOf(d.summary),
    statusLabel: state.label,
    stateTone: state.tone,
    stateLine: state.line,
    matterLabel: d.matterLabel,
    ruleLine: `参与表决的业主人数和面积均须达到三分之二，且${ruleText(d.rule)}（人数和面积）`,
    question: d.question.text,
    plans: d.question.kind === 'plans' ? d.question.plans.map(planRow) : [],
    documents: d.documents.map((doc) => ({
      fileId: doc.fileId,
      title: doc.title,
      kind: DOCUMENT_KINDS[doc.kind],
    })),
    schedule,
    emergencyLine: d.emergency
      ? `紧急程序：${d.emergency.authority}已责令电梯停用，公示期缩短为 ${d.noticeDays} 天（附停用通知）`
      : '',
    privacyLine: d.privacyStatement,
    ...resultDueLines(d),
    countdown: d.votingOpen ? countdown(d.closesAt, nowMs) : '',
    votingOpen: d.votingOpen,
    choices: withColors(d.choices),
    myUnits,
    myUnitsTitle: myUnitsTitle(d.myUnits),
    votable: d.votingOpen ? votableBallots(d.myUnits) : [],
    ...noVoteLines(d),
    voted: votedCards(d.myUnits, nowMs),
    ...objectionLines(d, nowMs),
    hasResults: d.electorate !== null,
    // While ballots come in the count moves; afterwards it is the count, not a live one.
    resultsLabel: state.live ? '查看实时结果' : '查看计票结果',
    hasPublished: d.status === 'preliminary' || d.status === 'final',
    canEnterPaper: d.canEnterPaper && d.votingOpen,
    canOrganize: d.canOrganize,
    prints: noticePrintsFor(d),
  };
}

function resultDueLines(d: DecisionDetailView): { resultDueLine: string; resultOverdue: boolean } {
  const due = d.resultDue;
  if (!d.canOrganize || !due) return { resultDueLine: '', resultOverdue: false };
  if (due.metAt) {
    return {
      resultDueLine: `表决结果已于 ${formatDateTime(due.metAt)} 公示`,
      resultOverdue: false,
    };
  }
  return due.overdue
    ? {
        resultDueLine: `已超过公示期限：表决结果应在 ${formatDateTime(due.dueAt)} 前公示`,
        resultOverdue: true,
      }
    : { resultDueLine: `表决结果须在 ${formatDateTime(due.dueAt)} 前公示`, resultOverdue: false };
}

function objectionLines(
  d: DecisionDetailView,
  nowMs: number,
): { canObject: boolean; objectUnits: VotableBallot[]; objectionLine: string } {
  const ends = d.objectionEndsAt ? Date.parse(d.objectionEndsAt) : NaN;
  const running = d.status === 'preliminary' && Number.isFinite(ends) && nowMs < ends;
  if (d.status !== 'preliminary' && d.status !== 'final') {
    return { canObject: false, objectUnits: [], objectionLine: '' };
  }
  const objectUnits = running ? votableBallots(d.myUnits) : [];
  return {
    canObject: objectUnits.length > 0,
    objectUnits,
    objectionLine:
      running && d.objectionEndsAt
        ? `对初步结果有异议，请在 ${formatDateTime(d.objectionEndsAt)} 前提出；换梯小组会逐条公开答复`
        : '异议期已结束；全部异议答复后公布最终结果',
  };
}

/** My share under one plan, as the decision page lists it before the vote. */
export interface ShareLine {
  key: string;
  /** "方案A：您家约 ¥12,345.67" */
  label: string;
  /** "按面积分摊 · 总额 ¥980,000.00" */
  basis: string;
}

export function toShareLines(shares: MySharesView): ShareLine[] {
  return shares.plans
    .filter((p) => p.units.length > 0)
    .map((p) => ({
      key: p.planKey ?? 'proposal',
      label: p.label,
      basis: `${p.methodLabel} · 总额 ${p.costLabel}`,
    }));
}

/**
 * The cards to show: the server's, plus the receipt just issued when the reread detail does not
 * carry it yet (it replaces the card of the same ballot).
 */
export function withJustCast(
  voted: readonly VotedCard[],
  receipt: CastReceiptView | null,
  ballot: VotableBallot | undefined,
  nowMs: number,
): VotedCard[] {
  if (!receipt || voted.some((card) => card.receipt === receipt.receipt)) return [...voted];
  const isProxy = receipt.voice === 'proxy';
  const earlier = ballot ? voted.find((card) => card.unitId === ballot.unitId) : undefined;
  const card: VotedCard = {
    unitId: ballot?.unitId ?? '',
    title: `已投票：${receipt.choiceLabel}`,
    forLine: isProxy && ballot ? ballot.as : `房号 ${receipt.unitNos.join('、')}`,
    castLine: `${isProxy ? '代理人' : '业主本人'}在线投票 · ${formatDateTime(receipt.castAt, nowMs)}`,
    receipt: receipt.receipt,
    receiptShort: receipt.receiptShort,
    replaced: earlier
      ? [
          {
            line: `${earlier.receiptShort}（${earlier.title.replace('已投票：', '')}，改票后作废）`,
          },
          ...earlier.replaced,
        ]
      : [],
  };
  return [card, ...voted.filter((c) => c !== earlier)];
}
