import { accountKind, unitIdOfAccount, type AccountId } from '../../core/ledger/accounts';
import {
  applyDelta,
  deltasOf,
  unitPayStatus,
  ZERO_BALANCE,
  type UnitPayStatus,
} from '../../core/ledger/balances';
import { GENESIS_HASH, sealed } from '../../core/ledger/canonical';
import { entryOf, type LedgerEntry, type TransferRequest } from '../../core/ledger/transfers';
import { HEAD_ID, type BalanceDoc, type HeadDoc, type PendingDoc } from './store';

/**
 * One posting's effect on the ledger's documents, as plain data: the sealed entry, the balances
 * it moves (with each unit's standing), the head's counters and the pending record. Posting
 * (post.ts, inside a transaction) and the seed's documents (seedDocs.ts, without a cloud) both
 * append through here, so `tongti ledger verify` cannot tell them apart.
 */
export interface LedgerState {
  head: HeadDoc;
  /** Every account the request touches must be here (read from the store, or emptyBalance). */
  balances: Map<AccountId, BalanceDoc>;
  pendings: Map<string, PendingDoc>;
}

export function emptyHead(at: string): HeadDoc {
  return {
    _id: HEAD_ID,
    seq: 0,
    hash: GENESIS_HASH,
    units: { paid: 0, partly: 0, unpaid: 0 },
    collectedFen: 0,
    pendingPaidFen: 0,
    updatedAt: at,
  };
}

export function emptyBalance(account: AccountId, at: string): BalanceDoc {
  const unitId = unitIdOfAccount(account);
  return {
    _id: account,
    account,
    kind: accountKind(account),
    unitId,
    ...ZERO_BALANCE,
    status: unitId === null ? null : 'none',
    lastSeq: 0,
    updatedAt: at,
  };
}

function countStatus(head: HeadDoc, status: UnitPayStatus | null, by: 1 | -1): void {
  if (status === 'paid' || status === 'partly' || status === 'unpaid') head.units[status] += by;
}

/**
 * Appends a request the caller has already checked (its id unused; the pending transfer it posts
 * or voids exists, is pending and matches) and returns its entry.
 */
export function appendEntry(state: LedgerState, req: TransferRequest, at: string): LedgerEntry {
  const { head, balances, pendings } = state;
  const settles = req.postPendingId ?? req.voidPendingId;
  const pending = settles ? pendings.get(settles) : undefined;
  if (settles && pending) {
    pendings.set(settles, {
      ...pending,
      status: req.postPendingId ? 'posted' : 'voided',
      settledBy: req.id,
      settledAt: at,
    });
  }
  const entry = sealed(entryOf(req, head.seq + 1, at, head.hash));
  for (const delta of deltasOf(entry)) {
    const before = balances.get(delta.account) ?? emptyBalance(delta.account, at);
    const moved = applyDelta(before, delta);
    const status = before.unitId === null ? null : unitPayStatus(moved);
    const other = delta.account === entry.from ? entry.to : entry.from;
    // Money into or out of a unit other than its charge counts as collected (or pending cash).
    if (before.unitId !== null && other !== 'assessments') {
      head.collectedFen = (head.collectedFen ?? 0) - delta.postedFen;
      head.pendingPaidFen = (head.pendingPaidFen ?? 0) - delta.pendingFen;
    }
    countStatus(head, before.status, -1);
    countStatus(head, status, 1);
    balances.set(delta.account, { ...before, ...moved, status, lastSeq: entry.seq, updatedAt: at });
  }
  if (entry.pending) {
    pendings.set(entry.id, {
      _id: entry.id,
      kind: entry.kind,
      from: entry.from,
      to: entry.to,
      amountFen: entry.amountFen,
      unitId: entry.unitId,
      status: 'pending',
      seq: entry.seq,
      at,
      settledBy: null,
      settledAt: null,
    });
  }
  head.seq = entry.seq;
  head.hash = entry.hash;
  head.updatedAt = at;
  return entry;
}
