import { CloudError } from '../errors';
import type { LocalCloudModule } from '../module';
import { collectionMissing, databaseActions, validateCollectionName } from './actions';
import { type Doc, fromSeed, isPlainObject, toPlain } from './ejson';
import { assertDocId, idKey, newDocId } from './ids';
import { Store, type Write } from './store';
import { TransactionManager } from './transactions';

export { CONFLICT_MESSAGE } from './transactions';
export { GET_DEFAULT_LIMIT, GET_MAX_LIMIT, RESULT_MAX_BYTES } from './actions';
export { AGGREGATE_DEFAULT_LIMIT } from './aggregate';

export interface DatabaseOptions {
  /** Data folder; the SQLite file lives inside it. */
  dir: string;
  /** Server clock (serverDate, transaction idleness); tests pass a fake one. */
  clock?: () => number;
  /** Transactions idle longer than this are aborted. Default 30 s. */
  transactionIdleMs?: number;
}

export interface Database {
  /** `/admin` actions keyed 'database.getDocument', ... */
  module: LocalCloudModule;
  listCollections(): string[];
  /** How many commits have changed the store since it was created: a write counter. */
  commits(): number;
  /** Idempotent. */
  createCollection(name: string): void;
  /** Plain JSON-able documents (dates as ISO strings) for the console page. */
  documents(collection: string, offset: number, limit: number): { total: number; docs: unknown[] };
  /** Creates the collections and inserts the documents, all in one transaction. */
  loadSeed(collections: Record<string, Record<string, unknown>[]>): void;
  close(): void;
}

const TRANSACTION_IDLE_MS = 30_000;
const SWEEP_EVERY_MS = 5_000;

export function openDatabase(opts: DatabaseOptions): Database {
  const clock = opts.clock ?? Date.now;
  const store = new Store(opts.dir);
  const txs = new TransactionManager(store, clock, opts.transactionIdleMs ?? TRANSACTION_IDLE_MS);
  // Idle transactions also pin old document versions in memory, so sweep them without waiting
  // for the next request.
  const sweeper = setInterval(() => txs.sweep(), SWEEP_EVERY_MS);
  sweeper.unref();
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(sweeper);
    store.close();
  };

  return {
    module: { actions: databaseActions({ store, txs, clock }), close },
    listCollections: () => store.listCollections(),
    commits: () => store.seq,
    createCollection: (name) => {
      store.createCollection(validateCollectionName(name));
    },
    documents: (collection, offset, limit) => {
      if (!store.hasCollection(collection)) throw collectionMissing(collection);
      const all = [...store.docs(collection).values()];
      return {
        total: all.length,
        docs: all
          .slice(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit))
          .map((s) => toPlain(s.doc)),
      };
    },
    loadSeed: (collections) => {
      const now = clock();
      const names = Object.keys(collections).map(validateCollectionName);
      const writes: Write[] = [];
      const seen = new Set<string>();
      for (const name of names) {
        for (const raw of collections[name] ?? []) {
          const doc = fromSeed(raw, now);
          if (!isPlainObject(doc))
            throw new CloudError('INVALID_PARAM', `seed ${name}: not an object`);
          const { _id: given, ...fields } = doc;
          const id = given === undefined ? newDocId() : assertDocId(given);
          const key = idKey(id);
          if (seen.has(`${name}\u0000${key}`) || store.get(name, key)) {
            throw new CloudError(
              'DATABASE_REQUEST_FAILED',
              `seed ${name}: duplicate _id ${String(id)}`,
            );
          }
          seen.add(`${name}\u0000${key}`);
          const stored: Doc = { _id: id, ...fields };
          writes.push({ collection: name, key, doc: stored });
        }
      }
      store.commit(writes, names);
    },
    close,
  };
}
