/**
 * Reading articles: the 公告 list (pinned first, kinds as filters), an article with its questions
 * and — for organizers — its read receipts, and an earlier version of an edited article. Drafts
 * and scheduled articles exist only for organizers until their time comes; a withdrawn article
 * stays as a stub with the reason.
 */
import type {
  ArticleDetailView,
  ArticleKindName,
  ArticleSummaryView,
  RichNodeView,
} from '../../typings/api';
import {
  type Article,
  type ArticleVersion,
  canDo,
  imagesOf,
  isPublic,
  listOrder,
  renderBody,
  statusAt,
} from '../../core/articles';
import type { UseCaseContext } from '../auth/guard';
import { isAllowed } from '../auth/policy';
import { AppError } from '../errors';
import { docs, find } from '../repository/docs';
import { tempUrls } from '../platform';
import { questionsFor } from './questions';
import { readCounts, receiptsOf, recordRead } from './receipts';
import { LIST_LIMIT, isOrganizer, loadArticle, versionId, versionsOf } from './store';
import { attachmentViews, receiptsView, summaryView } from './views';

/** articles.list */
export async function listArticles(
  request: { kind?: ArticleKindName },
  ctx: UseCaseContext,
): Promise<{ articles: ArticleSummaryView[]; canWrite: boolean }> {
  const caller = await ctx.caller();
  const organizer = isOrganizer(caller);
  const now = ctx.now.getTime();
  const _ = ctx.db.command;
  const where: Record<string, unknown> = organizer
    ? {}
    : { status: _.in(['published', 'withdrawn', 'scheduled']) };
  if (request.kind) where.kind = request.kind;
  const stored = await find<Article>(ctx.db, 'articles', where, {
    orderBy: ['publishedAt', 'desc'],
    limit: LIST_LIMIT,
  });
  const shown = organizer ? stored : stored.filter((a) => isPublic(a, now));
  const ordered = listOrder(shown);
  let labels = new Map<string, ReturnType<typeof receiptsView>>();
  if (organizer && ordered.length) {
    const buildingId = ordered[0]?.buildingId ?? '';
    const [counts, total] = await Promise.all([
      readCounts(
        ctx.db,
        ordered.filter((a) => statusAt(a, now) !== 'draft').map((a) => a._id),
      ),
      ctx.db.collection('units').where({ buildingId }).count(),
    ]);
    const units = (total as { total?: number }).total ?? 0;
    labels = new Map(ordered.map((a) => [a._id, receiptsView(counts.get(a._id) ?? 0, units)]));
  }
  return {
    articles: ordered.map((a) => summaryView(a, now, labels.get(a._id) ?? null)),
    canWrite: organizer,
  };
}

/** Drafts and scheduled articles are NOT_FOUND for everyone but organizers. */
function assertReadable(article: Article, organizer: boolean, now: number): void {
  if (!organizer && !isPublic(article, now)) throw new AppError('NOT_FOUND', '没有找到这篇公告');
}

/** articles.detail: reading it counts as the reader's flats having read it. */
export async function articleDetail(
  request: { articleId: string },
  ctx: UseCaseContext,
): Promise<ArticleDetailView> {
  const [caller, article] = await Promise.all([
    ctx.caller(),
    loadArticle(docs(ctx.db), request.articleId),
  ]);
  const organizer = isOrganizer(caller);
  const now = ctx.now.getTime();
  assertReadable(article, organizer, now);
  const status = statusAt(article, now);
  const withdrawn = status === 'withdrawn';
  const [urls, questions, versions] = await Promise.all([
    withdrawn
      ? Promise.resolve(new Map<string, string>())
      : tempUrls([...imagesOf(article.blocks), ...article.attachments.map((a) => a.fileId)]),
    questionsFor(ctx.db, { targetKind: 'article', targetId: article._id }, caller),
    article.version > 1 ? versionsOf(ctx.db, article._id) : Promise.resolve([] as ArticleVersion[]),
    status === 'published' ? recordRead(ctx.db, article, caller, ctx.now) : Promise.resolve(),
  ]);
  // Counted after this read is recorded, so an organizer's own flat is in the figure they see.
  const receipts = organizer && status !== 'draft' ? await receiptsOf(ctx.db, article) : null;
  const summary = summaryView(article, now, receipts);
  return {
    ...summary,
    author: article.author,
    nodes: withdrawn ? null : renderBody(article.blocks, urls),
    attachments: withdrawn ? [] : attachmentViews(article.attachments, urls),
    decisionId: article.decisionId,
    version: article.version,
    editedAt: article.editedAt,
    history: versions.map((v) => ({ version: v.version, replacedAt: v.replacedAt })),
    withdrawal: article.withdrawal
      ? { reason: article.withdrawal.reason, at: article.withdrawal.at }
      : null,
    questions,
    receipts,
    canEdit: organizer && canDo(article, 'edit', now),
    canAsk: status === 'published' && isAllowed('articles', 'ask', caller.principals),
    canAnswer: isAllowed('articles', 'answer', caller.principals),
    source: organizer
      ? {
          kind: article.kind,
          title: article.title,
          summary: article.summary,
          body: article.body,
          attachments: article.attachments,
          pinned: article.pinned,
          decisionId: article.decisionId,
        }
      : null,
  };
}

/** articles.version: an earlier text of an edited article, as it read then. */
export async function articleVersion(
  request: { articleId: string; version: number },
  ctx: UseCaseContext,
): Promise<{
  version: number;
  title: string;
  summary: string;
  nodes: RichNodeView[];
  replacedAt: string;
}> {
  const [caller, article] = await Promise.all([
    ctx.caller(),
    loadArticle(docs(ctx.db), request.articleId),
  ]);
  const now = ctx.now.getTime();
  assertReadable(article, isOrganizer(caller), now);
  if (statusAt(article, now) === 'withdrawn') {
    throw new AppError('NOT_FOUND', '这篇公告已撤回，之前的版本不再显示');
  }
  const version = await docs(ctx.db).get<ArticleVersion>(
    'articleVersions',
    versionId(article._id, request.version),
  );
  if (!version) throw new AppError('NOT_FOUND', '没有找到这个版本');
  const urls = await tempUrls(imagesOf(version.blocks));
  return {
    version: version.version,
    title: version.title,
    summary: version.summary,
    nodes: renderBody(version.blocks, urls),
    replacedAt: version.replacedAt,
  };
}
