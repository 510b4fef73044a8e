import type { AccountId } from '../../core/ledger/accounts';
import {
  requestProblem,
  type LedgerEntry,
  type TransferRequest,
} from '../../core/ledger/transfers';
import { appendEntry, emptyHead, type LedgerState } from './append';
import type { BalanceDoc, HeadDoc, PendingDoc } from './store';

/**
 * The documents posting.ts would have written for these transfers, posted one by one in order,
 * built without a cloud: the demo seed and the benches load them as they are. Both append through
 * append.ts, so `tongti ledger verify` and the next real posting find nothing to tell them apart.
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
  const state: LedgerState = {
    head: emptyHead(postings[0]?.at ?? ''),
    balances: new Map<AccountId, BalanceDoc>(),
    pendings: new Map<string, PendingDoc>(),
  };
  const ids = new Set<string>();
  for (const { request: req, at } of postings) {
    const problem = requestProblem(req);
    if (problem) throw new Error(`ledger seed: ${req.id}: ${problem}`);
    if (ids.has(req.id)) throw new Error(`ledger seed: ${req.id} twice`);
    ids.add(req.id);
    const settles = req.postPendingId ?? req.voidPendingId;
    if (settles && state.pendings.get(settles)?.status !== 'pending') {
      throw new Error(`ledger seed: ${req.id} settles no pending transfer`);
    }
    entries.push(appendEntry(state, req, at));
  }
  return {
    entries: entries.map((e) => ({ ...e, _id: e.id })),
    balances: [...state.balances.values()],
    ledgerHead: entries.length ? [state.head] : [],
    ledgerPending: [...state.pendings.values()],
  };
}
