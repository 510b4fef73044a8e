import { randomBytes } from 'node:crypto';
import { CloudError } from '../errors';

export type DocId = string | number;

/** The real server answers with 32 lowercase hex characters for generated ids. */
export function newDocId(): string {
  return randomBytes(16).toString('hex');
}

export function isDocId(value: unknown): value is DocId {
  return (
    (typeof value === 'string' && value.length > 0) ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

export function assertDocId(value: unknown): DocId {
  if (!isDocId(value))
    throw new CloudError('INVALID_PARAM', '_id must be a non-empty string or a number');
  return value;
}

/**
 * Storage key of an id. `doc('5')` and `doc(5)` are different documents in MongoDB, so numbers get
 * a prefix no SDK-generated or sensible string id starts with.
 */
export function idKey(id: DocId): string {
  return typeof id === 'string' ? id : `\u0001n:${id}`;
}
