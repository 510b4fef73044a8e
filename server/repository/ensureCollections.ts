import type { Db } from '../cloud';
import { COLLECTIONS } from '../collections';

/**
 * Creates every declared collection that does not exist yet (idempotent): the cloud refuses
 * writes to unknown collections. Client access rules are applied separately (deploy steps).
 */
export async function ensureCollections(
  db: Db,
): Promise<{ created: string[]; existing: string[] }> {
  const created: string[] = [];
  const existing: string[] = [];
  for (const { name } of COLLECTIONS) {
    try {
      await db.createCollection(name);
      created.push(name);
    } catch (error) {
      const text = error instanceof Error ? error.message : JSON.stringify(error);
      if (!/exist/i.test(text)) throw error;
      existing.push(name);
    }
  }
  return { created, existing };
}
