/**
 * Articles as stored: what organizers publish (公告, 说明, 检测报告, 会议纪要, 答疑), the earlier
 * versions of an edited article, read receipts per unit and residents' questions. Instants are ISO
 * text with the +08:00 offset (see core/registry/time.ts).
 */

export const ARTICLE_KINDS = ['notice', 'explainer', 'report', 'minutes', 'qa'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const KIND_LABELS: Record<ArticleKind, string> = {
  notice: '公告',
  explainer: '说明',
  report: '检测报告',
  minutes: '会议纪要',
  qa: '答疑',
};

export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'withdrawn';

/** A piece of an article's body; images only by their cloud storage fileID. */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'image'; fileId: string; caption: string };

export type AttachmentKind = 'image' | 'pdf';

export interface Attachment {
  kind: AttachmentKind;
  title: string;
  /** Cloud storage fileID (cloud://…): attachments come only from our storage. */
  fileId: string;
}

export interface Withdrawal {
  reason: string;
  at: string;
  by: string;
}

export interface Article {
  _id: string;
  buildingId: string;
  kind: ArticleKind;
  title: string;
  summary: string;
  /** What the organizer typed (light markup, see body.ts); kept for editing. */
  body: string;
  /** The body parsed into whitelisted blocks, rendered through richText.ts. */
  blocks: Block[];
  attachments: Attachment[];
  pinned: boolean;
  /** The decision this article explains, if any. */
  decisionId: string | null;
  status: ArticleStatus;
  /** When a scheduled article goes out. */
  publishAt: string | null;
  /** When it went out (first publication; edits keep it). */
  publishedAt: string;
  author: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** 1 for the first published text; each edit after publication adds one. */
  version: number;
  /** The last edit after publication, or null when never edited since. */
  editedAt: string | null;
  withdrawal: Withdrawal | null;
}

/** An earlier version of a published article, kept when it was edited (`_id = id:vN`). */
export interface ArticleVersion {
  _id: string;
  articleId: string;
  version: number;
  title: string;
  summary: string;
  blocks: Block[];
  attachments: Attachment[];
  /** When this version was replaced by the next. */
  replacedAt: string;
  replacedBy: string;
}

/** A unit has read an article (`_id = articleId:unitId`): written once, on the first read. */
export interface ArticleRead {
  _id: string;
  articleId: string;
  unitId: string;
  firstReadAt: string;
}

export type QuestionTargetKind = 'article' | 'decision';

export interface Question {
  _id: string;
  buildingId: string;
  targetKind: QuestionTargetKind;
  targetId: string;
  text: string;
  askedBy: string;
  /** The asker's name as shown, already masked (张*华). */
  askerLabel: string;
  askedAt: string;
  answer: { text: string; by: string; byLabel: string; at: string } | null;
  faq: boolean;
  hidden: { reason: string; by: string; at: string } | null;
}
