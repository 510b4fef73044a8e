/**
 * The evidence a ballot entered by staff needs, by channel (issue: every vote channel):
 * - paper (纸质): the photo of the form the owner (or their proxy) signed;
 * - meeting (现场): the photo of the owners' meeting sign-in sheet;
 * - video (视频): the video call's record (a recording or a screenshot) and a second staff member
 *   who witnessed the call;
 * - visit (上门): the visit record signed by two staff members, both named.
 * Whether the file exists and who the second person is are the server's checks (storage and the
 * registry); this says what must be there at all.
 */
import type { Channel } from './model';

const EVIDENCE: Record<Exclude<Channel, 'online'>, string> = {
  paper: '纸质表决票须上传业主签字表决票的照片',
  meeting: '现场表决须上传业主大会签到表的照片',
  video: '视频表决须上传视频通话记录（录像或截图）',
  visit: '上门表决须上传两位工作人员签字的上门记录',
};

const WITNESS: Partial<Record<Channel, string>> = {
  video: '视频表决须选择另一位见证通话的工作人员',
  visit: '上门表决须由两位工作人员签字，请选择另一位签字的工作人员',
};

/** Whether the channel names a second staff member (the witness or co-signer). */
export function needsWitness(channel: Channel): boolean {
  return channel in WITNESS;
}

/** What the channel's evidence file is, as staff are asked for it. */
export function evidenceName(channel: Exclude<Channel, 'online'>): string {
  return {
    paper: '签字表决票照片',
    meeting: '签到表照片',
    video: '视频通话记录',
    visit: '上门记录',
  }[channel];
}

export type EvidenceProblem = {
  code: 'PHOTO_REQUIRED' | 'WITNESS_REQUIRED';
  message: string;
} | null;

/** The first thing missing from a staff-entered ballot's evidence; null when complete. */
export function evidenceProblem(input: {
  channel: Channel;
  fileId: string | null;
  castBy: string;
  witnessedBy: string | null;
}): EvidenceProblem {
  const { channel } = input;
  if (channel === 'online') return null;
  if (!input.fileId) return { code: 'PHOTO_REQUIRED', message: EVIDENCE[channel] };
  const witness = WITNESS[channel];
  if (!witness) return null;
  if (!input.witnessedBy) return { code: 'WITNESS_REQUIRED', message: witness };
  if (input.witnessedBy === input.castBy) {
    return {
      code: 'WITNESS_REQUIRED',
      message: `${witness}：见证人须是录入人以外的另一位工作人员`,
    };
  }
  return null;
}
