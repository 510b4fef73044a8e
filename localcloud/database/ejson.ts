import { BSONRegExp, EJSON } from 'bson';
import { CloudError } from '../errors';

/** A stored document: plain object whose values are JSON values, Dates, RegExps or BSON types. */
export type Doc = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// JS RegExp and BSON disagree on flags: BSON has no g/y and JS has no x/l.
const BSON_FLAGS = new Set(['i', 'm', 's', 'u', 'x', 'l']);
const JS_FLAGS = new Set(['i', 'm', 's', 'u']);

function keepFlags(flags: string, allowed: Set<string>): string {
  return [...new Set(flags.split(''))]
    .filter((f) => allowed.has(f))
    .sort()
    .join('');
}

/**
 * Turns parsed EJSON into the values the store and mingo work with: BSON regexps become RegExp
 * and the SDK's `{$tcb_server_date: {offset}}` becomes the server's time now (+offset ms), which
 * is how the real server resolves `db.serverDate()` in writes and in queries alike.
 */
function fromWire(value: unknown, now: number): unknown {
  if (value instanceof BSONRegExp) {
    return new RegExp(value.pattern, keepFlags(value.options, JS_FLAGS));
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new CloudError('INVALID_PARAM', 'invalid date value');
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => fromWire(v, now));
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$tcb_server_date') {
      const spec = value.$tcb_server_date;
      const offset = isPlainObject(spec) && typeof spec.offset === 'number' ? spec.offset : 0;
      return new Date(now + offset);
    }
    const out: Doc = {};
    for (const key of keys) out[key] = fromWire(value[key], now);
    return out;
  }
  return value;
}

/** Parses one EJSON payload from the SDK. Malformed text is the caller's fault: INVALID_PARAM. */
export function parseWire(text: unknown, now: number, what: string): unknown {
  if (typeof text !== 'string')
    throw new CloudError('INVALID_PARAM', `${what} must be an EJSON string`);
  let raw: unknown;
  try {
    raw = EJSON.parse(text, { relaxed: true });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new CloudError('INVALID_PARAM', `${what} is not valid EJSON: ${reason}`);
  }
  return fromWire(raw, now);
}

export function parseWireObject(text: unknown, now: number, what: string): Doc {
  const value = parseWire(text, now, what);
  if (!isPlainObject(value)) throw new CloudError('INVALID_PARAM', `${what} must be an object`);
  return value;
}

function toBson(value: unknown): unknown {
  if (value instanceof RegExp)
    return new BSONRegExp(value.source, keepFlags(value.flags, BSON_FLAGS));
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toBson(v)));
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toBson(v);
    return out;
  }
  return value;
}

/** Canonical EJSON, the form the real server sends and the form we keep on disk. */
export function stringifyDoc(doc: Doc): string {
  return EJSON.stringify(toBson(doc) as Doc, { relaxed: false });
}

/** Reads back what stringifyDoc wrote (no server dates can be left in stored text). */
export function parseStored(text: string): Doc {
  const value = fromWire(EJSON.parse(text, { relaxed: true }), 0);
  if (!isPlainObject(value)) throw new Error('stored document is not an object');
  return value;
}

/** JSON-able copy for the console page: dates as ISO strings, regexps as their source text. */
export function toPlain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof RegExp) return value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toPlain(v);
    return out;
  }
  if (value !== null && typeof value === 'object') return String(value);
  return value;
}

function seedDates(value: unknown, now: number): unknown {
  if (isPlainObject(value) && Object.keys(value).length === 1 && '$date' in value) {
    return parseWire(JSON.stringify(value), now, 'seed value');
  }
  if (Array.isArray(value)) return value.map((v) => seedDates(v, now));
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = seedDates(v, now);
    return out;
  }
  return value;
}

/**
 * Seed data comes from JSON files or code: accept Date objects and EJSON-ish `{$date: ...}`
 * values, and resolve server dates to the load time.
 */
export function fromSeed(value: unknown, now: number): unknown {
  return fromWire(seedDates(value, now), now);
}
