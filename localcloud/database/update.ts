import { update as mingoUpdate } from 'mingo';
import { CloudError } from '../errors';
import { type Doc, isPlainObject } from './ejson';
import { asCloudError, queryContext } from './query';

const UPDATE_OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$pop',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$currentDate',
]);

const ID_MESSAGE = '不能更新_id的值';

const touchesId = (path: string): boolean => path === '_id' || path.startsWith('_id.');

export function hasOperators(data: Doc): boolean {
  return Object.keys(data).some((k) => k.startsWith('$'));
}

/** Copies arrays and plain objects so cached documents stay untouched; leaves leaf values shared. */
export function cloneDoc<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(cloneDoc) as T;
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneDoc(v);
    return out as T;
  }
  return value;
}

/** Value at a dotted path, stepping into arrays by numeric segment. */
function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (Array.isArray(cur) && /^\d+$/.test(part)) cur = cur[Number(part)];
    else if (isPlainObject(cur)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

/** Checks an operator update the way the server does before touching anything. */
export function validateUpdate(data: Doc): void {
  const keys = Object.keys(data);
  if (!keys.length) throw new CloudError('INVALID_PARAM', 'update data must not be empty');
  for (const op of keys) {
    if (!op.startsWith('$')) {
      throw new CloudError('DATABASE_INVALID_OPERRATOR', `cannot mix fields and operators: ${op}`);
    }
    if (!UPDATE_OPERATORS.has(op)) {
      throw new CloudError('DATABASE_INVALID_OPERRATOR', `unknown update operator ${op}`);
    }
    const fields = data[op];
    if (!isPlainObject(fields)) {
      throw new CloudError('DATABASE_INVALID_OPERRATOR', `${op} needs an object of fields`);
    }
    for (const [path, arg] of Object.entries(fields)) {
      if (touchesId(path) || (op === '$rename' && typeof arg === 'string' && touchesId(arg))) {
        throw new CloudError('INVALID_PARAM', ID_MESSAGE);
      }
    }
  }
}

/** A whole-document replacement (doc().set()): no operators, no _id. */
export function validateReplacement(data: Doc): void {
  if (hasOperators(data)) {
    throw new CloudError('DATABASE_INVALID_OPERRATOR', 'set data must not contain operators');
  }
  if ('_id' in data) throw new CloudError('INVALID_PARAM', ID_MESSAGE);
}

function checkNumeric(doc: Doc, data: Doc): void {
  for (const op of ['$inc', '$mul']) {
    const fields = data[op];
    if (!isPlainObject(fields)) continue;
    for (const [path, arg] of Object.entries(fields)) {
      const current = getPath(doc, path);
      if (typeof arg !== 'number' || (current !== undefined && typeof current !== 'number')) {
        throw new CloudError(
          'DATABASE_REQUEST_FAILED',
          `Cannot apply ${op} to a value of non-numeric type at '${path}'`,
        );
      }
    }
  }
}

/** Applies an operator update to a copy of `doc`; the stored object is never modified. */
export function applyUpdate(doc: Doc, data: Doc): Doc {
  validateUpdate(data);
  checkNumeric(doc, data);
  const next = cloneDoc(doc);
  try {
    // mingo drops $push modifiers ($sort/$slice/$position) when the array does not exist yet,
    // so create it empty first, as MongoDB's result is the same as pushing onto [].
    const push = data.$push;
    if (isPlainObject(push)) {
      const missing = Object.keys(push).filter((p) => getPath(next, p) === undefined);
      if (missing.length) {
        mingoUpdate(next, { $set: Object.fromEntries(missing.map((p) => [p, []])) });
      }
    }
    mingoUpdate(next, cloneDoc(data), [], undefined, {
      cloneMode: 'deep',
      queryOptions: { context: queryContext },
    });
  } catch (e) {
    throw asCloudError(e);
  }
  next._id = doc._id;
  return next;
}

/** The document doc().set() leaves behind: the new fields under the same _id. */
export function replaceDoc(id: unknown, data: Doc): Doc {
  validateReplacement(data);
  return { _id: id, ...cloneDoc(data) };
}
