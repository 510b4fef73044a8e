/**
 * articles: what the replacement group publishes (公告, 说明, 检测报告, 会议纪要, 答疑), read
 * receipts per flat, and residents' questions with public answers.
 *
 * Instants are ISO strings with the +08:00 offset. Bodies come as a `rich-text` node tree built
 * and sanitized on the server from a whitelist; never HTML.
 */

export type ArticleKindName = 'notice' | 'explainer' | 'report' | 'minutes' | 'qa';
export type ArticleStatusName = 'draft' | 'scheduled' | 'published' | 'withdrawn';
export type AttachmentKindName = 'image' | 'pdf';
export type QuestionTargetName = 'article' | 'decision';

/** A node of `<rich-text nodes>`: text, or a whitelisted element. */
export type RichNodeView =
  | { type: 'text'; text: string }
  | {
      name: 'h2' | 'h3' | 'p' | 'ul' | 'ol' | 'li' | 'img' | 'strong' | 'em' | 'br' | 'div';
      attrs?: { class?: string; style?: string; src?: string; alt?: string };
      children?: RichNodeView[];
    };

export interface AttachmentInput {
  kind: AttachmentKindName;
  title: string;
  /** A cloud storage fileID (cloud://…) uploaded through the mini program. */
  fileId: string;
}

export interface AttachmentView extends AttachmentInput {
  /** Download address of an image, for `<image>` and wx.previewImage; null for PDFs. */
  url: string | null;
}

export interface ArticleSummaryView {
  id: string;
  kind: ArticleKindName;
  kindLabel: string;
  title: string;
  summary: string;
  status: ArticleStatusName;
  pinned: boolean;
  publishedAt: string;
  publishAt: string | null;
  edited: boolean;
  withdrawn: boolean;
  /** "已读 97 户 / 138" for organizers; null for everyone else. */
  readLabel: string | null;
}

export interface ReceiptsView {
  read: number;
  total: number;
  label: string;
}

export interface ArticleQuestionView {
  id: string;
  /** The asker's name, masked (张*华), with the flat's floor: "张*华 · 12楼". */
  asker: string;
  text: string;
  askedAt: string;
  answer: { text: string; by: string; at: string } | null;
  faq: boolean;
  /** Only organizers see hidden questions, with the reason. */
  hidden: { reason: string; at: string } | null;
  mine: boolean;
}

export interface VersionMeta {
  version: number;
  /** When this version was replaced by the next. */
  replacedAt: string;
}

export interface ArticleDetailView extends ArticleSummaryView {
  author: string;
  /** Null for a withdrawn article: only its stub remains. */
  nodes: RichNodeView[] | null;
  attachments: AttachmentView[];
  decisionId: string | null;
  version: number;
  editedAt: string | null;
  /** Earlier versions, newest first ("已修改"). */
  history: VersionMeta[];
  withdrawal: { reason: string; at: string } | null;
  questions: ArticleQuestionView[];
  receipts: ReceiptsView | null;
  canEdit: boolean;
  canAsk: boolean;
  canAnswer: boolean;
  /** What the organizer typed, for the editor; null for everyone else. */
  source: ArticleInput | null;
}

export interface ArticleInput {
  kind: ArticleKindName;
  title: string;
  summary: string;
  /** Light markup: "# 标题", "- 要点", "1. 步骤", "![说明](cloud://…)", other lines paragraphs. */
  body: string;
  attachments: AttachmentInput[];
  pinned: boolean;
  decisionId: string | null;
}

export interface PreviewView {
  title: string;
  summary: string;
  kindLabel: string;
  nodes: RichNodeView[];
  attachments: AttachmentView[];
}

export interface UnreadUnitView {
  unitId: string;
  unitNo: string;
  floor: number;
}

export interface ArticlesApi {
  list: {
    request: { kind?: ArticleKindName };
    response: { articles: ArticleSummaryView[]; canWrite: boolean };
  };
  detail: { request: { articleId: string }; response: ArticleDetailView };
  version: {
    request: { articleId: string; version: number };
    response: {
      version: number;
      title: string;
      summary: string;
      nodes: RichNodeView[];
      replacedAt: string;
    };
  };
  preview: { request: ArticleInput; response: PreviewView };
  create: { request: ArticleInput; response: { id: string } };
  edit: {
    request: ArticleInput & { articleId: string };
    response: { id: string; version: number };
  };
  /** Now, or at `publishAt` (scheduled). */
  publish: {
    request: { articleId: string; publishAt?: string };
    response: { status: ArticleStatusName; publishAt: string | null };
  };
  withdraw: {
    request: { articleId: string; reason: string };
    response: { status: ArticleStatusName };
  };
  receipts: {
    request: { articleId: string };
    response: ReceiptsView & { unread: UnreadUnitView[] };
  };
  questions: {
    request: { targetKind: QuestionTargetName; targetId: string };
    response: { questions: ArticleQuestionView[]; canAsk: boolean; canAnswer: boolean };
  };
  ask: {
    request: { targetKind: QuestionTargetName; targetId: string; text: string };
    response: ArticleQuestionView;
  };
  answer: { request: { questionId: string; text: string }; response: ArticleQuestionView };
  markFaq: { request: { questionId: string; faq: boolean }; response: ArticleQuestionView };
  hideQuestion: { request: { questionId: string; reason: string }; response: ArticleQuestionView };
}
