import { accountKind, type AccountId } from './accounts';
import type { LedgerEntry } from './transfers';

/**
 * Balances derived from entries. `postedFen` moves with posted transfers; `pendingFen` is what
 * pending transfers would add if posted (for `unit:X`, negative while cash awaits the treasurer);
 * `chargedFen` (unit accounts) is what was charged to the unit net of charge corrections.
 */
export interface BalanceState {
  postedFen: number;
  pendingFen: number;
  chargedFen: number;
}

export interface BalanceDelta {
  account: AccountId;
  postedFen: number;
  pendingFen: number;
  chargedFen: number;
}

export const ZERO_BALANCE: BalanceState = { postedFen: 0, pendingFen: 0, chargedFen: 0 };

/** What one entry changes, per account it touches (from first, then to). */
export function deltasOf(
  entry: Pick<
    LedgerEntry,
    'from' | 'to' | 'amountFen' | 'pending' | 'postPendingId' | 'voidPendingId'
  >,
): BalanceDelta[] {
  const a = entry.amountFen;
  let posted = 0;
  let pending = 0;
  if (entry.pending) pending = a;
  else if (entry.postPendingId) {
    posted = a;
    pending = -a;
  } else if (entry.voidPendingId) pending = -a;
  else posted = a;
  // Charges raise what the unit owes: a posted move between 'assessments' and a unit.
  const chargeMove = (account: AccountId, other: AccountId, sign: 1 | -1): number =>
    accountKind(account) === 'unit' && other === 'assessments' ? sign * posted : 0;
  return [
    {
      account: entry.from,
      postedFen: -posted,
      pendingFen: -pending,
      chargedFen: chargeMove(entry.from, entry.to, -1),
    },
    {
      account: entry.to,
      postedFen: posted,
      pendingFen: pending,
      chargedFen: chargeMove(entry.to, entry.from, 1),
    },
  ];
}

export function applyDelta(state: BalanceState, delta: BalanceDelta): BalanceState {
  return {
    postedFen: state.postedFen + delta.postedFen,
    pendingFen: state.pendingFen + delta.pendingFen,
    chargedFen: state.chargedFen + delta.chargedFen,
  };
}

/** Every account's balance, recounted from the entries. */
export function recount(entries: readonly LedgerEntry[]): Map<AccountId, BalanceState> {
  const out = new Map<AccountId, BalanceState>();
  for (const entry of entries) {
    for (const delta of deltasOf(entry)) {
      out.set(delta.account, applyDelta(out.get(delta.account) ?? ZERO_BALANCE, delta));
    }
  }
  return out;
}

export function sameBalance(a: BalanceState, b: BalanceState): boolean {
  return (
    a.postedFen === b.postedFen && a.pendingFen === b.pendingFen && a.chargedFen === b.chargedFen
  );
}

/** Σ posted and Σ pending over all accounts: both 0 in a sound ledger. */
export function totals(balances: Iterable<BalanceState>): {
  postedFen: number;
  pendingFen: number;
} {
  let postedFen = 0;
  let pendingFen = 0;
  for (const b of balances) {
    postedFen += b.postedFen;
    pendingFen += b.pendingFen;
  }
  return { postedFen, pendingFen };
}

export type UnitPayStatus = 'none' | 'paid' | 'partly' | 'unpaid';

/** A unit's standing: nothing charged, paid up (or over), partly paid, or nothing paid yet. */
export function unitPayStatus(balance: BalanceState): UnitPayStatus {
  if (balance.chargedFen <= 0) return 'none';
  if (balance.postedFen <= 0) return 'paid';
  if (balance.postedFen < balance.chargedFen) return 'partly';
  return 'unpaid';
}

export const UNIT_STATUS_LABELS: Record<UnitPayStatus, string> = {
  none: '无应缴',
  paid: '已缴清',
  partly: '部分缴纳',
  unpaid: '未缴',
};
