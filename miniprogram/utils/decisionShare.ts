import type { DecisionDetailView, ReminderTemplateKey, ResultsView } from '../../typings/api';
import { formatDateTime } from './format';
import { type ShareCardContent, stageCard, turnoutCard } from './shareCard';

/**
 * What the vote and results pages share: a deep link that opens the same page for whoever taps
 * it, a title, and the card (the turnout once voting has begun, else the stage and next date).
 */

export type DecisionSharePage = 'decision-detail' | 'decision-results';

export function decisionSharePath(page: DecisionSharePage, decisionId: string): string {
  return `/pages/${page}/index?id=${encodeURIComponent(decisionId)}`;
}

export function decisionShareQuery(decisionId: string): string {
  return `id=${encodeURIComponent(decisionId)}`;
}

type DecisionStatus = DecisionDetailView['status'];

/** The decision as the card needs it: the results page knows no label or opening date. */
export interface DecisionBasics {
  title: string;
  status: DecisionStatus;
  statusLabel?: string;
  opensAt?: string | null;
}

// As the server words them (core/decisions/lifecycle.ts), for pages that get only the status.
const STAGES: Record<DecisionStatus, string> = {
  draft: '草稿',
  notice: '公示中',
  open: '投票中',
  closed: '已截止，待计票',
  preliminary: '初步结果公示中',
  final: '已公布最终结果',
};

/** Whether the card shows the turnout (voting has begun) and so needs the results. */
export function cardNeedsResults(status: DecisionStatus): boolean {
  return status !== 'draft' && status !== 'notice';
}

export function decisionCard(input: {
  building: string;
  decision: DecisionBasics;
  results: ResultsView | null;
  /** ISO instant the card is made at. */
  now: string;
}): ShareCardContent {
  const { building, decision, results } = input;
  const date = formatDateTime(input.now);
  const stage = decision.statusLabel ?? STAGES[decision.status];
  if (results && cardNeedsResults(decision.status)) {
    const card = turnoutCard({
      building,
      title: decision.title,
      stage,
      voted: results.voted.owners,
      total: results.electorate.owners,
      date,
    });
    const published = decision.status === 'preliminary' || decision.status === 'final';
    return published
      ? { ...card, subline: results.passed ? '表决结果：通过' : '表决结果：未通过' }
      : card;
  }
  const opens = decision.opensAt ? formatDateTime(decision.opensAt) : '';
  return stageCard({
    building,
    kicker: `业主表决 · ${stage}`,
    headline: decision.title,
    next: opens ? `${opens} 开始投票` : '',
    date,
  });
}

/** The reminders a voter may ask for on the vote page: none once voting is over. */
export function voteReminderKeys(status: DecisionStatus): ReminderTemplateKey[] {
  if (status === 'notice') return ['voteOpened', 'voteDeadline'];
  if (status === 'open') return ['voteDeadline'];
  return [];
}
