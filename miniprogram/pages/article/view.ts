import type {
  ArticleDetailView,
  ArticleQuestionView,
  AttachmentView,
  RichNodeView,
} from '../../../typings/api';
import { formatDateTime } from '../../utils/format';

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

export function toQuestionRow(q: ArticleQuestionView, now: number): QuestionRow {
  return {
    id: q.id,
    asker: q.mine ? `${q.asker}（我）` : q.asker,
    when: formatDateTime(q.askedAt, now),
    text: q.text,
    answered: q.answer !== null,
    answer: q.answer?.text ?? '',
    answerMeta: q.answer ? `${q.answer.by} · ${formatDateTime(q.answer.at, now)}` : '',
    faq: q.faq,
    hidden: q.hidden !== null,
    hiddenReason: q.hidden ? `已隐藏：${q.hidden.reason}` : '',
    mine: q.mine,
  };
}

export function toArticleView(a: ArticleDetailView, now: number): ArticleView {
  const when = a.publishedAt ? formatDateTime(a.publishedAt, now) : '';
  let draftLabel = '';
  if (a.status === 'draft') draftLabel = '草稿：住户还看不到这篇内容';
  else if (a.status === 'scheduled') {
    draftLabel = `定时发布：${formatDateTime(a.publishAt ?? '', now)} 起住户可见`;
  }
  const rows = a.attachments.map((x) => ({
    fileId: x.fileId,
    title: x.title,
    kind: x.kind,
    url: x.url ?? '',
  }));
  const questions = a.questions.map((q) => toQuestionRow(q, now));
  return {
    id: a.id,
    title: a.title,
    kindLabel: a.kindLabel,
    meta: [a.author, when].filter(Boolean).join(' · '),
    pinned: a.pinned,
    edited: a.edited && !a.withdrawn,
    editedLabel: a.editedAt ? `已修改 · ${formatDateTime(a.editedAt, now)}` : '已修改',
    withdrawn: a.withdrawn,
    withdrawnLabel: a.withdrawal
      ? `${formatDateTime(a.withdrawal.at, now)} 撤回。原因：${a.withdrawal.reason}`
      : '已撤回',
    draftLabel,
    nodes: a.nodes ?? [],
    images: rows.filter((r) => r.kind === 'image' && r.url),
    documents: rows.filter((r) => r.kind === 'pdf'),
    decisionId: a.decisionId ?? '',
    history: a.history.map((h) => ({
      version: h.version,
      label: `第 ${h.version} 版（${formatDateTime(h.replacedAt, now)} 前）`,
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
