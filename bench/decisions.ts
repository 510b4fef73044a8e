import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../localcloud/server';
import { OPENID_HEADER } from '../localcloud/server';
import { sdkEnv } from '../localcloud/sdkEnv';
import type { Ballot } from '../core/decisions';
import { choicesOf, recount, sameCounters, sumCounters } from '../core/decisions';
import type { Caller } from '../server/auth/caller';
import { resolveCaller } from '../server/auth/caller';
import type { UseCaseContext } from '../server/auth/guard';
import type { Db } from '../server/cloud';
import { castOnline } from '../server/decisions/casting';
import type { TallyShard } from '../server/decisions/store';
import { registryDb } from '../server/repository/docs';
import type { ApiResult, CastReceiptView } from '../typings/api';
import {
  ORGANIZER,
  PROPOSAL,
  RESIDENT,
  towerSeed,
  type Tower,
} from '../test/helpers/decisionsTower';
import { rowsBySize, type Row } from './table';

/**
 * decisions through the local cloud, on a 138-flat tower and a 10,000-unit one:
 * - database requests per cast: the whole invocation (caller, decision and unit, transaction
 *   start and commit) and the document requests inside the transaction, counted in-process by
 *   wrapping the transaction the server code runs;
 * - database requests of `results` (must not grow with the building);
 * - 200 casts and re-casts sent at once (8 workers), each client retrying CONFLICT: one ballot per
 *   person, counters equal to a recount, errors that are not conflicts.
 */

const SIZES = [138, 10_000] as const;
const STORM = 200;

interface Sized {
  size: number;
  castRequests: number;
  recastRequests: number;
  proxyCastRequests: number;
  txDocRequests: number;
  resultsRequests: number;
  openRequests: number;
  openMs: number;
  storm: StormFigures;
}

interface StormFigures {
  sent: number;
  succeeded: number;
  conflictsRetried: number;
  otherErrors: number;
  ballots: number;
  people: number;
  countersEqualRecount: boolean;
  ms: number;
  medianCastMs: number;
}

async function call(
  cloud: LocalCloud,
  data: Record<string, unknown>,
  openid: string,
): Promise<ApiResult<unknown>> {
  const res = await fetch(`${cloud.url}/functions/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
    body: JSON.stringify({ data }),
  });
  if (!res.ok) throw new Error(`decisions.${String(data.action)} answered HTTP ${res.status}`);
  return ((await res.json()) as { result: ApiResult<unknown> }).result;
}

async function must(
  cloud: LocalCloud,
  data: Record<string, unknown>,
  openid: string,
): Promise<unknown> {
  const result = await call(cloud, data, openid);
  if (!result.ok)
    throw new Error(`decisions.${String(data.action)}: ${result.code} ${result.message}`);
  return result.data;
}

/** Database requests of the newest invocation of `action`. */
function requestsOf(cloud: LocalCloud, action: string): number {
  const record = cloud
    .invocations()
    .find((r) => r.functionName === 'decisions' && r.action === action);
  if (!record) throw new Error(`no invocation of decisions.${action}`);
  return record.dbRequests;
}

/**
 * Runs one cast in this process, against the same local cloud, with the transaction's document
 * requests (get, set, update, remove, add) counted as the server code makes them.
 */
async function countTransactionRequests(
  cloud: LocalCloud,
  openid: string,
  unitId: string,
): Promise<number> {
  const saved = { ...process.env };
  Object.assign(process.env, sdkEnv({ adminUrl: cloud.adminUrl, envId: cloud.envId, openid }));
  try {
    const db = registryDb();
    let count = 0;
    const counted = <T extends object>(target: T, methods: readonly string[]): T =>
      new Proxy(target, {
        get(obj, key, receiver) {
          const value: unknown = Reflect.get(obj, key, receiver);
          if (typeof value !== 'function') return value;
          if (methods.includes(String(key))) {
            return (...args: unknown[]) => {
              count += 1;
              return (value as (...a: unknown[]) => unknown).apply(obj, args);
            };
          }
          return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(obj, args);
        },
      });
    const scope = (raw: { collection(name: string): object }) => ({
      collection(name: string) {
        const collection = raw.collection(name) as {
          doc(id: string): object;
          add(o: object): unknown;
        };
        return {
          doc: (id: string) => counted(collection.doc(id), ['get', 'set', 'update', 'remove']),
          add: (o: object) => {
            count += 1;
            return collection.add(o);
          },
        };
      },
    });
    const countingDb = new Proxy(db, {
      get(obj, key, receiver) {
        if (key === 'runTransaction') {
          return (work: (tx: unknown) => Promise<unknown>, retries?: number) =>
            obj.runTransaction(
              (raw: unknown) => work(scope(raw as { collection(name: string): object })),
              retries,
            );
        }
        const value: unknown = Reflect.get(obj, key, receiver);
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(obj)
          : value;
      },
    }) as Db;
    let caller: Promise<Caller> | null = null;
    const ctx: UseCaseContext = {
      openid,
      requestId: 'bench',
      db: countingDb,
      now: new Date(),
      caller: () => (caller ??= resolveCaller(db, openid)),
    };
    await castOnline({ decisionId: 'd-ready', unitId, choice: 'abstain' }, ctx);
    return count;
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

async function storm(cloud: LocalCloud, tower: Tower): Promise<StormFigures> {
  const owners = [...tower.ownerOpenid.entries()].slice(0, STORM);
  const choices = ['yes', 'no', 'abstain'];
  const casts = owners
    .slice(0, Math.min(owners.length, Math.ceil(STORM * 0.65)))
    .map(([unitId, openid], i) => ({
      unitId,
      openid,
      choice: choices[i % 3] ?? 'yes',
    }));
  // The rest are re-casts of the first ones, sent at the same time.
  for (let i = 0; casts.length < STORM; i += 1) {
    const first = casts[i % casts.length];
    if (!first) break;
    casts.push({ ...first, choice: choices[(i + 1) % 3] ?? 'no' });
  }
  let succeeded = 0;
  let conflictsRetried = 0;
  let otherErrors = 0;
  const started = Date.now();
  await Promise.all(
    casts.map(async (c) => {
      for (let attempt = 1; attempt <= 30; attempt += 1) {
        const result = (await call(
          cloud,
          { action: 'cast', decisionId: 'd-ready', unitId: c.unitId, choice: c.choice },
          c.openid,
        )) as ApiResult<CastReceiptView>;
        if (result.ok) {
          succeeded += 1;
          return;
        }
        if (result.code !== 'CONFLICT') {
          otherErrors += 1;
          return;
        }
        conflictsRetried += 1;
      }
      otherErrors += 1;
    }),
  );
  const ms = Date.now() - started;
  const castMs = cloud
    .invocations()
    .filter((r) => r.functionName === 'decisions' && r.action === 'cast')
    .map((r) => r.ms)
    .sort((a, b) => a - b);
  const ballots = cloud.database
    .documents('ballots', 0, 1_000_000)
    .docs.filter((b) => (b as Ballot).decisionId === 'd-ready') as Ballot[];
  const shards = cloud.database
    .documents('tallies', 0, 1_000_000)
    .docs.filter((s) => (s as TallyShard).decisionId === 'd-ready') as TallyShard[];
  const choicesOfQuestion = choicesOf(PROPOSAL);
  return {
    sent: casts.length,
    succeeded,
    conflictsRetried,
    otherErrors,
    ballots: ballots.length,
    people: new Set(ballots.map((b) => b.personKey)).size,
    countersEqualRecount: sameCounters(
      sumCounters(shards, choicesOfQuestion),
      recount(ballots, choicesOfQuestion),
    ),
    ms,
    medianCastMs: castMs[Math.floor(castMs.length / 2)] ?? 0,
  };
}

async function benchSize(size: number): Promise<Sized> {
  const tower = towerSeed(size);
  const dataDir = mkdtempSync(join(tmpdir(), 'tongti-bench-decisions-'));
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: join(__dirname, '..', 'cloudfunctions'),
    seed: tower.collections,
    maxWorkersPerFunction: 8,
  });
  try {
    const openStarted = Date.now();
    await must(cloud, { action: 'open', decisionId: 'd-ready' }, ORGANIZER);
    const openMs = Date.now() - openStarted;
    const openRequests = requestsOf(cloud, 'open');
    const [unitId, ownerOpenid, proxyOpenid] = tower.ownerWithProxy;
    await must(cloud, { action: 'cast', decisionId: 'd-ready', unitId, choice: 'no' }, proxyOpenid);
    const proxyCastRequests = requestsOf(cloud, 'cast');
    await must(
      cloud,
      { action: 'cast', decisionId: 'd-ready', unitId, choice: 'yes' },
      ownerOpenid,
    );
    const castRequests = requestsOf(cloud, 'cast');
    await must(cloud, { action: 'cast', decisionId: 'd-ready', unitId, choice: 'no' }, ownerOpenid);
    const recastRequests = requestsOf(cloud, 'cast');
    const txDocRequests = await countTransactionRequests(cloud, ownerOpenid, unitId);
    await must(cloud, { action: 'results', decisionId: 'd-ready' }, RESIDENT);
    const resultsRequests = requestsOf(cloud, 'results');
    const figures = await storm(cloud, tower);
    return {
      size,
      castRequests,
      recastRequests,
      proxyCastRequests,
      txDocRequests,
      resultsRequests,
      openRequests,
      openMs,
      storm: figures,
    };
  } finally {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchDecisions(): Promise<Row[]> {
  const sized: Sized[] = [];
  for (const size of SIZES) sized.push(await benchSize(size));
  const row = rowsBySize(sized);
  return [
    row('cast: document requests inside the transaction', '≤ 4', (s) => s.txDocRequests),
    row('cast by owner: db requests, whole invocation', 'reported', (s) => s.castRequests),
    row('re-cast by owner: db requests, whole invocation', 'reported', (s) => s.recastRequests),
    row('cast by proxy: db requests, whole invocation', 'reported', (s) => s.proxyCastRequests),
    row('results: db requests, whole invocation', '≤ 3, flat', (s) => s.resultsRequests),
    row('open (freeze roll, 16 counter shards): db requests', 'reported', (s) => s.openRequests),
    row('open: ms', 'reported', (s) => s.openMs),
    row(
      `${STORM} concurrent casts + re-casts: answered with a receipt`,
      `${STORM}`,
      (s) => s.storm.succeeded,
    ),
    row('  conflicts the client retried', 'reported', (s) => s.storm.conflictsRetried),
    row('  errors that are not conflicts', '0', (s) => s.storm.otherErrors),
    row('  ballots / distinct people', 'equal', (s) => `${s.storm.ballots} / ${s.storm.people}`),
    row('  counters = recount', 'yes', (s) => (s.storm.countersEqualRecount ? 'yes' : 'NO')),
    row('  wall ms (8 workers)', 'reported', (s) => s.storm.ms),
    row('  median ms per cast (incl. queue for a worker)', 'reported', (s) => s.storm.medianCastMs),
  ];
}
