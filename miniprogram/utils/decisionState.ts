import type { DecisionSummaryView } from '../../typings/api';
import { formatDateTime } from './format';

/**
 * What a decision's state means to a person — the one place that says it, so the list, the
 * detail, the results page and the home card never contradict each other ("公示中" beside
 * "公示期满", "投票中" past the deadline, a closed vote offering live results).
 */
export type DecisionStateTone = 'draft' | 'notice' | 'open' | 'waiting' | 'passed' | 'failed';

export interface DecisionState {
  /** The tag, short enough never to wrap: "投票中", "已截止，待计票", "通过". */
  label: string;
  /** One sentence with the date that matters: "12月31日 18:00 投票截止". */
  line: string;
  tone: DecisionStateTone;
  /** Ballots are taken now. */
  voting: boolean;
  /** The count is still moving, so "查看实时结果" makes sense; once voting ended it does not. */
  live: boolean;
  /** Once counted: "通过" / "未通过"; '' before. */
  outcome: string;
}

export type DecisionStateInput = Pick<
  DecisionSummaryView,
  'status' | 'opensAt' | 'closesAt' | 'objectionEndsAt' | 'votingOpen'
> & { passed?: boolean | null };

export function decisionState(d: DecisionStateInput, nowMs: number): DecisionState {
  const at = (iso: string | null): string => (iso ? formatDateTime(iso, nowMs) : '');
  const base = { voting: false, live: false, outcome: '' };
  const waiting = (line: string): DecisionState => ({
    ...base,
    label: '已截止，待计票',
    line,
    tone: 'waiting',
  });
  switch (d.status) {
    case 'draft':
      return { ...base, label: '草稿', line: '尚未公示', tone: 'draft' };
    case 'notice': {
      const opens = d.opensAt ? Date.parse(d.opensAt) : NaN;
      // Past the planned start the notice period is over; voting waits for the organizer.
      if (Number.isFinite(opens) && opens <= nowMs) {
        return { ...base, label: '公示期满', line: '公示期满，待换梯小组开启投票', tone: 'notice' };
      }
      return {
        ...base,
        label: '公示中',
        line: d.opensAt ? `${at(d.opensAt)} 开始投票` : '公示中，投票时间待定',
        tone: 'notice',
      };
    }
    case 'open':
      if (d.votingOpen) {
        return {
          ...base,
          label: '投票中',
          line: d.closesAt ? `${at(d.closesAt)} 投票截止` : '投票中',
          tone: 'open',
          voting: true,
          live: true,
        };
      }
      return waiting(d.closesAt ? `投票已于 ${at(d.closesAt)} 截止，等待换梯小组计票公示` : '');
    case 'closed':
      return waiting('投票已结束，等待换梯小组公示结果');
    case 'preliminary':
    case 'final': {
      const passed = d.passed === true;
      const outcome = d.passed === null || d.passed === undefined ? '' : passed ? '通过' : '未通过';
      const line =
        d.status === 'final'
          ? '最终结果已公布'
          : d.objectionEndsAt
            ? `初步结果公示中，异议期至 ${at(d.objectionEndsAt)}`
            : '初步结果公示中';
      return {
        ...base,
        label: outcome || (d.status === 'final' ? '已公布结果' : '初步结果公示中'),
        line,
        tone: outcome ? (passed ? 'passed' : 'failed') : 'waiting',
        outcome,
      };
    }
  }
}
