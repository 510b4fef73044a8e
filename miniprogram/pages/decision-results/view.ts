import type { ResultsView } from '../../../typings/api';
import { formatArea, formatDateTime } from '../../utils/format';
import { decisionState } from '../../utils/decisionState';
import { type Gauge, shortText, toGauge } from '../../utils/gauge';
import { choiceColor } from '../../utils/choiceColors';

export interface ChoiceRow {
  key: string;
  label: string;
  /** The choice's colour, the same as its button on the vote page and its bar on the gauge. */
  color: string;
  owners: string;
  area: string;
}

export interface OptionRow {
  key: string;
  label: string;
  line: string;
  passed: boolean;
}

export interface ResultsPageView {
  title: string;
  asOf: string;
  live: boolean;
  /** The same words the list and the detail use: "投票中", "已截止，待计票", "通过". */
  stateLabel: string;
  stateTone: string;
  gauge: Gauge;
  choices: ChoiceRow[];
  options: OptionRow[];
}

export function toResultsView(r: ResultsView, nowMs: number = Date.now()): ResultsPageView {
  const live = r.status === 'open' || r.status === 'closed';
  const state = decisionState(
    {
      status: r.status,
      // The results view carries no deadline: an open decision reads as running here.
      votingOpen: r.status === 'open',
      opensAt: null,
      closesAt: null,
      objectionEndsAt: null,
      passed: r.status === 'preliminary' || r.status === 'final' ? r.passed : null,
    },
    nowMs,
  );
  // Who has not voted yet: a plan short of more than this cannot carry on new ballots alone.
  const left = {
    owners: r.electorate.owners - r.voted.owners,
    area: r.electorate.areaHundredths - r.voted.areaHundredths,
  };
  return {
    title: r.title,
    asOf: `${live ? '统计至' : '公示于'} ${formatDateTime(r.asOf)}`,
    live,
    stateLabel: state.label,
    stateTone: state.tone,
    gauge: toGauge(r),
    choices: r.choices.map((c) => ({
      key: c.key,
      label: c.label,
      color: choiceColor(c.key),
      owners: `${c.owners} 户`,
      area: formatArea(c.areaHundredths),
    })),
    options:
      r.options.length > 1
        ? r.options.map((o) => ({
            key: o.key,
            label: o.label,
            line: o.passed
              ? '已达到通过标准'
              : o.approval.ownersShort > left.owners || o.approval.areaShortHundredths > left.area
                ? `没投票的 ${left.owners} 户都选它也不够`
                : `还差 ${shortText(o.approval.ownersShort, o.approval.areaShortHundredths)}`,
            passed: o.passed,
          }))
        : [],
  };
}
