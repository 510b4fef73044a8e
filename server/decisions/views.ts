/**
 * What residents see of a decision: summaries, details, the live result with its gauge figures and
 * a one-line headline, receipts. Areas go out both as hundredths and as two-decimal text.
 */
import type {
  CastReceiptView,
  ChoiceTotalView,
  ChoiceView,
  DecisionDetailView,
  DecisionSummaryView,
  ElectorateView,
  MatterName,
  MyUnitBallotView,
  ResultsView,
  ThresholdView,
} from '../../typings/api';
import {
  type Ballot,
  CHANNEL_LABELS,
  type Counters,
  type Decision,
  type DecisionResult,
  choicesOf,
  earliestOpening,
  privacyOf,
  privacyStatement,
  resultDeadline,
  shortReceipt,
  statusLabel,
  votingWindow,
} from '../../core/decisions';
import { type Threshold, formatArea, ruleFor } from '../../core/tally';

export const MATTER_LABELS: Record<MatterName, string> = {
  rules: '制定和修改业主大会议事规则',
  covenant: '制定和修改管理规约',
  committee: '选举业主委员会或者更换业主委员会成员',
  manager: '选聘和解聘物业服务企业或者其他管理人',
  'use-fund': '使用建筑物及其附属设施的维修资金',
  'raise-fund': '筹集建筑物及其附属设施的维修资金',
  rebuild: '改建、重建建筑物及其附属设施',
  'common-use': '改变共有部分的用途或者利用共有部分从事经营活动',
  other: '有关共有和共同管理权利的其他重大事项',
};

export function choiceLabel(decision: Pick<Decision, 'question'>, key: string): string {
  if (key === 'yes') return '同意';
  if (key === 'abstain') return '弃权';
  if (key === 'no') return decision.question.kind === 'plans' ? '都不同意' : '反对';
  const plan =
    decision.question.kind === 'plans' ? decision.question.plans.find((p) => p.key === key) : null;
  return plan ? `方案${plan.key}：${plan.title}` : key;
}

export function choiceViews(decision: Pick<Decision, 'question'>): ChoiceView[] {
  return choicesOf(decision.question).map((key) => ({ key, label: choiceLabel(decision, key) }));
}

export function summaryView(decision: Decision, now: Date): DecisionSummaryView {
  const window = votingWindow(decision, now);
  return {
    id: decision._id,
    title: decision.title,
    summary: decision.summary,
    matter: decision.matter,
    matterLabel: MATTER_LABELS[decision.matter],
    rule: ruleFor(decision.matter),
    status: decision.status,
    // Past its deadline a vote takes no ballot, though it stays open until an organizer closes it.
    statusLabel:
      decision.status === 'open' && window === 'ended'
        ? '已截止，待计票'
        : statusLabel(decision.status),
    opensAt: decision.opensAt,
    closesAt: decision.closesAt,
    noticePostedAt: decision.noticePostedAt,
    objectionEndsAt: decision.objectionEndsAt,
    votingOpen: window === 'open',
    passed:
      (decision.status === 'preliminary' || decision.status === 'final') && decision.result
        ? decision.result.passed
        : null,
  };
}

export function electorateView(e: { owners: number; area: number; units: number }): ElectorateView {
  return { owners: e.owners, units: e.units, areaHundredths: e.area, area: formatArea(e.area) };
}

export function detailView(
  decision: Decision,
  now: Date,
  extra: { myUnits: MyUnitBallotView[]; canOrganize: boolean; canEnterPaper: boolean },
): DecisionDetailView {
  return {
    ...summaryView(decision, now),
    question: decision.question,
    choices: choiceViews(decision),
    documents: decision.documents,
    noticeDays: decision.noticeDays,
    objectionDays: decision.objectionDays,
    emergency: decision.emergency ?? null,
    resultDue: resultDeadline(decision, now),
    openedAt: decision.openedAt,
    closedAt: decision.closedAt,
    preliminaryAt: decision.preliminaryAt,
    finalAt: decision.finalAt,
    earliestOpening: decision.noticePostedAt
      ? earliestOpening(decision.noticePostedAt, decision.noticeDays)
      : null,
    privacy: privacyOf(decision),
    privacyStatement: privacyStatement(privacyOf(decision)),
    electorate: decision.electorate ? electorateView(decision.electorate) : null,
    ...extra,
  };
}

function thresholdView(t: Threshold): ThresholdView {
  return {
    met: t.met,
    ownersShort: t.ownersShort,
    areaShortHundredths: t.areaShort,
    areaShort: formatArea(t.areaShort),
  };
}

export function choiceTotals(
  decision: Pick<Decision, 'question'>,
  counters: Counters,
): ChoiceTotalView[] {
  return choicesOf(decision.question).map((key) => {
    const c = counters.choices[key] ?? { owners: 0, area: 0 };
    return {
      key,
      label: choiceLabel(decision, key),
      owners: c.owners,
      areaHundredths: c.area,
      area: formatArea(c.area),
    };
  });
}

export function resultsView(
  decision: Decision,
  result: DecisionResult,
  asOf: string,
  units: number,
): ResultsView {
  const { counters } = result;
  return {
    decisionId: decision._id,
    title: decision.title,
    status: decision.status,
    matter: decision.matter,
    rule: result.rule,
    asOf,
    electorate: electorateView({ ...result.electorate, units }),
    voted: {
      owners: counters.voted.owners,
      areaHundredths: counters.voted.area,
      area: formatArea(counters.voted.area),
    },
    choices: choiceTotals(decision, counters),
    turnout: thresholdView(result.turnout),
    options: result.options.map((o) => ({
      key: o.key,
      label: choiceLabel(decision, o.key),
      owners: o.tally.owners.yes,
      areaHundredths: o.tally.area.yes,
      area: formatArea(o.tally.area.yes),
      approval: thresholdView(o.tally.approval),
      passed: o.tally.passed,
    })),
    leading: result.leading,
    passed: result.passed,
    winner: result.winner,
    headline: headline(decision, result),
  };
}

/** One sentence on where the vote stands: what is still missing, or the outcome. */
export function headline(decision: Decision, result: DecisionResult): string {
  const settled = decision.status === 'preliminary' || decision.status === 'final';
  const prefix = decision.status === 'preliminary' ? '初步结果：' : '';
  if (settled || decision.status === 'closed') {
    if (!result.passed) {
      return `${prefix}未通过${result.turnout.met ? '（同意未达到法定比例）' : '（参与表决未达到三分之二）'}`;
    }
    return `${prefix}通过${result.winner ? `，选定${choiceLabel(decision, result.winner)}` : ''}`;
  }
  const turnout = result.turnout;
  if (!turnout.met) {
    return `还需 ${shortfall(turnout.ownersShort, turnout.areaShort)} 参与表决（双过三分之二）`;
  }
  const leading = result.options.find((o) => o.key === result.leading);
  if (!leading) return '暂无表决结果';
  if (leading.tally.passed) return `已达到通过标准：${choiceLabel(decision, leading.key)}`;
  const rule = result.rule === 'three-quarters' ? '四分之三' : '过半数';
  const a = leading.tally.approval;
  const label = choiceLabel(decision, leading.key);
  const { owners, area } = leading.tally;
  // The formula can ask for more owners than are left to vote: then only changed ballots can help.
  if (a.ownersShort > owners.total - owners.voted || a.areaShort > area.total - area.voted) {
    return `即使其余业主都选择“${label}”也达不到${rule}，除非已投票的业主改变选择`;
  }
  return `还需 ${shortfall(a.ownersShort, a.areaShort)} 的未投票业主选择“${label}”才能达到${rule}`;
}

function shortfall(owners: number, area: number): string {
  const parts: string[] = [];
  if (owners > 0) parts.push(`${owners} 位业主`);
  if (area > 0) parts.push(`${formatArea(area)} m²`);
  return parts.join('、') || '0 位业主';
}

export function receiptView(decision: Decision, ballot: Ballot, changed: boolean): CastReceiptView {
  return {
    decisionId: decision._id,
    unitNos: ballot.units.map((u) => u.unitNo),
    choice: ballot.choice,
    choiceLabel: choiceLabel(decision, ballot.choice),
    voice: ballot.voice,
    channel: ballot.channel,
    channelLabel: CHANNEL_LABELS[ballot.channel],
    castAt: ballot.castAt,
    receipt: ballot.receipt,
    receiptShort: shortReceipt(ballot.receipt),
    casts: ballot.casts,
    changed,
  };
}
