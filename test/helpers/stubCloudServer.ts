import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { isCloudError } from '../../localcloud/errors';
import type {
  AdminBody,
  AdminContext,
  CloudServices,
  InvocationRef,
  LocalCloudModule,
  RawRoute,
} from '../../localcloud/module';
import { parseMultipart } from '../../localcloud/openapi/multipart';

/**
 * A minimal local-cloud HTTP server for testing one module through the real SDK: JSON or
 * multipart `POST /admin` routed by `action`, raw routes by prefix, and fake services (an outbox
 * array, a caller-provided invokeFunction). `caller` plays the invocation the function host would
 * attach to requests made from inside a function.
 */
export interface StubRecord {
  kind: string;
  entry: Record<string, unknown>;
}

export interface StubCloud {
  baseUrl: string;
  adminUrl: string;
  dataDir: string;
  records: StubRecord[];
  services: CloudServices;
  /** The invocation attached to every /admin request; null = an outside SDK. */
  caller: InvocationRef | null;
  /** Environment variables that point wx-server-sdk at this server. */
  sdkEnv(openid: string): Record<string, string>;
  close(): Promise<void>;
}

export interface StubCloudOptions {
  invokeFunction?: CloudServices['invokeFunction'];
}

export async function startStubCloud(
  mount: (services: CloudServices) => LocalCloudModule[],
  options: StubCloudOptions = {},
): Promise<StubCloud> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stub-cloud-'));
  const records: StubRecord[] = [];
  let baseUrl = '';
  const services: CloudServices = {
    baseUrl: () => baseUrl,
    dataDir,
    invokeFunction:
      options.invokeFunction ??
      (async (name) => {
        throw new Error(`no function ${name} in the stub cloud`);
      }),
    record: (kind, entry) => records.push({ kind, entry }),
  };
  const modules = mount(services);
  const actions = new Map(modules.flatMap((m) => Object.entries(m.actions)));
  const routes: RawRoute[] = modules.flatMap((m) => m.routes ?? []);

  const stub: StubCloud = {
    baseUrl: '',
    adminUrl: '',
    dataDir,
    records,
    services,
    caller: null,
    sdkEnv: (openid) => ({
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: stub.adminUrl }),
      TENCENTCLOUD_SECRETID: 'x',
      TENCENTCLOUD_SECRETKEY: 'y',
      TCB_ENV: 'local',
      TENCENTCLOUD: 'true',
      SILENCE: 'true',
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
      WX_OPENID: openid,
      WX_APPID: 'wx0000000000000000',
      WX_UNIONID: '',
    }),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all(modules.map((m) => m.close?.()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', baseUrl);
      handle(req, res, url, body).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(e instanceof Error ? e.stack : String(e));
      });
    });
  });

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    body: Buffer,
  ): Promise<void> {
    if (req.method === 'POST' && url.pathname === '/admin') return handleAdmin(req, res, body);
    const route = routes.find((r) => r.method === req.method && url.pathname.startsWith(r.prefix));
    if (!route) {
      res.writeHead(404);
      res.end();
      return;
    }
    await route.handle(req, res, url, body);
  }

  async function handleAdmin(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Buffer,
  ): Promise<void> {
    const requestId = randomUUID();
    const contentType = req.headers['content-type'] ?? '';
    let adminBody: AdminBody;
    if (contentType.startsWith('multipart/form-data')) {
      const fields: Record<string, unknown> = {};
      for (const [name, part] of parseMultipart(body, contentType)) {
        fields[name] = part.contentType ? part.data : part.data.toString('utf8');
      }
      adminBody = { ...fields, action: String(fields.action ?? '') };
    } else {
      const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      adminBody = { ...parsed, action: String(parsed.action ?? '') };
    }
    const ctx: AdminContext = {
      requestId,
      invocation: stub.caller,
      raw: { headers: req.headers, body },
    };
    const action = actions.get(adminBody.action);
    try {
      if (!action) throw Object.assign(new Error('no action'), { code: 'ACTION_NOT_FOUND' });
      const result = await action(adminBody, ctx);
      if ('binary' in result && Buffer.isBuffer(result.binary)) {
        res.writeHead(200, { 'content-type': String(result.contentType) });
        res.end(result.binary);
        return;
      }
      sendJson(res, { ...result, requestId });
    } catch (e) {
      if (isCloudError(e)) {
        sendJson(res, { code: e.code, message: e.message, requestId });
        return;
      }
      const code = (e as { code?: unknown }).code;
      if (code === 'ACTION_NOT_FOUND') {
        sendJson(res, { code, message: `unknown action ${adminBody.action}`, requestId });
        return;
      }
      throw e;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  stub.baseUrl = baseUrl;
  stub.adminUrl = `${baseUrl}/admin`;
  return stub;
}

/** Errors go out as the real service sends them: HTTP 200 with a JSON {code, message}. */
function sendJson(res: http.ServerResponse, body: Record<string, unknown>): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Loads wx-server-sdk fresh with the env pointing at `stub`, as a cloud function would see it. */
export function loadSdk(stub: StubCloud, openid: string): WxServerSdk {
  Object.assign(process.env, stub.sdkEnv(openid));
  let sdk: WxServerSdk | undefined;
  jest.isolateModules(() => {
    sdk = jest.requireActual<WxServerSdk>('wx-server-sdk');
  });
  if (!sdk) throw new Error('wx-server-sdk did not load');
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  return sdk;
}

/** The slice of wx-server-sdk's API these tests call (its own typings are loose). */
export interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol;
  init(config: { env: unknown }): void;
  uploadFile(o: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  downloadFile(o: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(o: { fileList: Array<string | { fileID: string; maxAge: number }> }): Promise<{
    fileList: Array<{ fileID: string; status: number; errMsg: string; tempFileURL: string }>;
  }>;
  deleteFile(o: {
    fileList: string[];
  }): Promise<{ fileList: Array<{ fileID: string; status: number; errMsg: string }> }>;
  openapi: {
    subscribeMessage: { send: SdkCall };
    security: { msgSecCheck: SdkCall };
    wxacode: { getUnlimited: SdkCall; get: SdkCall; createQRCode: SdkCall };
    phonenumber: { getPhoneNumber: SdkCall };
    customerServiceMessage: { send: SdkCall };
  };
  cloudPay: { unifiedOrder: SdkCall; queryOrder: SdkCall; closeOrder: SdkCall; refund: SdkCall };
}

/** `cloud.openapi.a.b(params)` and `cloud.cloudPay.x(params)`: proxies whose leaves are calls. */
export type SdkCall = (params: Record<string, unknown>) => Promise<SdkResult>;

export type SdkResult = Record<string, unknown> & { errCode: number; errMsg: string };

/** What the SDK rejects with: an Error carrying errCode and errMsg. */
export async function sdkError(
  promise: Promise<unknown>,
): Promise<{ errCode: number; errMsg: string }> {
  try {
    await promise;
  } catch (e) {
    const err = e as { errCode?: unknown; errMsg?: unknown; message?: unknown };
    return {
      errCode: typeof err.errCode === 'number' ? err.errCode : NaN,
      errMsg: typeof err.errMsg === 'string' ? err.errMsg : String(err.message),
    };
  }
  throw new Error('expected the SDK call to fail');
}
