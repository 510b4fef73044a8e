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
