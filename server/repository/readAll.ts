import type { Db } from '../cloud';
import { docsOf } from './results';

/** The server SDK returns at most 1000 documents a request (100 by default). */
const PAGE = 1000;

/**
 * Every document matching `where`, page by page in `_id` order. For registry-sized collections
 * (a building's units); never use it to count — counts come from `count()` or counters.
 */
export async function readAll<T>(
  db: Db,
  collection: string,
  where: Record<string, unknown>,
): Promise<T[]> {
  const out: T[] = [];
  for (;;) {
    const page = await docsOf<T>(
      db
        .collection(collection)
        .where(where)
        .orderBy('_id', 'asc')
        .skip(out.length)
        .limit(PAGE)
        .get(),
    );
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

/** Ids a request asks for at once: well under a page, so each answer comes whole. */
const IDS_PER_REQUEST = 500;

/**
 * The documents with these ids (missing ones are simply absent), however many: a building's
 * people or units can outnumber what one request returns, and nothing may stop at the cap.
 */
export async function readByIds<T>(
  db: Db,
  collection: string,
  ids: readonly string[],
): Promise<T[]> {
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += IDS_PER_REQUEST) {
    chunks.push(unique.slice(i, i + IDS_PER_REQUEST));
  }
  const pages = await Promise.all(
    chunks.map((chunk) => readAll<T>(db, collection, { _id: db.command.in(chunk) })),
  );
  return pages.flat();
}
