/**
 * Read receipts per flat: the first time anyone linked to a flat opens a published article, the
 * flat counts as having read it. Organizers see "已读 97 户 / 138"; staff get the flats that have
 * not read a notice, for the last-mile tracker.
 */
import type { UnreadUnitView } from '../../typings/api';
import type { Article, ArticleRead } from '../../core/articles';
import type { Unit } from '../../core/registry/model';
import { shanghaiIso } from '../../core/registry/time';
import type { Caller } from '../auth/caller';
import type { UseCaseContext } from '../auth/guard';
import type { Db } from '../cloud';
import { countOf, docs, registryDb } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { loadArticle } from './store';
import { receiptsView } from './views';

export function readId(articleId: string, unitId: string): string {
  return `${articleId}:${unitId}`;
}

/**
 * Marks the caller's flats as having read the article: one write per flat, the same document
 * each time (so reading twice never counts twice).
 */
export async function recordRead(
  db: Db,
  article: Article,
  caller: Caller,
  now: Date,
): Promise<void> {
  const unitIds = caller.member?.unitIds ?? [];
  const store = docs(db);
  await Promise.all(
    unitIds.map((unitId) => {
      const receipt: Omit<ArticleRead, '_id'> = {
        articleId: article._id,
        unitId,
        firstReadAt: shanghaiIso(now),
      };
      return store.set('articleReads', readId(article._id, unitId), receipt);
    }),
  );
}

/** "已读 n 户 / total": two counts, never a read of the receipts themselves. */
export async function receiptsOf(
  db: Db,
  article: Pick<Article, '_id' | 'buildingId'>,
): Promise<{ read: number; total: number; label: string }> {
  const [read, total] = await Promise.all([
    countOf(db, 'articleReads', { articleId: article._id }),
    countOf(db, 'units', { buildingId: article.buildingId }),
  ]);
  return receiptsView(read, total);
}

/** Read counts of many articles in one request (the list's labels). */
export async function readCounts(
  db: Db,
  articleIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (articleIds.length === 0) return counts;
  const _ = db.command;
  const $ = db.command.aggregate;
  const result: unknown = await db
    .collection('articleReads')
    .aggregate()
    .match({ articleId: _.in([...articleIds]) })
    .group({ _id: '$articleId', n: $.sum(1) })
    .limit(articleIds.length)
    .end();
  const list = result && typeof result === 'object' ? (result as { list?: unknown }).list : null;
  if (Array.isArray(list)) {
    for (const row of list as Array<{ _id?: unknown; n?: unknown }>) {
      if (typeof row._id === 'string' && typeof row.n === 'number') counts.set(row._id, row.n);
    }
  }
  return counts;
}

/**
 * The flats that have not read an article, by floor and number: what the last-mile tracker
 * visits. Exported for the tracker and the scheduled job.
 */
export async function unreadUnits(
  articleId: string,
  db: Db = registryDb(),
): Promise<UnreadUnitView[]> {
  const article = await loadArticle(docs(db), articleId);
  const [units, reads] = await Promise.all([
    readAll<Unit>(db, 'units', { buildingId: article.buildingId }),
    readAll<ArticleRead>(db, 'articleReads', { articleId }),
  ]);
  const read = new Set(reads.map((r) => r.unitId));
  return units
    .filter((u) => !read.has(u._id))
    .sort((a, b) => a.floor - b.floor || (a.unitNo < b.unitNo ? -1 : 1))
    .map((u) => ({ unitId: u._id, unitNo: u.unitNo, floor: u.floor }));
}

/** articles.receipts: the count and the flats still to reach. */
export async function articleReceipts(
  request: { articleId: string },
  ctx: UseCaseContext,
): Promise<{ read: number; total: number; label: string; unread: UnreadUnitView[] }> {
  const article = await loadArticle(docs(ctx.db), request.articleId);
  const [counts, unread] = await Promise.all([
    receiptsOf(ctx.db, article),
    unreadUnits(request.articleId, ctx.db),
  ]);
  return { ...counts, unread };
}
