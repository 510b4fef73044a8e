import type { StaffChannelName, UnitBallotStatusView, WitnessView } from '../../../typings/api';

/** A way staff take a ballot for an owner, and the evidence it needs. */
export interface ChannelOption {
  key: StaffChannelName;
  label: string;
  /** What the evidence is, as named in "还缺：…". */
  evidence: string;
  /** The button that takes it, and what it says once taken. */
  take: string;
  retake: string;
  /** Said under the choice of channel. */
  hint: string;
  /** Video and visit: a second staff member is named. */
  witness: boolean;
}

export const CHANNEL_OPTIONS: ChannelOption[] = [
  {
    key: 'paper',
    label: '纸质',
    evidence: '签字表决票照片',
    take: '拍摄签字表决票',
    retake: '已拍摄，重新拍摄',
    hint: '业主（或代理人）在表决票上签字，拍下整张表决票。',
    witness: false,
  },
  {
    key: 'meeting',
    label: '现场',
    evidence: '签到表照片',
    take: '拍摄业主大会签到表',
    retake: '已拍摄，重新拍摄',
    hint: '业主在业主大会现场表决，拍下有其签名的签到表；同一张签到表可用于多户。',
    witness: false,
  },
  {
    key: 'video',
    label: '视频',
    evidence: '视频通话记录',
    take: '上传视频通话录像或截图',
    retake: '已上传，重新上传',
    hint: '与业主视频通话表决，上传通话录像或截图，并选择另一位在场见证的工作人员。',
    witness: true,
  },
  {
    key: 'visit',
    label: '上门',
    evidence: '上门记录照片',
    take: '拍摄两人签字的上门记录',
    retake: '已拍摄，重新拍摄',
    hint: '两位工作人员上门听取业主表决，在上门记录上签字，拍下记录并选择另一位签字人。',
    witness: true,
  },
];

export function channelOption(key: StaffChannelName): ChannelOption {
  return CHANNEL_OPTIONS.find((c) => c.key === key) ?? (CHANNEL_OPTIONS[0] as ChannelOption);
}

/** What is still missing before a ballot can be entered: only the missing items, by name. */
export function missingFields(input: {
  unit: UnitBallotStatusView | null;
  choice: string;
  channel: StaffChannelName;
  evidenceFileId: string;
  witness: WitnessView | null;
}): string[] {
  const option = channelOption(input.channel);
  const missing: string[] = [];
  if (!input.unit) missing.push('房号（请先查询）');
  if (!input.choice) missing.push('表决意见');
  if (!input.evidenceFileId) missing.push(option.evidence);
  if (option.witness && !input.witness) {
    missing.push(input.channel === 'visit' ? '另一位签字的工作人员' : '见证的工作人员');
  }
  return missing;
}

export function missingMessage(missing: readonly string[]): string {
  return missing.length ? `还缺：${missing.join('、')}` : '';
}

/** The flat as staff find it: who voted, when and how, or not yet. */
export function unitLine(unit: UnitBallotStatusView, castAt: string): string {
  const units = unit.coveredUnitNos.join('、');
  if (!unit.voted) return `${units} 尚未投票`;
  const who = unit.voice === 'owner' ? '业主本人' : '代理人';
  return `${units} 已于 ${castAt} 由${who}${unit.channelLabel ?? ''}投票；再次录入将以此票为准`;
}

/**
 * Said before the ballot is entered: it counts at once, replaces any earlier ballot of the flat,
 * and only new evidence changes it again.
 */
export function paperConfirmation(
  unit: Pick<UnitBallotStatusView, 'coveredUnitNos' | 'voted'>,
  choiceLabel: string,
  signedBy: 'owner' | 'proxy',
  channel: StaffChannelName = 'paper',
  witness: string | null = null,
): string {
  const who = signedBy === 'owner' ? '业主本人' : '代理人';
  const flats = unit.coveredUnitNos.join('、');
  const latest = channel === 'paper' ? '这张纸质票' : `这次${channelOption(channel).label}表决`;
  const replaces = unit.voted ? `这户已有表决票，录入后以${latest}为准；` : '';
  const what = {
    paper: `${who}签字的纸质表决票`,
    meeting: `${who}在业主大会现场的表决（以签到表为证）`,
    video: `${who}视频通话的表决（${witness ?? '另一位工作人员'}见证）`,
    visit: `上门听取的${who}表决（与${witness ?? '另一位工作人员'}两人签字）`,
  }[channel];
  return `为 ${flats} 录入${what}：${choiceLabel}。${replaces}录入后立即计票，不能撤销。`;
}

/** A camera or file picker closed without a choice: not an error to report. */
export function isCancel(error: unknown): boolean {
  const text =
    error && typeof error === 'object' && 'errMsg' in error
      ? String((error as { errMsg: unknown }).errMsg)
      : error instanceof Error
        ? error.message
        : String(error);
  return /cancel/i.test(text);
}
