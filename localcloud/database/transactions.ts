import { randomBytes } from 'node:crypto';
import { CloudError } from '../errors';
import type { Doc } from './ejson';
import type { Store, Write } from './store';

/** What `runTransaction` in @cloudbase/database retries on (error.code compared as a string). */
export const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';

const wkey = (collection: string, key: string): string => `${collection}\u0000${key}`;

export interface Transaction {
  readonly id: string;
  /** Commit number whose state this transaction reads. */
  readonly snapshot: number;
  readonly writes: Map<string, Write>;
  /** Set when another writer got to one of our documents first; commit will fail. */
  conflict: boolean;
  lastUsed: number;
}

/**
 * Snapshot-isolated transactions over the store. Writes stay private until commit. A write-write
 * conflict (another open transaction wrote the document first, or a commit changed it after our
 * snapshot) dooms the transaction: the write itself is accepted and the commit answers
 * DATABASE_TRANSACTION_CONFLICT. The conflict is reported at commit because wx-server-sdk rewraps
 * errors of reads and writes inside the callback (dropping `code`), so runTransaction only ever
 * retries on a failed commit.
 */
export class TransactionManager {
  private readonly open = new Map<string, Transaction>();

  constructor(
    private readonly store: Store,
    private readonly clock: () => number,
    private readonly idleMs: number,
  ) {}

  start(): Transaction {
    const tx: Transaction = {
      id: randomBytes(12).toString('hex'),
      snapshot: this.store.seq,
      writes: new Map(),
      conflict: false,
      lastUsed: this.clock(),
    };
    this.open.set(tx.id, tx);
    this.updateFloor();
    return tx;
  }

  /** The open transaction with this id; idle ones are aborted on the way. */
  get(id: unknown): Transaction {
    this.sweep();
    const tx = typeof id === 'string' ? this.open.get(id) : undefined;
    if (!tx) {
      throw new CloudError(
        'DATABASE_TRANSACTION_FAIL',
        `transaction ${String(id)} does not exist, was committed, aborted, or idle for too long`,
      );
    }
    tx.lastUsed = this.clock();
    return tx;
  }

  /** A document as this transaction sees it: its own writes over its snapshot. */
  read(tx: Transaction, collection: string, key: string): Doc | null {
    const own = tx.writes.get(wkey(collection, key));
    if (own) return own.doc;
    return this.store.readAt(collection, key, tx.snapshot)?.doc ?? null;
  }

  write(tx: Transaction, write: Write): void {
    const k = wkey(write.collection, write.key);
    if (!tx.writes.has(k)) {
      const takenByOther = [...this.open.values()].some(
        (other) => other !== tx && !other.conflict && other.writes.has(k),
      );
      if (takenByOther || this.store.changedSince(write.collection, write.key, tx.snapshot)) {
        tx.conflict = true;
      }
    }
    tx.writes.set(k, write);
  }

  commit(id: unknown): void {
    const tx = this.get(id);
    const writes = [...tx.writes.values()];
    // Checked before end(): ending may drop the history that records deletions.
    const stale = writes.some((w) => this.store.changedSince(w.collection, w.key, tx.snapshot));
    this.end(tx);
    if (tx.conflict || stale)
      throw new CloudError('DATABASE_TRANSACTION_CONFLICT', CONFLICT_MESSAGE);
    this.store.commit(writes);
  }

  abort(id: unknown): void {
    this.end(this.get(id));
  }

  /** Aborts transactions idle for longer than the limit. */
  sweep(): void {
    const now = this.clock();
    for (const tx of [...this.open.values()]) {
      if (now - tx.lastUsed > this.idleMs) this.end(tx);
    }
  }

  get openCount(): number {
    return this.open.size;
  }

  private end(tx: Transaction): void {
    this.open.delete(tx.id);
    this.updateFloor();
  }

  private updateFloor(): void {
    let floor: number | null = null;
    for (const tx of this.open.values())
      floor = floor === null ? tx.snapshot : Math.min(floor, tx.snapshot);
    this.store.setHistoryFloor(floor);
  }
}
