import {
  type Ballot,
  type Counters,
  type Decision,
  choicesOf,
  recount,
  sameCounters,
  sumCounters,
} from '../core/decisions';
import { OPENID_HEADER, type LocalCloud } from '../localcloud/server';
import { sdkEnv } from '../localcloud/sdkEnv';
import type { Db } from '../server/cloud';
import { allBallots, loadShards } from '../server/decisions/store';
import { registryDb } from '../server/repository/docs';

/**
 * The tally of one decision two ways on the same local cloud: from the kept counters (the shard
 * documents `results` reads and sums, core/decisions/counters.ts) and by recounting every ballot,
 * paging through them a thousand a request as a function must. Both run in this process through
 * the unmodified SDK, each timed warm (median of a few runs); database requests are counted as
 * the SDK sends them. The same pair is also timed through the function (`results` against the
 * `recount` action, which also checks every receipt).
 */

export interface TallyFigures {
  ballots: number;
  countersRequests: number;
  countersMs: number;
  recountRequests: number;
  recountMs: number;
  equal: boolean;
  resultsFunction: { requests: number; ms: number };
  recountFunction: { requests: number; ms: number };
}

const RUNS = 7;
/** A counters read takes milliseconds, so one busy moment on a shared machine moves it most. */
const COUNTER_RUNS = 15;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** A database whose query chains count each `get()` they send. */
function countingDb(db: Db, counter: { requests: number }): Db {
  const wrap = (target: object): object =>
    new Proxy(target, {
      get(obj, key, receiver) {
        const value: unknown = Reflect.get(obj, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (key === 'get') counter.requests += 1;
          const out: unknown = (value as (...a: unknown[]) => unknown).apply(obj, args);
          return typeof out === 'object' && out !== null && !(out instanceof Promise)
            ? wrap(out)
            : out;
        };
      },
    });
  return wrap(db) as Db;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = process.hrtime.bigint();
  const value = await run();
  return { value, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

async function viaFunction(
  cloud: LocalCloud,
  action: string,
  decisionId: string,
  openid: string,
): Promise<{ requests: number; ms: number }> {
  const records: Array<{ requests: number; ms: number }> = [];
  for (let i = 0; i < RUNS; i += 1) {
    const res = await fetch(`${cloud.url}/functions/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
      body: JSON.stringify({ data: { action, decisionId } }),
    });
    const body = (await res.json()) as { result?: { ok?: boolean; message?: string } };
    if (!body.result?.ok)
      throw new Error(`decisions.${action}: ${body.result?.message ?? res.status}`);
    const record = cloud
      .invocations()
      .find((r) => r.functionName === 'decisions' && r.action === action);
    if (!record) throw new Error(`no invocation of decisions.${action}`);
    records.push({ requests: record.dbRequests, ms: record.ms });
  }
  return {
    requests: Math.max(...records.map((r) => r.requests)),
    // The first run may start a worker: the median of the rest.
    ms: median(records.slice(1).map((r) => r.ms)),
  };
}

export async function compareTally(
  cloud: LocalCloud,
  decisionId: string,
  organizerOpenid: string,
): Promise<TallyFigures> {
  const saved = { ...process.env };
  Object.assign(
    process.env,
    sdkEnv({ adminUrl: cloud.adminUrl, envId: cloud.envId, openid: organizerOpenid }),
  );
  try {
    const decisionDoc = cloud.database
      .documents('decisions', 0, 1_000)
      .docs.find((d) => (d as Decision)._id === decisionId) as Decision | undefined;
    if (!decisionDoc) throw new Error(`no decision ${decisionId}`);
    const choices = choicesOf(decisionDoc.question);
    const counter = { requests: 0 };
    const db = countingDb(registryDb(), counter);
    let countersRequests = 0;
    let recountRequests = 0;
    let ballots: Ballot[] = [];
    // Each way in its own series, so the recount's garbage is not collected inside a counters run.
    const kept: Array<{ value: Counters; ms: number }> = [];
    for (let i = 0; i < COUNTER_RUNS; i += 1) {
      counter.requests = 0;
      kept.push(await timed(async () => sumCounters(await loadShards(db, decisionId), choices)));
      countersRequests = counter.requests;
    }
    const recounted: Array<{ value: Counters; ms: number }> = [];
    for (let i = 0; i < RUNS; i += 1) {
      counter.requests = 0;
      recounted.push(
        await timed(async () => {
          ballots = await allBallots(db, decisionId);
          return recount(ballots, choices);
        }),
      );
      recountRequests = counter.requests;
    }
    const countersRuns = kept.map((k) => k.ms);
    const recountRuns = recounted.map((r) => r.ms);
    const equal = kept.every((k) => recounted.every((r) => sameCounters(k.value, r.value)));
    return {
      ballots: ballots.length,
      countersRequests,
      countersMs: median(countersRuns),
      recountRequests,
      recountMs: median(recountRuns),
      equal,
      resultsFunction: await viaFunction(cloud, 'results', decisionId, organizerOpenid),
      recountFunction: await viaFunction(cloud, 'recount', decisionId, organizerOpenid),
    };
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}
