import { accountKind, unitIdOfAccount, type AccountId } from '../../core/ledger/accounts';
import { applyDelta, deltasOf, unitPayStatus, ZERO_BALANCE } from '../../core/ledger/balances';
import { GENESIS_HASH, sealed } from '../../core/ledger/canonical';
import {
  entryOf,
  requestProblem,
  type LedgerEntry,
  type TransferRequest,
} from '../../core/ledger/transfers';
import { HEAD_ID, type BalanceDoc, type HeadDoc, type PendingDoc } from './store';

/**
 * The documents posting.ts would have written for these transfers, posted one by one in order,
 * built without a cloud: the demo seed and the benches load them as they are. The steps are
 * post.ts's (the same core builders for entries, deltas and standings, the same head counters),
 * so `tongti ledger verify` and the next real posting find nothing to tell them apart.
 */
export interface Posting {
  request: TransferRequest;
  /** ISO instant (+08:00) of the posting. */
  at: string;
}

export interface LedgerSeedDocs {
  entries: Array<LedgerEntry & { _id: string }>;
  balances: BalanceDoc[];
  ledgerHead: HeadDoc[];
  ledgerPending: PendingDoc[];
}

export function ledgerDocs(postings: readonly Posting[]): LedgerSeedDocs {
  const entries: LedgerEntry[] = [];
  const balances = new Map<AccountId, BalanceDoc>();
  const pendings = new Map<string, PendingDoc>();
  const head: HeadDoc = {
    _id: HEAD_ID,
    seq: 0,
    hash: GENESIS_HASH,
    units: { paid: 0, partly: 0, unpaid: 0 },
    collectedFen: 0,
    pendingPaidFen: 0,
    updatedAt: postings[0]?.at ?? '',
  };
  const count = (status: string | null, by: 1 | -1): void => {
    if (status === 'paid' || status === 'partly' || status === 'unpaid') head.units[status] += by;
  };
  for (const { request: req, at } of postings) {
    const problem = requestProblem(req);
    if (problem) throw new Error(`ledger seed: ${req.id}: ${problem}`);
    if (entries.some((e) => e.id === req.id)) throw new Error(`ledger seed: ${req.id} twice`);
    const settles = req.postPendingId ?? req.voidPendingId;
    if (settles) {
      const pending = pendings.get(settles);
      if (!pending || pending.status !== 'pending')
        throw new Error(`ledger seed: ${req.id} settles no pending transfer`);
      pendings.set(settles, {
        ...pending,
        status: req.postPendingId ? 'posted' : 'voided',
        settledBy: req.id,
        settledAt: at,
      });
    }
    const entry = sealed(entryOf(req, head.seq + 1, at, head.hash));
    entries.push(entry);
    for (const delta of deltasOf(entry)) {
      const unitId = unitIdOfAccount(delta.account);
      const before: BalanceDoc = balances.get(delta.account) ?? {
        _id: delta.account,
        account: delta.account,
        kind: accountKind(delta.account),
        unitId,
        ...ZERO_BALANCE,
        status: unitId === null ? null : 'none',
        lastSeq: 0,
        updatedAt: at,
      };
      const moved = applyDelta(before, delta);
      const status = before.unitId === null ? null : unitPayStatus(moved);
      const other = delta.account === entry.from ? entry.to : entry.from;
      if (before.unitId !== null && other !== 'assessments') {
        head.collectedFen = (head.collectedFen ?? 0) - delta.postedFen;
        head.pendingPaidFen = (head.pendingPaidFen ?? 0) - delta.pendingFen;
      }
      count(before.status, -1);
      count(status, 1);
      balances.set(delta.account, {
        ...before,
        ...moved,
        status,
        lastSeq: entry.seq,
        updatedAt: at,
      });
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
  }
  return {
    entries: entries.map((e) => ({ ...e, _id: e.id })),
    balances: [...balances.values()],
    ledgerHead: entries.length ? [head] : [],
    ledgerPending: [...pendings.values()],
  };
}
