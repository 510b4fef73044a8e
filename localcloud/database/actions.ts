import { CloudError } from '../errors';
import type { AdminAction, AdminBody } from '../module';
import { parseStages, runPipeline } from './aggregate';
import { type Doc, parseWireObject } from './ejson';
import { assertDocId, idKey } from './ids';
import { insertDocs, modifyDocs, removeDocs, type Session, type Target } from './operations';
import { compileFilter, find, project } from './query';
import type { Store, Write } from './store';
import type { Transaction, TransactionManager } from './transactions';
import { cloneDoc } from './update';

/** Server-side get(): no limit means 100, and never more than 1000. */
export const GET_DEFAULT_LIMIT = 100;
export const GET_MAX_LIMIT = 1000;
/** Larger answers fail, as on the real service. */
export const RESULT_MAX_BYTES = 1024 * 1024;

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export function validateCollectionName(name: unknown): string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    throw new CloudError(
      'INVALID_PARAM',
      `invalid collection name ${JSON.stringify(name)}: use 1-64 letters, digits, _ or -`,
    );
  }
  return name;
}

export function collectionMissing(name: string): CloudError {
  return new CloudError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem persists, contact us. (collection: ${name})`,
  );
}

export interface ActionDeps {
  store: Store;
  txs: TransactionManager;
  clock: () => number;
}

function notInTransaction(what: string): CloudError {
  return new CloudError(
    'INVALID_PARAM',
    `${what} is not supported in a transaction: use doc().get/update/set/remove and add`,
  );
}

/** Reads and writes the committed store; writes are collected and committed together. */
class StoreSession implements Session {
  readonly writes: Write[] = [];
  constructor(private readonly store: Store) {}
  read(collection: string, key: string): Doc | null {
    return this.store.get(collection, key)?.doc ?? null;
  }
  scan(collection: string): Doc[] {
    return [...this.store.docs(collection).values()].map((s) => s.doc);
  }
  write(write: Write): void {
    this.writes.push(write);
  }
  textOf(doc: Doc): string {
    return this.store.textOf(doc);
  }
}

class TransactionSession implements Session {
  constructor(
    private readonly deps: ActionDeps,
    private readonly tx: Transaction,
  ) {}
  read(collection: string, key: string): Doc | null {
    return this.deps.txs.read(this.tx, collection, key);
  }
  scan(): Doc[] {
    throw notInTransaction('a query by where()');
  }
  write(write: Write): void {
    this.deps.txs.write(this.tx, write);
  }
  textOf(doc: Doc): string {
    return this.deps.store.textOf(doc);
  }
}

export function databaseActions(deps: ActionDeps): Record<string, AdminAction> {
  const { store, txs, clock } = deps;

  const collectionOf = (body: AdminBody): string => {
    const name = body.collectionName;
    if (typeof name !== 'string' || !name) {
      throw new CloudError('INVALID_PARAM', 'collectionName is required');
    }
    if (!store.hasCollection(name)) throw collectionMissing(name);
    return name;
  };

  const transactionOf = (body: AdminBody): Transaction | null =>
    body.transactionId === undefined ? null : txs.get(body.transactionId);

  /** Runs an operation in the right session and commits outside transactions. */
  const inSession = <T>(
    body: AdminBody,
    run: (session: Session, tx: Transaction | null) => T,
  ): T => {
    const tx = transactionOf(body);
    if (tx) return run(new TransactionSession(deps, tx), tx);
    const session = new StoreSession(store);
    const result = run(session, null);
    store.commit(session.writes);
    return result;
  };

  const targetOf = (body: AdminBody, now: number, tx: Transaction | null, what: string): Target => {
    if (body.queryType === 'DOC') {
      const query = parseWireObject(body.query, now, 'query');
      return { kind: 'doc', id: assertDocId(query._id) };
    }
    if (body.queryType !== undefined && body.queryType !== 'WHERE') {
      throw new CloudError('INVALID_PARAM', `unknown queryType ${String(body.queryType)}`);
    }
    if (tx) throw notInTransaction(what);
    const criteria = body.query === undefined ? {} : parseWireObject(body.query, now, 'query');
    return { kind: 'where', criteria, multi: body.multi !== false };
  };

  const optionalObject = (value: unknown, now: number, what: string): Doc | undefined =>
    value === undefined || value === null ? undefined : parseWireObject(value, now, what);

  const answerList = (docs: Doc[]): Record<string, unknown> => {
    const list = docs.map((d) => store.textOf(d));
    const bytes = list.reduce((n, t) => n + Buffer.byteLength(t), 0);
    if (bytes > RESULT_MAX_BYTES) {
      throw new CloudError(
        'DATABASE_REQUEST_FAILED',
        `database query result size exceed limit (1MB): ${bytes} bytes`,
      );
    }
    return { data: { list } };
  };

  const count = (value: unknown, fallback: number, what: string): number => {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new CloudError('INVALID_PARAM', `${what} must be a non-negative integer`);
    }
    return value;
  };

  return {
    'database.getDocument': (body) => {
      const collection = collectionOf(body);
      const now = clock();
      const tx = transactionOf(body);
      const projection = optionalObject(body.projection, now, 'projection');
      const target = targetOf(body, now, tx, 'a query by where()');
      if (target.kind === 'doc') {
        const doc = tx
          ? txs.read(tx, collection, idKey(target.id))
          : store.get(collection, idKey(target.id))?.doc;
        return answerList(doc ? [project(doc, projection)] : []);
      }
      const limit = count(body.limit, GET_DEFAULT_LIMIT, 'limit') || GET_DEFAULT_LIMIT;
      const docs = [...store.docs(collection).values()].map((s) => s.doc);
      return answerList(
        find(docs, target.criteria, {
          order: optionalObject(body.order, now, 'order'),
          offset: count(body.offset, 0, 'offset'),
          limit: Math.min(limit, GET_MAX_LIMIT),
          projection,
        }),
      );
    },

    'database.insertDocument': (body) => {
      const collection = collectionOf(body);
      const now = clock();
      if (!Array.isArray(body.data) || !body.data.length) {
        throw new CloudError('INVALID_PARAM', 'data must be a non-empty array of EJSON strings');
      }
      const docs = body.data.map((text: unknown) => parseWireObject(text, now, 'data'));
      const ids = inSession(body, (session) => insertDocs(session, collection, docs));
      return { data: { insertedIds: ids } };
    },

    'database.modifyDocument': (body) => {
      const collection = collectionOf(body);
      const now = clock();
      const data = parseWireObject(body.data, now, 'data');
      const result = inSession(body, (session, tx) =>
        modifyDocs(session, collection, targetOf(body, now, tx, 'where().update()'), data, {
          merge: body.merge !== false,
          upsert: body.upsert === true,
        }),
      );
      const answer: Record<string, unknown> = { updated: result.updated, matched: result.matched };
      if (result.upsertId !== null) answer.upsert_id = result.upsertId;
      return { data: answer };
    },

    'database.removeDocument': (body) => {
      const collection = collectionOf(body);
      const now = clock();
      const deleted = inSession(body, (session, tx) =>
        removeDocs(session, collection, targetOf(body, now, tx, 'where().remove()')),
      );
      return { data: { deleted } };
    },

    'database.calculateDocument': (body) => {
      const collection = collectionOf(body);
      const now = clock();
      const target = targetOf(body, now, transactionOf(body), 'count()');
      if (target.kind === 'doc')
        return { data: { total: store.get(collection, idKey(target.id)) ? 1 : 0 } };
      const test = compileFilter(target.criteria);
      let total = 0;
      for (const stored of store.docs(collection).values()) if (test(stored.doc)) total += 1;
      return { data: { total } };
    },

    'database.aggregateDocuments': (body) => {
      const collection = collectionOf(body);
      if (body.transactionId !== undefined) throw notInTransaction('aggregate()');
      const pipeline = parseStages(body.stages, clock());
      const docs = [...store.docs(collection).values()].map((s) => s.doc);
      const other = (name: string): Doc[] =>
        store.hasCollection(name) ? [...store.docs(name).values()].map((s) => cloneDoc(s.doc)) : [];
      return answerList(runPipeline(docs, pipeline, other));
    },

    'database.addCollection': (body) => {
      const name = validateCollectionName(body.collectionName);
      if (!store.createCollection(name)) {
        throw new CloudError(
          'DATABASE_COLLECTION_ALREADY_EXIST',
          `[ResourceUnavailable.ResourceExist] Table exist. (collection: ${name})`,
        );
      }
      return {};
    },

    'database.startTransaction': () => ({ transactionId: txs.start().id }),

    'database.commitTransaction': (body) => {
      txs.commit(body.transactionId);
      return {};
    },

    'database.abortTransaction': (body) => {
      txs.abort(body.transactionId);
      return {};
    },
  };
}
