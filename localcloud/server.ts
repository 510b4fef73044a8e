import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { openDatabase, type Database } from './database';
import { createStorage } from './storage';
import { createOpenApi } from './openapi';
import { createPay } from './pay';
import { parseMultipart } from './openapi/multipart';
import { CloudError, isCloudError } from './errors';
import { FunctionHost, type InvocationRecord } from './functions/host';
import { TimerRunner, readTimerTriggers } from './functions/timers';
import { Outbox } from './outbox';
import { consolePage } from './console/page';
import { DEFAULT_ENV_ID } from './sdkEnv';
import type {
  AdminAction,
  AdminContext,
  AdminResult,
  CloudServices,
  LocalCloudModule,
  RawRoute,
} from './module';

/**
 * The local cloud: one HTTP server that speaks the Cloud Development wire protocol at `/admin`
 * (so the unmodified wx-server-sdk runs against it), hosts our functions for clients at
 * `POST /functions/<name>`, and shows what happened on a console page at `/`.
 */

/** Header carrying the caller's openid on `POST /functions/<name>` (the WeChat client's job). */
export const OPENID_HEADER = 'x-tongti-openid';

export interface IdentityOption {
  openid: string;
  label: string;
  role: string;
}

export interface LocalCloudOptions {
  dataDir: string;
  functionsDir: string;
  port?: number;
  host?: string;
  envId?: string;
  /** Collections and documents to load when the store is empty of them. */
  seed?: Record<string, readonly object[]>;
  /** Files the seed's documents point to (cloudPath → bytes), stored along with the seed. */
  seedFiles?: Record<string, Buffer>;
  /** People a developer can act as in the preview (the emulator's test users). */
  identities?: IdentityOption[];
  routes?: RawRoute[];
  log?: (line: string) => void;
  maxWorkersPerFunction?: number;
  /**
   * Timer triggers of the functions' config.json: `run` starts checking them every second (as
   * `tongti serve` does unless told not to); off, `cloud.timers.check()` fires what is due.
   * `now` is the clock they read (tests inject one).
   */
  timers?: { run?: boolean; now?: () => number; intervalMs?: number };
}

export interface LocalCloud {
  url: string;
  port: number;
  adminUrl: string;
  envId: string;
  functions: FunctionHost;
  database: Database;
  outbox: Outbox;
  storage: ReturnType<typeof createStorage>;
  openapi: ReturnType<typeof createOpenApi>;
  pay: ReturnType<typeof createPay>;
  timers: TimerRunner;
  /** Database requests per recent invocation, newest first. */
  invocations(): InvocationRecord[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 50 * 1024 * 1024;

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  mkdirSync(opts.dataDir, { recursive: true });
  const envId = opts.envId ?? DEFAULT_ENV_ID;
  const log = opts.log ?? (() => undefined);
  let baseUrl = '';
  const database = openDatabase({ dir: opts.dataDir });
  // A seed fills an empty store only: restarting never duplicates or overwrites what is there.
  const existing = new Set(database.listCollections());
  const seeding = !!opts.seed && !Object.keys(opts.seed).some((name) => existing.has(name));
  if (opts.seed && seeding) {
    database.loadSeed(opts.seed as Record<string, Record<string, unknown>[]>);
  }
  const outbox = new Outbox(opts.dataDir);
  const functions = new FunctionHost({
    functionsDir: opts.functionsDir,
    envId,
    adminUrl: () => `${baseUrl}/admin`,
    log,
    ...(opts.maxWorkersPerFunction ? { maxWorkersPerFunction: opts.maxWorkersPerFunction } : {}),
  });
  const services: CloudServices = {
    baseUrl: () => baseUrl,
    dataDir: opts.dataDir,
    invokeFunction: (name, data, identity) => functions.invoke(name, data, identity),
    record: (kind, entry) => {
      outbox.record(kind, entry);
    },
  };
  const storage = createStorage(services);
  if (seeding) {
    for (const [cloudPath, content] of Object.entries(opts.seedFiles ?? {})) {
      await storage.putFile(cloudPath, content, envId);
    }
  }
  const openapi = createOpenApi(services);
  const pay = createPay(services);
  const modules: LocalCloudModule[] = [database.module, storage, openapi, pay];
  const actions: Record<string, AdminAction> = {
    'functions.invokeFunction': (body, ctx) => invokeFromSdk(functions, body, ctx),
  };
  for (const m of modules) Object.assign(actions, m.actions);
  const routes: RawRoute[] = [...modules.flatMap((m) => m.routes ?? []), ...(opts.routes ?? [])];

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      log(`local cloud: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'SYS_ERR', message: 'internal' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const body = await readBody(req);
    const path = url.pathname;
    if (req.method === 'POST' && (path === '/admin' || path.startsWith('/admin/i/'))) {
      const invocationId = path.startsWith('/admin/i/') ? path.slice('/admin/i/'.length) : null;
      return handleAdmin(req, res, body, invocationId);
    }
    if (req.method === 'POST' && path.startsWith('/functions/')) {
      let name: string;
      try {
        name = decodeURIComponent(path.slice('/functions/'.length));
      } catch {
        return sendJson(res, 400, {
          error: { code: 'INVALID_PARAM', message: 'the function name is not valid URL encoding' },
        });
      }
      return handleClientCall(req, res, name, body);
    }
    if (req.method === 'GET' && path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(consolePage());
      return;
    }
    if (req.method === 'GET' && path.startsWith('/api/')) return handleConsoleApi(res, url);
    const route = routes.find((r) => r.method === req.method && path.startsWith(r.prefix));
    if (route) return route.handle(req, res, url, body);
    sendJson(res, 404, {
      error: { code: 'NOT_FOUND', message: `no route for ${req.method} ${path}` },
    });
  }

  async function handleAdmin(
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
    invocationId: string | null,
  ): Promise<void> {
    const requestId = randomBytes(8).toString('hex');
    const invocation = invocationId ? functions.invocation(invocationId) : null;
    let parsed: unknown;
    try {
      parsed = isMultipart(req)
        ? formFields(body, req.headers['content-type'] ?? '')
        : parseJson(body);
    } catch {
      return sendJson(res, 200, {
        code: 'INVALID_PARAM',
        message: 'request body is neither JSON nor form data',
        requestId,
      });
    }
    const action = actionFromBody(parsed);
    if (!action) {
      return sendJson(res, 200, { code: 'INVALID_PARAM', message: 'missing action', requestId });
    }
    const handler = actions[action];
    if (!handler) {
      return sendJson(res, 200, {
        code: 'INVALID_PARAM',
        message: `unknown action: ${action}`,
        requestId,
      });
    }
    if (invocationId && action.startsWith('database.'))
      functions.countDatabaseRequest(invocationId);
    const ctx: AdminContext = {
      requestId,
      invocation: invocation
        ? { id: invocation.id, functionName: invocation.functionName, openid: invocation.openid }
        : null,
      raw: { headers: req.headers, body },
    };
    try {
      const result: AdminResult = await handler(
        { ...(parsed as Record<string, unknown>), action },
        ctx,
      );
      if ('binary' in result && Buffer.isBuffer(result.binary)) {
        res.writeHead(200, { 'content-type': String(result.contentType) });
        res.end(result.binary);
        return;
      }
      sendJson(res, 200, { ...result, requestId });
    } catch (err) {
      if (isCloudError(err))
        return sendJson(res, 200, { code: err.code, message: err.message, requestId });
      log(`admin ${action}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      sendJson(res, 200, { code: 'SYS_ERR', message: 'internal error', requestId });
    }
  }

  async function handleClientCall(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    body: Buffer,
  ): Promise<void> {
    let data: unknown;
    try {
      const parsed = body.length ? parseJson(body) : {};
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error();
      data = (parsed as { data?: unknown }).data ?? {};
    } catch {
      return sendJson(res, 400, {
        error: { code: 'INVALID_PARAM', message: 'body must be JSON like {"data": {...}}' },
      });
    }
    const header = req.headers[OPENID_HEADER];
    const openid = (Array.isArray(header) ? header[0] : header) ?? '';
    try {
      const result = await functions.invoke(name, data, { openid });
      sendJson(res, 200, { result });
    } catch (err) {
      const code = isCloudError(err) ? err.code : 'SYS_ERR';
      const message = err instanceof Error ? err.message : String(err);
      sendJson(res, statusFor(code), { error: { code, message } });
    }
  }

  function handleConsoleApi(res: ServerResponse, url: URL): void {
    const parts = url.pathname.split('/').filter(Boolean).slice(1);
    const [first, second] = parts;
    if (first === 'health') return sendJson(res, 200, { ok: true, envId });
    if (first === 'identities') return sendJson(res, 200, opts.identities ?? []);
    if (first === 'functions') return sendJson(res, 200, functions.list());
    if (first === 'invocations') return sendJson(res, 200, functions.recent());
    if (first === 'outbox')
      return sendJson(res, 200, outbox.list(url.searchParams.get('kind') ?? undefined));
    if (first === 'collections' && !second) {
      return sendJson(
        res,
        200,
        database
          .listCollections()
          .map((name) => ({ name, count: database.documents(name, 0, 0).total })),
      );
    }
    if (first === 'collections' && second) {
      const offset = clampInt(url.searchParams.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
      const limit = clampInt(url.searchParams.get('limit'), 20, 1, 100);
      const name = decodeURIComponent(second);
      if (!database.listCollections().includes(name)) {
        return sendJson(res, 404, {
          error: { code: 'DATABASE_COLLECTION_NOT_EXIST', message: name },
        });
      }
      return sendJson(res, 200, {
        name,
        offset,
        limit,
        ...database.documents(name, offset, limit),
      });
    }
    sendJson(res, 404, { error: { code: 'NOT_FOUND', message: url.pathname } });
  }

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;

  const found = readTimerTriggers(opts.functionsDir, functions.list());
  for (const problem of found.problems) log(`timer trigger ignored: ${problem}`);
  const timers = new TimerRunner({
    triggers: found.triggers,
    now: opts.timers?.now ?? Date.now,
    fire: (trigger, event) => functions.invoke(trigger.functionName, event, { openid: '' }),
    log,
  });
  if (opts.timers?.run) timers.start(opts.timers.intervalMs);

  return {
    url: baseUrl,
    port,
    adminUrl: `${baseUrl}/admin`,
    envId,
    functions,
    database,
    outbox,
    storage,
    openapi,
    pay,
    timers,
    invocations: () => functions.recent(),
    async close() {
      timers.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await functions.close();
      for (const m of modules) await m.close?.();
      database.close();
    },
  };
}

/** `cloud.callFunction` from inside a function: the callee runs as the same caller. */
async function invokeFromSdk(host: FunctionHost, body: Record<string, unknown>, ctx: AdminContext) {
  const name = body.function_name;
  if (typeof name !== 'string' || !name)
    throw new CloudError('INVALID_PARAM', 'function_name is required');
  let data: unknown = {};
  if (typeof body.request_data === 'string' && body.request_data !== '') {
    try {
      data = JSON.parse(body.request_data);
    } catch {
      throw new CloudError('INVALID_PARAM', 'request_data is not JSON');
    }
  }
  const result = await host.invoke(name, data, { openid: ctx.invocation?.openid ?? '' });
  return { data: { response_data: JSON.stringify(result) } };
}

function statusFor(code: string): number {
  if (code === 'FUNCTION_NOT_FOUND') return 404;
  if (code === 'INVALID_PARAM') return 400;
  if (code === 'FUNCTIONS_TIMEOUT') return 504;
  return 500;
}

function isMultipart(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').startsWith('multipart/');
}

function actionFromBody(parsed: unknown): string | null {
  if (parsed && typeof parsed === 'object' && 'action' in parsed) {
    const a = (parsed as { action: unknown }).action;
    if (typeof a === 'string' && a) return a;
  }
  return null;
}

/**
 * openapi and cloudPay calls come as multipart forms: text fields become strings, binary parts
 * stay Buffers (their modules also read the untouched bytes from ctx.raw.body).
 */
function formFields(body: Buffer, contentType: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, part] of parseMultipart(body, contentType)) {
    fields[name] = part.contentType ? part.data : part.data.toString('utf8');
  }
  return fields;
}

function parseJson(body: Buffer): unknown {
  return JSON.parse(body.toString('utf8')) as unknown;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new CloudError('INVALID_PARAM', 'request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function clampInt(raw: string | null, fallback: number, min: number, max: number): number {
  const n = raw === null ? fallback : Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}
