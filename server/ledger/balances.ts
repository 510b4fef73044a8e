import type { AccountId } from '../../core/ledger/accounts';
import type { EntryDoc } from '../../core/ledger/transfers';
import type { Db } from '../cloud';
import { docsOf } from '../repository/results';
import { find, registryDb } from '../repository/docs';
import type { BalanceDoc } from './store';

/** Reading balances and a unit's entries. */

export interface AccountBalance {
  postedFen: number;
  /** What pending transfers would add if posted (for `unit:X`: negative while cash awaits the treasurer). */
  pendingFen: number;
  /** Unit accounts: what was charged, net of charge corrections (0 elsewhere). */
  chargedFen?: number;
}

export async function balancesOf(
  accounts: readonly AccountId[],
  db: Db = registryDb(),
): Promise<Map<AccountId, AccountBalance>> {
  const out = new Map<AccountId, AccountBalance>();
  const unique = [...new Set(accounts)];
  for (let i = 0; i < unique.length; i += 100) {
    const ids = unique.slice(i, i + 100);
    const docs = await find<BalanceDoc>(
      db,
      'balances',
      { _id: db.command.in(ids) },
      { limit: 1000 },
    );
    for (const doc of docs) {
      out.set(doc.account, {
        postedFen: doc.postedFen,
        pendingFen: doc.pendingFen,
        chargedFen: doc.chargedFen,
      });
    }
  }
  for (const account of unique) {
    if (!out.has(account)) out.set(account, { postedFen: 0, pendingFen: 0, chargedFen: 0 });
  }
  return out;
}

/** Every entry of one unit, oldest first, read a thousand at a time by seq. */
export async function unitEntries(unitId: string, db: Db = registryDb()): Promise<EntryDoc[]> {
  const out: EntryDoc[] = [];
  let after = 0;
  for (;;) {
    const page = await docsOf<EntryDoc>(
      db
        .collection('entries')
        .where({ unitId, seq: db.command.gt(after) })
        .orderBy('seq', 'asc')
        .limit(1000)
        .get(),
    );
    out.push(...page);
    const last = page[page.length - 1];
    if (page.length < 1000 || !last) return out;
    after = last.seq;
  }
}
