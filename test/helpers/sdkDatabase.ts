import type { WxSdk } from './wxSdk';

/*
 * The slice of wx-server-sdk's database API the tests call. Its own typings answer
 * `Promise<T> | void | string` and `any`, so tests view the database through this instead.
 */
export type Doc = Record<string, unknown>;

/** A db.command value: opaque, chainable (`_.gt(1).and(_.lt(5))`). */
export interface Cmd {
  and(...args: unknown[]): Cmd;
  or(...args: unknown[]): Cmd;
}

type Op = (...args: unknown[]) => Cmd;

export interface Command {
  eq: Op;
  neq: Op;
  gt: Op;
  gte: Op;
  lt: Op;
  lte: Op;
  in: Op;
  nin: Op;
  exists: Op;
  mod: Op;
  all: Op;
  elemMatch: Op;
  size: Op;
  and: Op;
  or: Op;
  nor: Op;
  not: Op;
  geoNear: Op;
  geoWithin: Op;
  geoIntersects: Op;
  set: Op;
  remove: Op;
  inc: Op;
  mul: Op;
  min: Op;
  max: Op;
  rename: Op;
  push: Op;
  pop: Op;
  shift: Op;
  unshift: Op;
  addToSet: Op;
  pull: Op;
  pullAll: Op;
  aggregate: { sum: Op };
}

export interface QueryRef {
  where(condition: unknown): QueryRef;
  orderBy(field: string, direction: 'asc' | 'desc'): QueryRef;
  skip(n: number): QueryRef;
  limit(n: number): QueryRef;
  field(projection: Doc): QueryRef;
  get(): Promise<{ data: Doc[]; errMsg: string }>;
  count(): Promise<{ total: number; errMsg: string }>;
  update(options: { data: Doc }): Promise<{ stats: { updated: number }; errMsg: string }>;
  remove(): Promise<{ stats: { removed: number }; errMsg: string }>;
}

export interface DocRef {
  field(projection: Doc): DocRef;
  get(): Promise<{ data: Doc; errMsg: string }>;
  set(options: { data: Doc }): Promise<{
    _id: string | number;
    stats: { updated: number; created: number };
    errMsg: string;
  }>;
  update(options: { data: Doc }): Promise<{ stats: { updated: number }; errMsg: string }>;
  remove(): Promise<{ stats: { removed: number }; errMsg: string }>;
}

type Stage = (arg: unknown) => Aggregate;

export interface Aggregate {
  addFields: Stage;
  count: Stage;
  group: Stage;
  limit: Stage;
  lookup: Stage;
  match: Stage;
  project: Stage;
  sample: Stage;
  skip: Stage;
  sort: Stage;
  unwind: Stage;
  end(): Promise<{ list: Doc[]; errMsg: string }>;
}

export interface CollectionRef extends QueryRef {
  doc(id: string | number): DocRef;
  add(options: { data: Doc | Doc[] }): Promise<{
    _id: string | number;
    _ids?: Array<string | number>;
    errMsg: string;
  }>;
  aggregate(): Aggregate;
}

export interface TransactionRef {
  collection(name: string): CollectionRef;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

export interface Db {
  command: Command;
  serverDate(options?: { offset: number }): unknown;
  RegExp(options: { regexp: string; options?: string }): unknown;
  Geo: {
    Point(lng: number, lat: number): unknown;
    LineString(points: unknown[]): unknown;
    Polygon(lines: unknown[]): unknown;
  };
  collection(name: string): CollectionRef;
  createCollection(name: string): Promise<{ errMsg: string }>;
  runTransaction<T>(run: (t: TransactionRef) => Promise<T>, retries?: number): Promise<T>;
  startTransaction(): Promise<TransactionRef>;
}

export function database(cloud: WxSdk): Db {
  return cloud.database() as unknown as Db;
}

/** POSTs a raw body to /admin, for what the SDK would never send. */
export async function postAdmin(adminUrl: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(adminUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}
