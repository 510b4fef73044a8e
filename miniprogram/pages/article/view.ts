import type {
  ArticleDetailView,
  ArticleQuestionView,
  AttachmentView,
  RichNodeView,
} from '../../../typings/api';
import { formatShortDateTime } from '../../utils/format';

/** The article page's view model: everything the template shows, computed without a page. */
export interface QuestionRow {
  id: string;
  asker: string;
  when: string;
  text: string;
  answered: boolean;
  answer: string;
  answerMeta: string;
  faq: boolean;
  hidden: boolean;
  hiddenReason: string;
  mine: boolean;
}

export interface AttachmentRow {
  fileId: string;
  title: string;
  kind: AttachmentView['kind'];
  url: string;
}

export interface ArticleView {
  id: string;
  title: string;
  kindLabel: string;
  meta: string;
  pinned: boolean;
  edited: boolean;
  editedLabel: string;
  withdrawn: boolean;
  withdrawnLabel: string;
  draftLabel: string;
  nodes: RichNodeView[];
  images: AttachmentRow[];
  documents: AttachmentRow[];
  decisionId: string;
  history: Array<{ version: number; label: string }>;
  readLabel: string;
  canEdit: boolean;
  canWithdraw: boolean;
  canAsk: boolean;
  canAnswer: boolean;
  questions: QuestionRow[];
  openCount: number;
}

export function yearOf(now: number): number {
  return new Date(now + 8 * 3600_000).getUTCFullYear();
}

export function toQuestionRow(q: ArticleQuestionView, thisYear: number): QuestionRow {
  return {
    id: q.id,
    asker: q.mine ? `${q.asker}（我）` : q.asker,
    when: formatShortDateTime(q.askedAt, thisYear),
    text: q.text,
    answered: q.answer !== null,
    answer: q.answer?.text ?? '',
    answerMeta: q.answer ? `${q.answer.by} · ${formatShortDateTime(q.answer.at, thisYear)}` : '',
    faq: q.faq,
    hidden: q.hidden !== null,
    hiddenReason: q.hidden ? `已隐藏：${q.hidden.reason}` : '',
    mine: q.mine,
  };
}

export function toArticleView(a: ArticleDetailView, now: number): ArticleView {
  const thisYear = yearOf(now);
  const when = a.publishedAt ? formatShortDateTime(a.publishedAt, thisYear) : '';
  let draftLabel = '';
  if (a.status === 'draft') draftLabel = '草稿：住户还看不到这篇内容';
  else if (a.status === 'scheduled') {
    draftLabel = `定时发布：${formatShortDateTime(a.publishAt ?? '', thisYear)} 起住户可见`;
  }
  const rows = a.attachments.map((x) => ({
    fileId: x.fileId,
    title: x.title,
    kind: x.kind,
    url: x.url ?? '',
  }));
  const questions = a.questions.map((q) => toQuestionRow(q, thisYear));
  return {
    id: a.id,
    title: a.title,
    kindLabel: a.kindLabel,
    meta: [a.author, when].filter(Boolean).join(' · '),
    pinned: a.pinned,
    edited: a.edited && !a.withdrawn,
    editedLabel: a.editedAt ? `已修改 · ${formatShortDateTime(a.editedAt, thisYear)}` : '已修改',
    withdrawn: a.withdrawn,
    withdrawnLabel: a.withdrawal
      ? `${formatShortDateTime(a.withdrawal.at, thisYear)} 撤回。原因：${a.withdrawal.reason}`
      : '已撤回',
    draftLabel,
    nodes: a.nodes ?? [],
    images: rows.filter((r) => r.kind === 'image' && r.url),
    documents: rows.filter((r) => r.kind === 'pdf'),
    decisionId: a.decisionId ?? '',
    history: a.history.map((h) => ({
      version: h.version,
      label: `第 ${h.version} 版（${formatShortDateTime(h.replacedAt, thisYear)} 前）`,
    })),
    readLabel: a.receipts?.label ?? '',
    canEdit: a.canEdit,
    canWithdraw: a.canEdit && a.status === 'published',
    canAsk: a.canAsk,
    canAnswer: a.canAnswer,
    questions,
    openCount: questions.filter((q) => !q.answered && !q.hidden).length,
  };
}
