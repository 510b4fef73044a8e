import { MAX_EVENT_DEPTH, nestedDeeperThan } from './depth';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { CloudError } from '../errors';
import { LOCAL_APPID, sdkEnv } from '../sdkEnv';
import { WORKER_SOURCE } from './workerSource';

/**
 * Runs our cloud functions the way WeChat Cloud does: each function from its built `index.js`,
 * each invocation alone in a worker with its own environment (identity comes from process env),
 * under the function's timeout, with one log line and a count of its database requests.
 */

export interface FunctionHostOptions {
  /** Folder holding one sub-folder per function, each with index.js and config.json. */
  functionsDir: string;
  envId: string;
  /** The local cloud's /admin URL, known once the server listens. */
  adminUrl: () => string;
  /** Warm workers kept per function; more invocations wait their turn. */
  maxWorkersPerFunction?: number;
  log?: (line: string) => void;
}

export interface Identity {
  openid: string;
  appid?: string;
  unionid?: string;
}

export interface InvocationRecord {
  id: string;
  functionName: string;
  action: string | null;
  openid: string;
  startedAt: string;
  ms: number;
  dbRequests: number;
  ok: boolean;
  error: string | null;
}

interface ActiveInvocation {
  record: InvocationRecord;
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'load-failed'; error: WorkerError }
  | { type: 'crash'; error: WorkerError }
  | { type: 'result'; id: string; json: string }
  | { type: 'error'; id: string; error: WorkerError };

interface WorkerError {
  name: string;
  message: string;
  stack: string;
}

interface Pending {
  id: string;
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout | null;
}

interface PooledWorker {
  worker: Worker;
  ready: Promise<void>;
  pending: Pending | null;
  dead: boolean;
}

interface Pool {
  name: string;
  entry: string;
  timeoutMs: number;
  idle: PooledWorker[];
  size: number;
  waiting: Array<(w: PooledWorker) => void>;
}

const DEFAULT_TIMEOUT_S = 3;
const MAX_TIMEOUT_S = 60;
const RECENT_LIMIT = 200;
/** The platform gives a function 256 MB; a worker's heap is held to the same. */
const MEMORY_MB = 256;

export class FunctionHost {
  private readonly pools = new Map<string, Pool>();
  private readonly active = new Map<string, ActiveInvocation>();
  private readonly recentRecords: InvocationRecord[] = [];
  private readonly maxWorkers: number;
  private closed = false;

  constructor(private readonly opts: FunctionHostOptions) {
    this.maxWorkers = opts.maxWorkersPerFunction ?? 4;
  }

  /** Names of the functions that are built and can be invoked. */
  list(): string[] {
    if (!existsSync(this.opts.functionsDir)) return [];
    return readdirSync(this.opts.functionsDir, { withFileTypes: true })
      .filter(
        (d) => d.isDirectory() && existsSync(join(this.opts.functionsDir, d.name, 'index.js')),
      )
      .map((d) => d.name)
      .sort();
  }

  /** The invocation a request belongs to, if it is still running. */
  invocation(id: string): InvocationRecord | null {
    return this.active.get(id)?.record ?? null;
  }

  /** Counts one database request against a running invocation. */
  countDatabaseRequest(invocationId: string): void {
    const active = this.active.get(invocationId);
    if (active) active.record.dbRequests += 1;
  }

  recent(): InvocationRecord[] {
    return [...this.recentRecords].reverse();
  }

  async invoke(name: string, event: unknown, identity: Identity): Promise<unknown> {
    const result = await this.invokeWithRecord(name, event, identity);
    return result.result;
  }

  /** Invokes and also returns the invocation's record (time, database requests). */
  async invokeWithRecord(
    name: string,
    event: unknown,
    identity: Identity,
  ): Promise<{ result: unknown; record: InvocationRecord }> {
    if (this.closed) throw new CloudError('FUNCTIONS_REQUEST_FAIL', 'the local cloud is stopping');
    if (nestedDeeperThan(event, MAX_EVENT_DEPTH)) {
      throw new CloudError(
        'INVALID_PARAM',
        `data nests deeper than ${MAX_EVENT_DEPTH} levels; no function takes that`,
      );
    }
    const pool = this.pool(name);
    const id = randomBytes(12).toString('hex');
    const record: InvocationRecord = {
      id,
      functionName: name,
      action: actionOf(event),
      openid: identity.openid,
      startedAt: new Date().toISOString(),
      ms: 0,
      dbRequests: 0,
      ok: false,
      error: null,
    };
    this.active.set(id, { record });
    const started = process.hrtime.bigint();
    try {
      const pooled = await this.acquire(pool);
      const result = await this.run(pool, pooled, id, withUserInfo(event, identity), identity);
      record.ok = true;
      return { result, record };
    } catch (err) {
      record.error = err instanceof Error ? err.message : String(err);
      throw err;
    } finally {
      record.ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      this.active.delete(id);
      this.remember(record);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const all: Promise<number>[] = [];
    for (const pool of this.pools.values()) {
      for (const w of pool.idle) all.push(w.worker.terminate());
      pool.idle = [];
    }
    await Promise.all(all);
  }

  private remember(record: InvocationRecord): void {
    this.recentRecords.push(record);
    if (this.recentRecords.length > RECENT_LIMIT) this.recentRecords.shift();
    const status = record.ok ? 'ok' : `error: ${record.error ?? ''}`;
    this.opts.log?.(
      `fn=${record.functionName} action=${record.action ?? '-'} caller=${record.openid || '-'} ` +
        `ms=${record.ms} db=${record.dbRequests} ${status}`,
    );
  }

  private pool(name: string): Pool {
    const existing = this.pools.get(name);
    if (existing) return existing;
    if (!/^[A-Za-z0-9_-]+$/.test(name)) {
      // A bad request, not a failure of the cloud: names are letters, digits, _ and -.
      throw new CloudError(
        'INVALID_PARAM',
        `invalid function name ${JSON.stringify(name)}: use letters, digits, _ and -`,
      );
    }
    const dir = join(this.opts.functionsDir, name);
    const entry = join(dir, 'index.js');
    if (!existsSync(entry)) {
      throw new CloudError(
        'FUNCTION_NOT_FOUND',
        `function ${name} not found (is it built? run npm run build)`,
      );
    }
    const pool: Pool = {
      name,
      entry,
      timeoutMs: readTimeoutSeconds(join(dir, 'config.json')) * 1000,
      idle: [],
      size: 0,
      waiting: [],
    };
    this.pools.set(name, pool);
    return pool;
  }

  private acquire(pool: Pool): Promise<PooledWorker> {
    for (let idle = pool.idle.pop(); idle; idle = pool.idle.pop()) {
      if (!idle.dead) return Promise.resolve(idle);
      // Retired while idle (it crashed after answering): its place is free again.
      pool.size -= 1;
    }
    if (pool.size < this.maxWorkers) return Promise.resolve(this.spawn(pool));
    return new Promise((resolve) => pool.waiting.push(resolve));
  }

  private release(pool: Pool, pooled: PooledWorker): void {
    if (pooled.dead) {
      pool.size -= 1;
      // A replacement keeps waiting invocations moving after a worker was lost.
      const next = pool.waiting.shift();
      if (next) next(this.spawn(pool));
      return;
    }
    const next = pool.waiting.shift();
    if (next) next(pooled);
    else if (this.closed) void pooled.worker.terminate();
    else pool.idle.push(pooled);
  }

  private spawn(pool: Pool): PooledWorker {
    pool.size += 1;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        entry: pool.entry,
        baseEnv: sdkEnv({ adminUrl: this.opts.adminUrl(), envId: this.opts.envId }),
      },
      env: { ...process.env },
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const pooled: PooledWorker = { worker, ready: Promise.resolve(), pending: null, dead: false };
    pooled.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (msg: WorkerMessage): void => {
        if (msg.type === 'ready') resolve();
        if (msg.type === 'load-failed') {
          reject(new CloudError('FUNCTIONS_EXECUTE_FAIL', `${pool.name}: ${msg.error.message}`));
        }
        this.onWorkerMessage(pool, pooled, msg);
      };
      worker.on('message', onMessage);
      worker.on('error', (err) => {
        reject(err);
        this.fail(pooled, new CloudError('FUNCTIONS_EXECUTE_FAIL', err.message));
      });
      worker.on('exit', (code) => {
        const wasDead = pooled.dead;
        pooled.dead = true;
        reject(new CloudError('FUNCTIONS_EXECUTE_FAIL', `${pool.name} exited with code ${code}`));
        if (!wasDead) {
          this.fail(pooled, new CloudError('FUNCTIONS_EXECUTE_FAIL', `function exited (${code})`));
          // Only an idle worker is nobody's to release; a busy one is released by its run.
          const wasIdle = pool.idle.includes(pooled);
          pool.idle = pool.idle.filter((w) => w !== pooled);
          if (wasIdle) pool.size -= 1;
        }
      });
    });
    // Avoid an unhandled rejection when a worker that nobody awaits fails to load.
    pooled.ready.catch(() => undefined);
    return pooled;
  }

  private onWorkerMessage(pool: Pool, pooled: PooledWorker, msg: WorkerMessage): void {
    if (msg.type === 'crash') {
      const err = new CloudError(
        'FUNCTIONS_EXECUTE_FAIL',
        `${msg.error.name}: ${msg.error.message}`,
      );
      this.opts.log?.(`fn=${pool.name} crashed: ${msg.error.stack || msg.error.message}`);
      // The process state is unknown after an uncaught failure: retire the worker.
      this.retire(pooled);
      this.fail(pooled, err);
      return;
    }
    if (msg.type !== 'result' && msg.type !== 'error') return;
    const pending = pooled.pending;
    if (!pending || pending.id !== msg.id) return;
    if (msg.type === 'result') {
      this.settle(pooled, () => pending.resolve(JSON.parse(msg.json) as unknown));
    } else {
      const text = `${msg.error.name}: ${msg.error.message}`;
      this.settle(pooled, () => pending.reject(new CloudError('FUNCTIONS_EXECUTE_FAIL', text)));
    }
  }

  private retire(pooled: PooledWorker): void {
    if (pooled.dead) return;
    pooled.dead = true;
    void pooled.worker.terminate();
  }

  private settle(pooled: PooledWorker, finish: () => void): void {
    const pending = pooled.pending;
    if (!pending) return;
    if (pending.timer) clearTimeout(pending.timer);
    pooled.pending = null;
    finish();
  }

  private fail(pooled: PooledWorker, err: Error): void {
    const pending = pooled.pending;
    if (!pending) return;
    this.settle(pooled, () => pending.reject(err));
  }

  private async run(
    pool: Pool,
    pooled: PooledWorker,
    id: string,
    event: unknown,
    identity: Identity,
  ): Promise<unknown> {
    try {
      await pooled.ready;
    } catch (err) {
      this.retire(pooled);
      this.release(pool, pooled);
      throw err;
    }
    const adminUrl = `${this.opts.adminUrl()}/i/${id}`;
    const env = {
      ...sdkEnv({ adminUrl, envId: this.opts.envId, ...identity }),
      SCF_FUNCTIONNAME: pool.name,
    };
    const timeoutS = pool.timeoutMs / 1000;
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: MEMORY_MB,
      time_limit_in_ms: pool.timeoutMs,
      request_id: id,
      function_name: pool.name,
      function_version: '$LATEST',
      namespace: this.opts.envId,
      environment: JSON.stringify(env),
    };
    try {
      return await new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.retire(pooled);
          this.fail(
            pooled,
            new CloudError(
              'FUNCTIONS_TIMEOUT',
              `Invoking task timed out after ${timeoutS} seconds`,
            ),
          );
        }, pool.timeoutMs);
        pooled.pending = { id, resolve, reject, timer };
        pooled.worker.postMessage({ type: 'invoke', id, event, context, env });
      });
    } finally {
      this.release(pool, pooled);
    }
  }
}

function actionOf(event: unknown): string | null {
  if (event && typeof event === 'object' && 'action' in event) {
    const action = (event as { action: unknown }).action;
    return typeof action === 'string' ? action : null;
  }
  return null;
}

/** The platform adds `userInfo` to a client's event; functions must not trust it, but it is there. */
function withUserInfo(event: unknown, identity: Identity): unknown {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return event;
  return { ...event, userInfo: { appId: identity.appid ?? LOCAL_APPID, openId: identity.openid } };
}

function readTimeoutSeconds(configPath: string): number {
  if (!existsSync(configPath)) return DEFAULT_TIMEOUT_S;
  const parsed: unknown = JSON.parse(readFileSync(configPath, 'utf8'));
  if (parsed && typeof parsed === 'object' && 'timeout' in parsed) {
    const t = (parsed as { timeout: unknown }).timeout;
    if (typeof t === 'number' && t > 0) return Math.min(t, MAX_TIMEOUT_S);
  }
  return DEFAULT_TIMEOUT_S;
}
