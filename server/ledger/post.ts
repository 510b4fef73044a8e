import type { AccountId } from '../../core/ledger/accounts';
import {
  requestProblem,
  sameTransfer,
  type EntryDoc,
  type LedgerEntry,
  type TransferRequest,
} from '../../core/ledger/transfers';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { inTransaction, registryDb, type Docs } from '../repository/docs';
import { appendEntry, emptyBalance, emptyHead } from './append';
import { HEAD_ID, type BalanceDoc, type HeadDoc, type PendingDoc } from './store';

/**
 * Posting transfers: each becomes one entry of the hash chain, written in the same transaction
 * as the balances it moves and the chain head. Every posting reads and writes the head, so
 * concurrent postings conflict and retry rather than fork the chain.
 */

/** The transaction object as server/repository/docs.ts `inTransaction` gives it. */
export type LedgerTx = Docs;

export interface PostOutcome {
  id: string;
  outcome: 'posted' | 'duplicate';
  seq: number;
}

/**
 * Inside the CALLER's transaction (so, e.g., a payment order's status and its transfer commit
 * together). A request whose id already has an entry is 'duplicate' and writes nothing; the same
 * id with other accounts or amount throws CONFLICT.
 */
export async function postTransfers(
  tx: LedgerTx,
  requests: readonly TransferRequest[],
  at: string,
): Promise<PostOutcome[]> {
  const storedHead = await tx.get<HeadDoc>('ledgerHead', HEAD_ID);
  const head: HeadDoc = storedHead
    ? { ...storedHead, units: { ...storedHead.units } }
    : emptyHead(at);
  const balances = new Map<AccountId, BalanceDoc>();
  const pendings = new Map<string, PendingDoc>();
  const written = new Map<string, LedgerEntry>();
  const out: PostOutcome[] = [];

  const balanceOf = async (account: AccountId): Promise<BalanceDoc> => {
    const cached = balances.get(account);
    if (cached) return cached;
    const doc = (await tx.get<BalanceDoc>('balances', account)) ?? emptyBalance(account, at);
    balances.set(account, doc);
    return doc;
  };
  const pendingOf = async (id: string): Promise<PendingDoc | null> => {
    const cached = pendings.get(id);
    if (cached) return cached;
    const doc = await tx.get<PendingDoc>('ledgerPending', id);
    if (doc) pendings.set(id, doc);
    return doc;
  };

  for (const req of requests) {
    const problem = requestProblem(req);
    if (problem) throw new AppError('INVALID_INPUT', problem);
    const existing = written.get(req.id) ?? (await tx.get<EntryDoc>('entries', req.id));
    if (existing) {
      if (!sameTransfer(existing, req)) {
        throw new AppError('CONFLICT', `转账 ${req.id} 已按不同的账户或金额记账，不能重复使用编号`);
      }
      out.push({ id: req.id, outcome: 'duplicate', seq: existing.seq });
      continue;
    }
    const settles = req.postPendingId ?? req.voidPendingId;
    if (settles) {
      const pending = await pendingOf(settles);
      if (!pending) throw new AppError('NOT_FOUND', `没有待确认的转账 ${settles}`);
      if (pending.status !== 'pending') {
        throw new AppError(
          'CONFLICT',
          `转账 ${settles} 已${pending.status === 'posted' ? '确认入账' : '作废'}，不能再处理`,
        );
      }
      if (
        pending.from !== req.from ||
        pending.to !== req.to ||
        pending.amountFen !== req.amountFen
      ) {
        throw new AppError('INVALID_INPUT', `确认或作废须与待确认转账 ${settles} 的账户和金额一致`);
      }
    }
    // The accounts it moves are read once, before the (synchronous) append.
    await balanceOf(req.from);
    await balanceOf(req.to);
    const entry = appendEntry({ head, balances, pendings }, req, at);
    await tx.set('entries', entry.id, entry);
    written.set(entry.id, entry);
    out.push({ id: entry.id, outcome: 'posted', seq: entry.seq });
  }
  if (written.size === 0) return out;
  for (const doc of balances.values()) await tx.set('balances', doc._id, doc);
  for (const doc of pendings.values()) await tx.set('ledgerPending', doc._id, doc);
  await tx.set('ledgerHead', HEAD_ID, head);
  return out;
}

/** What inTransaction answers when the SDK's own retries did not clear a write conflict. */
const RETRYABLE = '记账的人较多，请稍后再试';

export interface RetryOptions {
  /** Transactions tried at most (each with the SDK's own retries); default 40. */
  attempts?: number;
  /**
   * No new attempt after this long (default 8 s), well inside a function's timeout: a function
   * killed mid-transaction would leave its writes holding the chain head until the database
   * drops them. The caller gets CONFLICT and may simply try again.
   */
  deadlineMs?: number;
  /** The cap of the random back-off between attempts, in ms; default 1000. */
  maxDelayMs?: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `work` in a transaction, retried on a write conflict (bounded, with random exponential
 * back-off) beyond the SDK's 3 retries: the chain head makes every posting conflict with every
 * other, so a burst needs more patience than the SDK has. Other failures pass unchanged.
 */
/**
 * Ledger transactions of one function instance (or process) queue behind each other: they would
 * all conflict on the chain head anyway, and a queue costs nothing where retries cost round trips.
 * Instances still race each other; the retries below settle that.
 */
let queue: Promise<unknown> = Promise.resolve();

export function inLedgerTransaction<T>(
  db: Db,
  work: (tx: LedgerTx) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const run = queue.then(
    () => retried(db, work, options),
    () => retried(db, work, options),
  );
  queue = run.catch(() => undefined);
  return run;
}

async function retried<T>(
  db: Db,
  work: (tx: LedgerTx) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const attempts = options.attempts ?? 40;
  const cap = options.maxDelayMs ?? 1000;
  const deadline = Date.now() + (options.deadlineMs ?? 8000);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await inTransaction(db, work, RETRYABLE);
    } catch (error) {
      const retryable =
        error instanceof AppError && error.code === 'CONFLICT' && error.message === RETRYABLE;
      if (!retryable || attempt >= attempts || Date.now() >= deadline) {
        if (retryable) throw new AppError('CONFLICT', '同时记账的人较多，请稍后再试');
        throw error;
      }
      await sleep(Math.random() * Math.min(cap, 8 * 2 ** attempt));
    }
  }
}

/** Its own transaction, retried until it goes through (bounded), for callers with nothing else to write. */
export async function postTransfersAlone(
  requests: readonly TransferRequest[],
  at: string,
  db: Db = registryDb(),
): Promise<PostOutcome[]> {
  return inLedgerTransaction(db, (tx) => postTransfers(tx, requests, at));
}
