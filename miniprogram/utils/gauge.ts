import type { ResultsView, RuleName, ThresholdView } from '../../typings/api';
import { choiceColor, LINE_COLOR, TURNOUT_COLOR } from './choiceColors';
import { formatArea } from './format';

/**
 * The gauge of a vote, made so an elderly reader sees "够不够" at a glance: two rows, 参与 and
 * 同意, each with a plain sentence ("参与已够三分之二", "同意还差 15 户、1,772.07 m²") and one bar per
 * axis (户数, 面积) with the law's line drawn on it. 参与 is measured against the whole building,
 * 同意 against those who took part — the way art. 278 counts. The shortfalls are the server's
 * (core/tally/shortfall.ts): the page never recounts, it only draws.
 */
export interface GaugeBar {
  key: 'owners' | 'area';
  label: string;
  fillPct: string;
  linePct: string;
  /** Each figure in its own box, unit attached, so two numbers never run together. */
  value: string;
  of: string;
  met: boolean;
}

export interface GaugeRow {
  key: 'turnout' | 'approval';
  title: string;
  /** For a vote between plans: which plan the 同意 row follows. */
  note: string;
  met: boolean;
  /** "够了" / "还不够" while ballots come in; "不够" once counted. */
  verdict: string;
  sentence: string;
  /** The bar's colour (同意 takes its choice's colour), and the line's, named in the legend. */
  color: string;
  lineColor: string;
  fillLabel: string;
  lineLabel: string;
  bars: GaugeBar[];
}

export interface Gauge {
  rows: GaugeRow[];
  /** While voting runs: what today's count would mean; '' once published (the badge says it). */
  headline: string;
  optionLabel: string;
}

function pct(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${Math.min(100, Math.max(0, (part * 100) / whole)).toFixed(2)}%`;
}

export function ruleText(rule: RuleName): string {
  return rule === 'three-quarters' ? '四分之三以上同意' : '过半数同意';
}

/** "15 户、1,772.07 m²", leaving out an axis that is already there. */
export function shortText(owners: number, areaHundredths: number): string {
  const parts: string[] = [];
  if (owners > 0) parts.push(`${owners} 户`);
  if (areaHundredths > 0) parts.push(formatArea(areaHundredths));
  return parts.join('、');
}

function turnoutSentence(t: ThresholdView, live: boolean): string {
  if (t.met) return '参与已够三分之二';
  const short = shortText(t.ownersShort, t.areaShortHundredths);
  return live ? `参与还差 ${short}` : `参与不够三分之二，差 ${short}`;
}

function approvalSentence(
  rule: RuleName,
  a: ThresholdView,
  live: boolean,
  left: { owners: number; areaHundredths: number },
): string {
  const line = rule === 'three-quarters' ? '四分之三' : '半数';
  if (a.met) return rule === 'three-quarters' ? '同意已够四分之三' : '同意已过半数';
  const short = shortText(a.ownersShort, a.areaShortHundredths);
  if (!live) return `同意${rule === 'three-quarters' ? '不够' : '未过'}${line}，差 ${short}`;
  // More yes votes than there are owners left to vote: only changed minds could carry it.
  const beyond = a.ownersShort > left.owners || a.areaShortHundredths > left.areaHundredths;
  return beyond ? `同意还差 ${short}，没投票的都同意也不够` : `同意还差 ${short}`;
}

export function toGauge(results: ResultsView): Gauge {
  const option = results.options.find((o) => o.key === results.leading) ?? results.options[0];
  const live = results.status === 'open' || results.status === 'closed';
  const { electorate, voted, turnout } = results;
  const yesOwners = option?.owners ?? 0;
  const yesArea = option?.areaHundredths ?? 0;
  const approval: ThresholdView = option?.approval ?? {
    met: false,
    ownersShort: 0,
    areaShortHundredths: 0,
    areaShort: '0.00',
  };
  const approvalLine = results.rule === 'three-quarters' ? '75%' : '50%';
  const verdict = (met: boolean): string => (met ? '够了' : live ? '还不够' : '不够');
  const left = {
    owners: electorate.owners - voted.owners,
    areaHundredths: electorate.areaHundredths - voted.areaHundredths,
  };
  const turnoutRow: GaugeRow = {
    key: 'turnout',
    title: '参与',
    note: '',
    met: turnout.met,
    verdict: verdict(turnout.met),
    sentence: turnoutSentence(turnout, live),
    color: TURNOUT_COLOR,
    lineColor: LINE_COLOR,
    fillLabel: '已参与',
    lineLabel: '三分之二',
    bars: [
      {
        key: 'owners',
        label: '户数',
        fillPct: pct(voted.owners, electorate.owners),
        linePct: pct(2, 3),
        value: `${voted.owners} 户`,
        of: `共 ${electorate.owners} 户`,
        met: turnout.ownersShort === 0,
      },
      {
        key: 'area',
        label: '面积',
        fillPct: pct(voted.areaHundredths, electorate.areaHundredths),
        linePct: pct(2, 3),
        value: formatArea(voted.areaHundredths),
        of: `共 ${formatArea(electorate.areaHundredths)}`,
        met: turnout.areaShortHundredths === 0,
      },
    ],
  };
  const isPlan = option !== undefined && option.key !== 'yes';
  const approvalRow: GaugeRow = {
    key: 'approval',
    title: '同意',
    note: isPlan ? `按票数最多的${option.label}计` : '',
    met: approval.met,
    verdict: verdict(approval.met),
    sentence: approvalSentence(results.rule, approval, live, left),
    color: choiceColor(option?.key ?? 'yes'),
    lineColor: LINE_COLOR,
    // The note names the plan in full; the legend stays short enough to sit on one line.
    fillLabel: isPlan ? `选方案${option.key}` : '同意',
    lineLabel: results.rule === 'three-quarters' ? '四分之三' : '半数',
    bars: [
      {
        key: 'owners',
        label: '户数',
        fillPct: pct(yesOwners, voted.owners),
        linePct: approvalLine,
        value: `${yesOwners} 户`,
        of: `参与的 ${voted.owners} 户中`,
        met: approval.ownersShort === 0,
      },
      {
        key: 'area',
        label: '面积',
        fillPct: pct(yesArea, voted.areaHundredths),
        linePct: approvalLine,
        value: formatArea(yesArea),
        of: `参与的 ${formatArea(voted.areaHundredths)} 中`,
        met: approval.areaShortHundredths === 0,
      },
    ],
  };
  const passing = turnout.met && approval.met;
  return {
    rows: [turnoutRow, approvalRow],
    headline: live ? (passing ? '按目前的票数，可以通过' : '按目前的票数，还不能通过') : '',
    optionLabel: option?.label ?? '',
  };
}
