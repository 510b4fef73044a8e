import type { ResultsView } from '../../typings/api';
import type { Ballot, Electorate } from '../decisions/model';
import type { RollEntry } from '../decisions/roll';
import { shortReceipt } from '../decisions/receipt';
import { fileDateTime, namesCell, type Cell, type NameView, type Sheet } from './sheet';

/**
 * A decision's roll and ballots for the residents' committee: one row per unit on the frozen roll
 * with its area, owner, and the ballot that covers it (choice, channel, who cast it, when), and a
 * summary sheet with the tally and both thresholds of art. 278.
 */

/**
 * Channels as the committee reads them. Channels added later (a meeting, a video call, a visit)
 * already have their words; one this table does not know is written as stored rather than lost.
 */
export const BALLOT_CHANNEL_LABELS: Readonly<Record<string, string>> = {
  online: '线上',
  paper: '纸质表决票',
  meeting: '现场会议',
  video: '视频',
  visit: '上门',
};

export function ballotChannelLabel(channel: string): string {
  return BALLOT_CHANNEL_LABELS[channel] ?? channel;
}

export const VOICE_LABELS: Readonly<Record<string, string>> = { owner: '本人', proxy: '代理人' };

export interface RollSheetInput {
  roll: readonly RollEntry[];
  ballots: readonly Ballot[];
  electorate: Pick<Electorate, 'groups'>;
  /** Person id → the person's name (the unit's voter on the roll). */
  names: ReadonlyMap<string, string>;
  view: NameView;
  choiceLabel(choice: string): string;
}

/** Room order: floor, then position ("2-01" < "2-06" < "10-01"). */
export function byUnitNo(a: { unitNo: string }, b: { unitNo: string }): number {
  return a.unitNo.localeCompare(b.unitNo, 'en', { numeric: true });
}

export function rollSheet(input: RollSheetInput): Sheet {
  const ballotOf = new Map<string, Ballot>();
  for (const b of input.ballots) for (const u of b.units) ballotOf.set(u.unitId, b);
  const groupOf = new Map<string, string[]>();
  for (const g of input.electorate.groups) {
    for (const u of g.units) groupOf.set(u.unitId, g.units.map((x) => x.unitNo).sort());
  }
  const rows = [...input.roll].sort(byUnitNo).map((entry): Cell[] => {
    const ballot = ballotOf.get(entry.unitId);
    const owner = entry.unsold
      ? '未售（开发商）'
      : namesCell(
          entry.voterId && input.names.has(entry.voterId)
            ? [input.names.get(entry.voterId) ?? '']
            : [],
          input.view,
        );
    const group = groupOf.get(entry.unitId);
    const together = group
      ? entry.unsold
        ? `未售房屋合计一票（${group.join('、')}）`
        : `同一业主的 ${group.join('、')} 合计一票`
      : '';
    return [
      entry.unitNo,
      entry.area,
      owner,
      ballot ? input.choiceLabel(ballot.choice) : '未投票',
      ballot ? ballotChannelLabel(ballot.channel) : '',
      ballot ? (VOICE_LABELS[ballot.voice] ?? ballot.voice) : '',
      ballot ? fileDateTime(ballot.castAt) : '',
      ballot ? shortReceipt(ballot.receipt) : '',
      together,
    ];
  });
  return {
    name: '表决名册',
    columns: [
      { header: '房号', kind: 'text', width: 10 },
      { header: '面积（m²）', kind: 'area', width: 12 },
      { header: '业主', kind: 'text', width: 14 },
      { header: '表决意见', kind: 'text', width: 24 },
      { header: '方式', kind: 'text', width: 12 },
      { header: '投票人', kind: 'text', width: 8 },
      { header: '投票时间', kind: 'text', width: 20 },
      { header: '回执', kind: 'text', width: 12 },
      { header: '说明', kind: 'text', width: 30 },
    ],
    rows,
  };
}

const RULE_WORDS = { 'three-quarters': '四分之三', 'more-than-half': '过半数' } as const;

/** The tally and both thresholds (turnout, then each option's approval), with the outcome. */
export function summarySheet(
  results: ResultsView,
  extra: { matterLabel: string; statusLabel: string },
): Sheet {
  const yesNo = (met: boolean): string => (met ? '已达到' : '未达到');
  const info = (label: string, text: string): Cell[] => [label, null, null, null, null, null, text];
  const approvalRule =
    results.rule === 'three-quarters'
      ? '人数、面积均须达到已参与表决的四分之三以上（含本数）'
      : '人数、面积均须超过已参与表决的半数';
  const rows: Cell[][] = [
    info('议题', results.title),
    info('表决事项', extra.matterLabel),
    info('通过标准', `${RULE_WORDS[results.rule]}（《民法典》第二百七十八条）`),
    info('状态', extra.statusLabel),
    info('统计时间', fileDateTime(results.asOf)),
    [
      '全体业主',
      results.electorate.owners,
      results.electorate.areaHundredths,
      null,
      null,
      null,
      `${results.electorate.units} 套房屋`,
    ],
    ['已参与表决', results.voted.owners, results.voted.areaHundredths, null, null, null, ''],
    ...results.choices.map((c): Cell[] => [
      `选择：${c.label}`,
      c.owners,
      c.areaHundredths,
      null,
      null,
      null,
      '',
    ]),
    [
      '门槛一：参与表决',
      results.voted.owners,
      results.voted.areaHundredths,
      yesNo(results.turnout.met),
      results.turnout.ownersShort,
      results.turnout.areaShortHundredths,
      '人数、面积均须达到全体的三分之二以上（含本数）',
    ],
    ...results.options.map((o): Cell[] => [
      `门槛二：同意“${o.label}”`,
      o.owners,
      o.areaHundredths,
      yesNo(o.approval.met),
      o.approval.ownersShort,
      o.approval.areaShortHundredths,
      approvalRule,
    ]),
    info('结果', results.headline),
  ];
  return {
    name: '计票汇总',
    columns: [
      { header: '项目', kind: 'text', width: 30 },
      { header: '业主人数', kind: 'count', width: 10 },
      { header: '面积（m²）', kind: 'area', width: 14 },
      { header: '是否达到', kind: 'text', width: 10 },
      { header: '还差人数', kind: 'count', width: 10 },
      { header: '还差面积（m²）', kind: 'area', width: 16 },
      { header: '说明', kind: 'text', width: 48 },
    ],
    rows,
  };
}
