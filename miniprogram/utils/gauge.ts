import type { ResultsView, RuleName } from '../../typings/api';
import { formatArea } from './format';

/**
 * The live gauge of a vote: for each axis (owners, area), bars of "took part" and "chose the
 * leading option" against the whole building, with the two lines the law draws — two thirds of
 * everyone for turnout, and three quarters (or half) of those who took part for approval.
 * Counts are integers; only the bar widths are fractions, for drawing.
 */
export interface GaugeAxis {
  key: 'owners' | 'area';
  label: string;
  votedPct: string;
  yesPct: string;
  turnoutLinePct: string;
  approvalLinePct: string;
  votedText: string;
  yesText: string;
  totalText: string;
  turnoutMet: boolean;
  approvalMet: boolean;
}

export interface Gauge {
  axes: GaugeAxis[];
  turnoutLabel: string;
  approvalLabel: string;
  optionLabel: string;
  headline: string;
}

function pct(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${Math.min(100, (part * 100) / whole).toFixed(2)}%`;
}

export function ruleText(rule: RuleName): string {
  return rule === 'three-quarters' ? '四分之三以上同意' : '过半数同意';
}

export function toGauge(results: ResultsView): Gauge {
  const option = results.options.find((o) => o.key === results.leading) ?? results.options[0];
  const fraction = results.rule === 'three-quarters' ? 3 / 4 : 1 / 2;
  const yesOwners = option?.owners ?? 0;
  const yesArea = option?.areaHundredths ?? 0;
  const { electorate, voted } = results;
  return {
    axes: [
      {
        key: 'owners',
        label: '人数',
        votedPct: pct(voted.owners, electorate.owners),
        yesPct: pct(yesOwners, electorate.owners),
        turnoutLinePct: pct(2, 3),
        approvalLinePct: pct(voted.owners * fraction, electorate.owners),
        votedText: `${voted.owners} 位参与`,
        yesText: `${yesOwners} 位${option?.label ?? ''}`,
        totalText: `共 ${electorate.owners} 位业主`,
        turnoutMet: results.turnout.ownersShort === 0,
        approvalMet: (option?.approval.ownersShort ?? 1) === 0,
      },
      {
        key: 'area',
        label: '面积',
        votedPct: pct(voted.areaHundredths, electorate.areaHundredths),
        yesPct: pct(yesArea, electorate.areaHundredths),
        turnoutLinePct: pct(2, 3),
        approvalLinePct: pct(voted.areaHundredths * fraction, electorate.areaHundredths),
        votedText: `${formatArea(voted.areaHundredths)} 参与`,
        yesText: `${formatArea(yesArea)} ${option?.label ?? ''}`,
        totalText: `共 ${formatArea(electorate.areaHundredths)}`,
        turnoutMet: results.turnout.areaShortHundredths === 0,
        approvalMet: (option?.approval.areaShortHundredths ?? 1) === 0,
      },
    ],
    turnoutLabel: '三分之二参与',
    approvalLabel: ruleText(results.rule),
    optionLabel: option?.label ?? '',
    headline: results.headline,
  };
}
