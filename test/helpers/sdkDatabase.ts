import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../localcloud/database';
import { startDbOnlyServer, type DbOnlyServer } from './dbOnlyServer';

export type WxSdk = typeof import('wx-server-sdk');

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

/** Environment that points wx-server-sdk at `adminUrl` (read by the SDK on every request). */
export function pointSdkAt(adminUrl: string, openid = 'o-test-user'): void {
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TENCENTCLOUD_SECRETID: 'x',
    TENCENTCLOUD_SECRETKEY: 'y',
    TCB_ENV: 'local',
    TENCENTCLOUD: 'true',
    SILENCE: 'true',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
    WX_OPENID: openid,
    WX_APPID: 'wx0000000000000000',
    WX_UNIONID: '',
  });
}

/** A fresh, initialised copy of the real wx-server-sdk, as a cloud function would load it. */
export function loadWxSdk(): WxSdk {
  let sdk: WxSdk | undefined;
  jest.isolateModules(() => {
    sdk = jest.requireActual<WxSdk>('wx-server-sdk');
  });
  if (!sdk) throw new Error('wx-server-sdk did not load');
  // The SDK's typings say string, but DYNAMIC_CURRENT_ENV (a symbol) is what functions pass.
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string });
  return sdk;
}

/** A database over a temp folder, served at /admin, with the SDK pointed at it. */
export interface SdkDatabase {
  dir: string;
  db: Database;
  server: DbOnlyServer;
  cloud: WxSdk;
  /** Closes server and database and removes the folder. */
  stop(): Promise<void>;
}

export async function startSdkDatabase(opts: { clock?: () => number } = {}): Promise<SdkDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'tongti-db-'));
  const db = openDatabase({ dir, ...(opts.clock ? { clock: opts.clock } : {}) });
  const server = await startDbOnlyServer(db);
  pointSdkAt(server.adminUrl);
  const cloud = loadWxSdk();
  return {
    dir,
    db,
    server,
    cloud,
    async stop() {
      await server.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What the SDK rejects with: an Error carrying a numeric errCode and an errMsg. */
export async function sdkFailure(
  promise: Promise<unknown>,
): Promise<{ errCode: number; errMsg: string; code: unknown; raw: unknown }> {
  try {
    await promise;
  } catch (e) {
    const err = e as { errCode?: unknown; errMsg?: unknown; message?: unknown; code?: unknown };
    return {
      errCode: typeof err.errCode === 'number' ? err.errCode : NaN,
      errMsg: typeof err.errMsg === 'string' ? err.errMsg : String(err.message),
      code: err.code,
      raw: e,
    };
  }
  throw new Error('expected the SDK call to fail');
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
