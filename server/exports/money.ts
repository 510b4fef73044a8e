import { isPaymentEntry, paymentsSheet, unitMoneySheet } from '../../core/exports/moneySheets';
import type { NameView, Sheet } from '../../core/exports/sheet';
import type { Unit } from '../../core/registry/model';
import { ownersOn } from '../../core/registry/rights';
import { unitAccount } from '../../core/ledger/accounts';
import { recount, unitPayStatus, ZERO_BALANCE } from '../../core/ledger/balances';
import type { Db } from '../cloud';
import { allEntries, ledgerSheet } from '../ledger/exportLedger';
import { readAll } from '../repository/readAll';
import { peopleNamed } from './people';

/**
 * The money for the property office: each unit's charge and payments, every payment, and the whole
 * ledger with its hashes (the ledger export's own sheet). Reads every entry and unit a thousand a
 * request, and the owners' names (see peopleNamed).
 */
export async function moneySheets(
  db: Db,
  view: NameView,
  now: Date,
): Promise<{ sheets: Sheet[]; rows: number }> {
  const [entries, units] = await Promise.all([allEntries(db), readAll<Unit>(db, 'units', {})]);
  // Balances recounted from the very entries on the ledger sheet: the file agrees with itself
  // even when a payment lands while it is read (and ten requests fewer at 10,000 units).
  const recounted = recount(entries);
  const ownerIds = new Map(units.map((u) => [u._id, ownersOn(u, now)]));
  const people = await peopleNamed(db, [...ownerIds.values()].flat());
  const names = new Map(people.map((p) => [p._id, p.name]));
  const owners = new Map(
    [...ownerIds].map(([unitId, ids]) => [
      unitId,
      ids.map((id) => names.get(id)).filter((n): n is string => n !== undefined),
    ]),
  );
  const unitNos = new Map(units.map((u) => [u._id, u.unitNo]));
  const payments = entries.filter(isPaymentEntry);
  return {
    rows: units.length,
    sheets: [
      unitMoneySheet({
        units,
        balances: units.map((u) => {
          const b = recounted.get(unitAccount(u._id)) ?? ZERO_BALANCE;
          return { unitId: u._id, ...b, status: unitPayStatus(b) };
        }),
        owners,
        payments,
        view,
      }),
      paymentsSheet(payments, unitNos, view),
      ledgerSheet(entries, unitNos),
    ],
  };
}
