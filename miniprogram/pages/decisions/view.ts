import type { DecisionSummaryView } from '../../../typings/api';
import { formatDateTime } from '../../utils/format';

/** One row of the decisions list, flattened so the template stays free of logic. */
export interface DecisionRow {
  id: string;
  title: string;
  statusLabel: string;
  status: DecisionSummaryView['status'];
  votingOpen: boolean;
  when: string;
}

export function toRow(d: DecisionSummaryView, now: number = Date.now()): DecisionRow {
  let when = '';
  if (d.votingOpen && d.closesAt) when = `投票截止 ${formatDateTime(d.closesAt)}`;
  else if (d.status === 'notice' && d.opensAt) {
    // Past the planned start the notice period is over; voting waits for the organizer.
    when =
      Date.parse(d.opensAt) <= now
        ? '公示期满，待换梯小组开启投票'
        : `${formatDateTime(d.opensAt)} 开始投票`;
  } else if (d.status === 'preliminary' && d.objectionEndsAt) {
    when = `异议期至 ${formatDateTime(d.objectionEndsAt)}`;
  } else if (d.closesAt) when = `投票截止 ${formatDateTime(d.closesAt)}`;
  return {
    id: d.id,
    title: d.title,
    statusLabel: d.votingOpen ? '投票中' : d.statusLabel,
    status: d.status,
    votingOpen: d.votingOpen,
    when,
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
