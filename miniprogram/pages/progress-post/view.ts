import type {
  MilestoneRequest,
  MilestoneStatusName,
  MilestoneView,
  StageName,
} from '../../../typings/api';

/** The organizer's forms as plain data: what to send, or why not yet. */

export type PostMode = 'update' | 'stage' | 'outage';

export const MODE_TITLES: Record<PostMode, string> = {
  update: '发布进展',
  stage: '设置阶段',
  outage: '发布停梯安排',
};

export function modeOf(value: string | undefined): PostMode {
  return value === 'stage' || value === 'outage' ? value : 'update';
}

export const MAX_PHOTOS = 9;

export interface DraftPhoto {
  fileId: string;
  localPath: string;
  caption: string;
}

export const STATUS_CHOICES: Array<{ key: MilestoneStatusName; label: string }> = [
  { key: 'pending', label: '未开始' },
  { key: 'active', label: '进行中' },
  { key: 'done', label: '已完成' },
];

export interface StageForm {
  status: MilestoneStatusName;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
}

export function stageFormOf(m: MilestoneView | undefined): StageForm {
  return {
    status: m?.status ?? 'pending',
    plannedStart: m?.plannedStart ?? '',
    plannedEnd: m?.plannedEnd ?? '',
    actualStart: m?.actualStart ?? '',
    actualEnd: m?.actualEnd ?? '',
  };
}

/** Empty dates are sent as null; actual dates of a pending stage are dropped, the server's rule. */
export function milestoneRequest(stage: StageName, form: StageForm): MilestoneRequest {
  const orNull = (v: string): string | null => (v ? v : null);
  const pending = form.status === 'pending';
  return {
    stage,
    status: form.status,
    plannedStart: orNull(form.plannedStart),
    plannedEnd: orNull(form.plannedEnd),
    actualStart: pending ? null : orNull(form.actualStart),
    actualEnd: form.status === 'done' ? orNull(form.actualEnd) : null,
  };
}

export function postProblem(
  text: string,
  photos: readonly DraftPhoto[],
  uploading: boolean,
): string {
  if (uploading) return '照片还在上传，请稍等';
  if (!text.trim()) return '请写下这次进展的内容';
  if (photos.length > MAX_PHOTOS) return `一次最多 ${MAX_PHOTOS} 张照片`;
  return '';
}

export function outageFormProblem(elevator: string, from: string, to: string): string {
  if (!elevator.trim()) return '请写明是哪部电梯，例如“1号梯（东）”';
  if (!from || !to) return '请选择停梯的第一天和最后一天';
  if (to < from) return '停梯结束日期不能早于开始日期';
  return '';
}

/** Where a chosen photo goes in storage: under progress/, the only place the server accepts. */
export function photoPath(stage: StageName, localPath: string, index: number, now: number): string {
  const ext = /\.png$/i.test(localPath) ? 'png' : 'jpg';
  return `progress/${stage}/${now}-${index}.${ext}`;
}
