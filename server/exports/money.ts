import { isPaymentEntry, paymentsSheet, unitMoneySheet } from '../../core/exports/moneySheets';
import type { NameView, Sheet } from '../../core/exports/sheet';
import type { Unit } from '../../core/registry/model';
import { ownersOn } from '../../core/registry/rights';
import type { Db } from '../cloud';
import { allEntries, ledgerSheet } from '../ledger/exportLedger';
import type { BalanceDoc } from '../ledger/store';
import { readAll } from '../repository/readAll';
import { peopleNamed } from './people';

/**
 * The money for the property office: each unit's charge and payments, every payment, and the whole
 * ledger with its hashes (the ledger export's own sheet). Reads every unit, unit balance and entry
 * a thousand a request, and the owners' names five hundred a request.
 */
export async function moneySheets(
  db: Db,
  view: NameView,
  now: Date,
): Promise<{ sheets: Sheet[]; rows: number }> {
  const [entries, units, balances] = await Promise.all([
    allEntries(db),
    readAll<Unit>(db, 'units', {}),
    readAll<BalanceDoc>(db, 'balances', { kind: 'unit' }),
  ]);
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
        balances: balances
          .filter((b) => b.unitId !== null)
          .map((b) => ({ ...b, unitId: b.unitId ?? '' })),
        owners,
        payments,
        view,
      }),
      paymentsSheet(payments, unitNos, view),
      ledgerSheet(entries, unitNos),
    ],
  };
}
