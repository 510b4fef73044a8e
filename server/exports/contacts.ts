import { contactsSheet } from '../../core/exports/contactsSheet';
import type { Sheet } from '../../core/exports/sheet';
import { lastMileRows } from '../../core/registry/lastMile';
import type { ContactStatus, Unit } from '../../core/registry/model';
import { ownersOn } from '../../core/registry/rights';
import type { Db } from '../cloud';
import { loadBuilding } from '../households/registry';
import { peopleNamed } from './people';
import { readAll } from '../repository/readAll';

/**
 * The last-mile contact list with phone numbers, for admins only (the policy table says so; the
 * rows here always carry phones). The same rows as the tracker (households.lastMile).
 */
export async function contactSheets(db: Db, now: Date): Promise<{ sheets: Sheet[]; rows: number }> {
  const building = await loadBuilding(db);
  const [units, contacts] = await Promise.all([
    readAll<Unit>(db, 'units', { buildingId: building._id }),
    readAll<ContactStatus>(db, 'contacts', { buildingId: building._id }),
  ]);
  const people = await peopleNamed(
    db,
    units.flatMap((u) => ownersOn(u, now)),
  );
  const rows = lastMileRows({ units, people, contacts, now, includePhones: true });
  return { sheets: [contactsSheet(rows)], rows: rows.length };
}
