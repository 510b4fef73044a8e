import type {
  ArticleQuestionView,
  ArticleSummaryView,
  AttachmentView,
  ReceiptsView,
} from '../../typings/api';
import {
  type Article,
  type Attachment,
  type Question,
  KIND_LABELS,
  statusAt,
} from '../../core/articles';

/** Stored articles and questions → what the contract shows. */

export function receiptsView(read: number, total: number): ReceiptsView {
  return { read, total, label: `已读 ${read} 户 / ${total}` };
}

export function summaryView(
  article: Article,
  now: number,
  receipts: ReceiptsView | null,
): ArticleSummaryView {
  const status = statusAt(article, now);
  const withdrawn = status === 'withdrawn';
  return {
    id: article._id,
    kind: article.kind,
    kindLabel: KIND_LABELS[article.kind],
    title: article.title,
    // A withdrawn article keeps its title as the stub; its text is no longer shown.
    summary: withdrawn ? `已撤回：${article.withdrawal?.reason ?? ''}` : article.summary,
    status,
    pinned: article.pinned && !withdrawn,
    publishedAt:
      status === 'published' && !article.publishedAt
        ? (article.publishAt ?? '')
        : article.publishedAt,
    publishAt: article.publishAt,
    edited: article.version > 1,
    withdrawn,
    readLabel: receipts ? receipts.label : null,
  };
}

export function attachmentViews(
  attachments: readonly Attachment[],
  urls: ReadonlyMap<string, string>,
): AttachmentView[] {
  return attachments.map((a) => ({
    kind: a.kind,
    title: a.title,
    fileId: a.fileId,
    url: a.kind === 'image' ? (urls.get(a.fileId) ?? null) : null,
  }));
}

/** The floor only: enough to show a neighbour asked, never which flat. */
export function questionView(
  q: Question,
  viewer: { openid: string; organizer: boolean },
): ArticleQuestionView {
  return {
    id: q._id,
    asker: q.askerLabel,
    text: q.text,
    askedAt: q.askedAt,
    answer: q.answer ? { text: q.answer.text, by: q.answer.byLabel, at: q.answer.at } : null,
    faq: q.faq,
    hidden: viewer.organizer && q.hidden ? { reason: q.hidden.reason, at: q.hidden.at } : null,
    mine: viewer.openid !== '' && q.askedBy === viewer.openid,
  };
}
