import type { DecisionSummaryView } from '../../../typings/api';
import { type DecisionStateTone, decisionState } from '../../utils/decisionState';

/** One row of the decisions list, flattened so the template stays free of logic. */
export interface DecisionRow {
  id: string;
  title: string;
  statusLabel: string;
  status: DecisionSummaryView['status'];
  votingOpen: boolean;
  tone: DecisionStateTone;
  when: string;
}

export function toRow(d: DecisionSummaryView, now: number = Date.now()): DecisionRow {
  const state = decisionState(d, now);
  return {
    id: d.id,
    title: d.title,
    statusLabel: state.label,
    status: d.status,
    votingOpen: d.votingOpen,
    tone: state.tone,
    when: state.line,
  };
}

/** Open votes first, then the rest in the server's order (newest first). */
export function toRows(
  list: readonly DecisionSummaryView[],
  now: number = Date.now(),
): DecisionRow[] {
  const rows = list.map((d) => toRow(d, now));
  return [...rows.filter((r) => r.votingOpen), ...rows.filter((r) => !r.votingOpen)];
}
