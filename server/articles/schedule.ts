/**
 * Scheduled publication: the scheduled job calls `publishDueArticles(now)` on every run. Running
 * it twice (or two runs overlapping) publishes each article once: each flip happens in its own
 * transaction that re-reads the article and skips it unless it is still scheduled and due.
 */
import { type Article, dueForPublication } from '../../core/articles';
import { shanghaiIso } from '../../core/registry/time';
import type { Db } from '../cloud';
import { auditEntry } from '../repository/audit';
import { find, inTransaction, registryDb } from '../repository/docs';

/** The scheduler acts as nobody in particular; its audit entries say so. */
const SCHEDULER = { openid: 'system:scheduler', roles: [] as string[] };

export async function publishDueArticles(
  now: Date,
  db: Db = registryDb(),
  requestId = '',
): Promise<{ published: string[] }> {
  const nowIso = shanghaiIso(now);
  const candidates = await find<Article>(
    db,
    'articles',
    { status: 'scheduled', publishAt: db.command.lte(nowIso) },
    { orderBy: ['publishAt', 'asc'], limit: 100 },
  );
  const published: string[] = [];
  for (const candidate of dueForPublication(candidates, now.getTime())) {
    const flipped = await inTransaction(db, async (tx) => {
      const article = await tx.get<Article>('articles', candidate._id);
      if (!article || dueForPublication([article], now.getTime()).length === 0) return false;
      await tx.update('articles', article._id, {
        status: 'published',
        publishedAt: article.publishAt ?? nowIso,
        updatedAt: nowIso,
      });
      await tx.add(
        'audit',
        auditEntry({ now, requestId }, SCHEDULER, 'articles.publishDue', article._id, {
          publishAt: article.publishAt,
        }),
      );
      return true;
    });
    if (flipped) published.push(candidate._id);
  }
  return { published };
}
