import { CloudError } from '../errors';
import { type Doc, stringifyDoc } from './ejson';
import { assertDocId, type DocId, idKey, newDocId } from './ids';
import { compileFilter } from './query';
import type { Write } from './store';
import {
  applyUpdate,
  hasOperators,
  replaceDoc,
  validateReplacement,
  validateUpdate,
} from './update';

/**
 * Where an operation reads and writes: the committed store (writes applied together afterwards)
 * or a transaction's private view.
 */
export interface Session {
  read(collection: string, key: string): Doc | null;
  /** Every document of the collection in natural order; refused inside transactions. */
  scan(collection: string): Doc[];
  write(write: Write): void;
  /** Stored text of a document, to tell real changes from no-ops. */
  textOf(doc: Doc): string;
}

/** Documents selected by `{_id}` (DOC) or by a filter (WHERE). */
export type Target = { kind: 'doc'; id: DocId } | { kind: 'where'; criteria: Doc; multi: boolean };

function select(session: Session, collection: string, target: Target): Doc[] {
  if (target.kind === 'doc') {
    const doc = session.read(collection, idKey(target.id));
    return doc ? [doc] : [];
  }
  const test = compileFilter(target.criteria);
  const matched: Doc[] = [];
  for (const doc of session.scan(collection)) {
    if (!test(doc)) continue;
    matched.push(doc);
    if (!target.multi) break;
  }
  return matched;
}

function duplicateKey(collection: string, id: DocId): CloudError {
  return new CloudError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation.Insert] bulk write error: [{E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }}]`,
  );
}

/** Inserts all documents or none; ids are generated where missing. */
export function insertDocs(session: Session, collection: string, docs: Doc[]): DocId[] {
  const seen = new Set<string>();
  const writes: Write[] = [];
  const ids = docs.map((input) => {
    const { _id: given, ...fields } = input;
    const id = given === undefined ? newDocId() : assertDocId(given);
    const key = idKey(id);
    if (seen.has(key) || session.read(collection, key)) throw duplicateKey(collection, id);
    seen.add(key);
    writes.push({ collection, key, doc: { _id: id, ...fields } });
    return id;
  });
  writes.forEach((w) => session.write(w));
  return ids;
}

export interface ModifyOptions {
  /** true: `data` is operators (or fields to $set); false: `data` replaces the document. */
  merge: boolean;
  upsert: boolean;
}

export interface ModifyResult {
  matched: number;
  updated: number;
  upsertId: DocId | null;
}

/** update()/set(): `updated` counts documents that really changed, as MongoDB's nModified. */
export function modifyDocs(
  session: Session,
  collection: string,
  target: Target,
  data: Doc,
  opts: ModifyOptions,
): ModifyResult {
  const ops = opts.merge && !hasOperators(data) ? { $set: data } : data;
  if (opts.merge) validateUpdate(ops);
  else validateReplacement(data);
  const build = (base: Doc): Doc =>
    opts.merge ? applyUpdate(base, ops) : replaceDoc(base._id, data);

  const matched = select(session, collection, target);
  const writes: Write[] = [];
  for (const doc of matched) {
    const next = build(doc);
    if (stringifyDoc(next) !== session.textOf(doc)) {
      writes.push({ collection, key: idKey(assertDocId(doc._id)), doc: next });
    }
  }
  let upsertId: DocId | null = null;
  if (!matched.length && opts.upsert) {
    upsertId = target.kind === 'doc' ? target.id : newDocId();
    writes.push({ collection, key: idKey(upsertId), doc: build({ _id: upsertId }) });
  }
  writes.forEach((w) => session.write(w));
  return { matched: matched.length, updated: upsertId === null ? writes.length : 0, upsertId };
}

export function removeDocs(session: Session, collection: string, target: Target): number {
  const matched = select(session, collection, target);
  for (const doc of matched) {
    session.write({ collection, key: idKey(assertDocId(doc._id)), doc: null });
  }
  return matched.length;
}
