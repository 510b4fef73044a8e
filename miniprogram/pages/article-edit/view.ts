import type {
  ArticleInput,
  ArticleKindName,
  AttachmentInput,
  DecisionSummaryView,
} from '../../../typings/api';

/** The editor's form and what it sends: pure, so it is tested without a page. */
export interface EditForm {
  kindIndex: number;
  title: string;
  summary: string;
  body: string;
  attachments: AttachmentInput[];
  pinned: boolean;
  decisionIndex: number;
  scheduled: boolean;
  date: string;
  time: string;
}

export const KINDS: Array<{ kind: ArticleKindName; label: string }> = [
  { kind: 'notice', label: '公告' },
  { kind: 'explainer', label: '说明' },
  { kind: 'report', label: '检测报告' },
  { kind: 'minutes', label: '会议纪要' },
  { kind: 'qa', label: '答疑' },
];

export const BODY_HINT =
  '每行一段。“# 标题”是小标题，“- 内容”是要点，“1. 内容”是编号；用下方按钮插入图片。';

export function emptyForm(): EditForm {
  return {
    kindIndex: 0,
    title: '',
    summary: '',
    body: '',
    attachments: [],
    pinned: false,
    decisionIndex: 0,
    scheduled: false,
    date: '',
    time: '09:00',
  };
}

/** Decisions an article can point to; the first choice is none. */
export function decisionChoices(
  decisions: readonly DecisionSummaryView[],
): Array<{ id: string; label: string }> {
  return [{ id: '', label: '不关联表决' }, ...decisions.map((d) => ({ id: d.id, label: d.title }))];
}

export function formOf(input: ArticleInput, choices: ReadonlyArray<{ id: string }>): EditForm {
  return {
    ...emptyForm(),
    kindIndex: Math.max(
      0,
      KINDS.findIndex((k) => k.kind === input.kind),
    ),
    title: input.title,
    summary: input.summary,
    body: input.body,
    attachments: input.attachments.map((a) => ({ ...a })),
    pinned: input.pinned,
    decisionIndex: Math.max(
      0,
      choices.findIndex((c) => c.id === (input.decisionId ?? '')),
    ),
  };
}

export function toInput(form: EditForm, choices: ReadonlyArray<{ id: string }>): ArticleInput {
  return {
    kind: KINDS[form.kindIndex]?.kind ?? 'notice',
    title: form.title.trim(),
    summary: form.summary.trim(),
    body: form.body,
    attachments: form.attachments,
    pinned: form.pinned,
    decisionId: choices[form.decisionIndex]?.id || null,
  };
}

/** The scheduled moment in Shanghai time, or a message when it is missing or past. */
export function scheduleOf(
  form: Pick<EditForm, 'scheduled' | 'date' | 'time'>,
  now: number,
): { ok: true; at: string | null } | { ok: false; message: string } {
  if (!form.scheduled) return { ok: true, at: null };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date) || !/^\d{2}:\d{2}$/.test(form.time)) {
    return { ok: false, message: '请选择定时发布的日期和时间' };
  }
  const at = `${form.date}T${form.time}:00+08:00`;
  if (Date.parse(at) <= now) return { ok: false, message: '定时发布的时间已经过去，请重新选择' };
  return { ok: true, at };
}

/** What the form still lacks before it can be saved (first problem only). */
export function missingOf(form: EditForm): string {
  if (!form.title.trim()) return '请填写标题';
  if (!form.body.trim() && form.attachments.length === 0) return '请填写正文或添加附件';
  return '';
}

/** The line the body gets for an uploaded image. */
export function imageLine(fileId: string, caption: string): string {
  return `![${caption.replace(/[[\]]/g, '')}](${fileId})`;
}

export function appendLine(body: string, line: string): string {
  return body.trim() ? `${body.replace(/\s+$/, '')}\n${line}\n` : `${line}\n`;
}
