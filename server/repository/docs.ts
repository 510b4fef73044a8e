import { sdk, type Db } from '../cloud';
import type { CollectionName } from '../collections';
import { AppError } from '../errors';
import { docsOf } from './results';

/**
 * Typed document access over wx-server-sdk, the same inside and outside a transaction. The SDK
 * declares its calls loosely (callback overloads, `any`); these narrow them in one place.
 *
 * The database is opened with `throwOnNotFound: false` so a missing document reads as null — in a
 * transaction the SDK would otherwise throw a string and lose the distinction from real failures.
 */

interface RawDoc {
  get(): Promise<unknown>;
  set(options: { data: object }): Promise<unknown>;
  update(options: { data: object }): Promise<unknown>;
  remove(): Promise<unknown>;
}

interface RawCollection {
  doc(id: string): RawDoc;
  add(options: { data: object }): Promise<unknown>;
}

interface RawScope {
  collection(name: string): RawCollection;
}

/** Reads and writes of whole documents by id: what a transaction allows. */
export interface Docs {
  get<T>(collection: CollectionName, id: string): Promise<T | null>;
  /** Creates or replaces the document (its `_id` field, if any, is ignored). */
  set(collection: CollectionName, id: string, doc: object): Promise<void>;
  /** Merges fields into the document; nested objects merge, arrays are replaced. */
  update(collection: CollectionName, id: string, fields: object): Promise<void>;
  remove(collection: CollectionName, id: string): Promise<void>;
  add(collection: CollectionName, doc: object): Promise<void>;
}

let opened: Db | null = null;

/** The registry's database handle (one per function instance). */
export function registryDb(): Db {
  if (!opened) {
    // Not in the SDK's declared config type, but read by its DocumentReference.get().
    const config = { throwOnNotFound: false };
    opened = sdk().database(config as unknown as Parameters<ReturnType<typeof sdk>['database']>[0]);
  }
  return opened;
}

function withoutId(doc: object): object {
  const { _id: _ignored, ...rest } = doc as { _id?: unknown };
  return rest;
}

function docsOn(scope: RawScope): Docs {
  return {
    async get<T>(collection: CollectionName, id: string): Promise<T | null> {
      const result: unknown = await scope.collection(collection).doc(id).get();
      if (result && typeof result === 'object' && 'data' in result) {
        const data = (result as { data: unknown }).data;
        if (Array.isArray(data)) return (data[0] as T | undefined) ?? null;
        return (data as T | null) ?? null;
      }
      return null;
    },
    async set(collection, id, doc) {
      await scope
        .collection(collection)
        .doc(id)
        .set({ data: withoutId(doc) });
    },
    async update(collection, id, fields) {
      await scope
        .collection(collection)
        .doc(id)
        .update({ data: withoutId(fields) });
    },
    async remove(collection, id) {
      await scope.collection(collection).doc(id).remove();
    },
    async add(collection, doc) {
      await scope.collection(collection).add({ data: doc });
    },
  };
}

/** Document access outside a transaction. */
export function docs(db: Db): Docs {
  return docsOn(db as unknown as RawScope);
}

/**
 * Runs `work` in a transaction (retried by the SDK on a write conflict). An AppError thrown inside
 * rolls everything back and reaches the caller unchanged; a conflict the SDK's retries could not
 * clear becomes CONFLICT, which the mini program retries, with `conflictMessage` for the person.
 */
export async function inTransaction<T>(
  db: Db,
  work: (tx: Docs) => Promise<T>,
  conflictMessage = '同时操作的人较多，请稍后再试',
): Promise<T> {
  try {
    const result: unknown = await db.runTransaction(
      (raw: unknown) => work(docsOn(raw as RawScope)),
      3,
    );
    return result as T;
  } catch (error) {
    if (isTransactionConflict(error)) throw new AppError('CONFLICT', conflictMessage);
    throw error;
  }
}

/** The SDK gives up on a write conflict after its retries by throwing the raw response. */
export function isTransactionConflict(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message, errMsg } = error as {
    code?: unknown;
    message?: unknown;
    errMsg?: unknown;
  };
  const text = [code, message, errMsg].filter((v) => typeof v === 'string').join(' ');
  // The local cloud says DATABASE_TRANSACTION_CONFLICT at commit; the cloud's MongoDB may say
  // WriteConflict on the write itself.
  return /TRANSACTION_CONFLICT|TransactionConflict|WriteConflict/i.test(text);
}

export interface FindOptions {
  orderBy?: [string, 'asc' | 'desc'];
  limit?: number;
}

/** One page of documents matching `where` (at most `limit`, default 100, never above 1000). */
export async function find<T>(
  db: Db,
  collection: CollectionName,
  where: Record<string, unknown>,
  options: FindOptions = {},
): Promise<T[]> {
  let query = db.collection(collection).where(where);
  if (options.orderBy) query = query.orderBy(options.orderBy[0], options.orderBy[1]);
  return docsOf<T>(query.limit(Math.min(options.limit ?? 100, 1000)).get());
}

/** How many documents match `where` (never by reading them). */
export async function countOf(
  db: Db,
  collection: CollectionName,
  where: Record<string, unknown>,
): Promise<number> {
  const result: unknown = await db.collection(collection).where(where).count();
  if (result && typeof result === 'object' && 'total' in result) {
    const total = (result as { total: unknown }).total;
    if (typeof total === 'number') return total;
  }
  throw new Error('database answered a count without a total');
}

/** Inserts many documents, a hundred a request; returns how many were written. */
export async function addMany(
  db: Db,
  collection: CollectionName,
  documents: readonly object[],
  onProgress?: (written: number) => void,
): Promise<number> {
  const CHUNK = 100;
  let written = 0;
  for (let i = 0; i < documents.length; i += CHUNK) {
    const chunk = documents.slice(i, i + CHUNK);
    await db.collection(collection).add({ data: chunk as unknown as object });
    written += chunk.length;
    onProgress?.(chunk.length);
  }
  return written;
}
