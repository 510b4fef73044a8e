import type { Person } from '../../core/registry/model';
import type { Db } from '../cloud';
import { readAll, readByIds } from '../repository/readAll';

/**
 * The people behind a building's units, for a file that names them. By ids that is a request per
 * five hundred (and on the local cloud each `_id in [...]` scans the collection: 12 s for 10,000
 * owners); the whole collection is a request per thousand. An export names nearly everyone, so
 * past a thousand ids it reads them all.
 */
export async function peopleNamed(db: Db, ids: readonly string[]): Promise<Person[]> {
  const wanted = new Set(ids);
  if (wanted.size <= 1000) return readByIds<Person>(db, 'people', [...wanted]);
  return (await readAll<Person>(db, 'people', {})).filter((p) => wanted.has(p._id));
}
