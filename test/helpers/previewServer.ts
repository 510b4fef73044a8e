import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { previewRoutes } from '../../preview/routes';
import type { ApiResult, BuildingSummary } from '../../typings/api';

/**
 * A stand-in for the local cloud in the preview's tests: the preview's routes, the identity list,
 * a fake `households` function answering a BuildingSummary, and the pay simulator with its order
 * list. It records every function call (name, openid header, data) and payment for assertions.
 */

export interface PreviewIdentity {
  openid: string;
  label: string;
  role: string;
}

export interface RecordedCall {
  name: string;
  openid: string;
  data: unknown;
}

/** What the local cloudPay's `GET /pay/orders` lists (the fields the preview reads). */
export interface FakeOrder {
  outTradeNo: string;
  prepayId: string;
  totalFee: number;
  body: string;
}

export const DEMO_ORDERS: FakeOrder[] = [
  {
    outTradeNo: 'T-1001',
    prepayId: 'wx20240506001',
    totalFee: 10000,
    body: '电梯更新分摊款 12-01',
  },
];

export type FakeFunction = (data: Record<string, unknown>, openid: string) => unknown;

export interface PreviewServer {
  url: string;
  calls: RecordedCall[];
  payments: unknown[];
  /** Phone numbers the preview registered for getPhoneNumber codes. */
  phoneCodes: { code: string; phone: string }[];
  /** Subscription grants from accepted requestSubscribeMessage sheets. */
  subscriptions: unknown[];
  close(): Promise<void>;
}

export const DEMO_IDENTITIES: PreviewIdentity[] = [
  { openid: 'o-resident-1201', label: '王阿姨 12-01', role: 'resident' },
  { openid: 'o-committee-0302', label: '李师傅 03-02', role: 'committee' },
];

export const DEMO_SUMMARY: BuildingSummary = {
  buildingId: 'b-demo',
  name: '幸福里 3 号楼',
  address: '上海市徐汇区幸福路 88 弄 3 号',
  builtYear: 1996,
  floors: 24,
  elevators: 2,
  unitCount: 138,
  ownerCount: 131,
  totalAreaHundredths: 1_124_550,
  helpLine: { label: '居委会', phone: '021-6213 0000' },
  latestNotice: {
    id: 'n-1',
    title: '换梯意向征询今晚开始',
    summary: '请各户在本周日前完成意向登记，线上线下均可。',
    body: '请各户在本周日前完成意向登记。',
    author: '换梯小组',
    publishedAt: '2024-05-06T19:30:00+08:00',
  },
  areas: [
    {
      area: 'decisions',
      title: '议事',
      headline: '1 项表决进行中',
      detail: '更换电梯方案 · 还剩 5 天',
      path: '/pages/decisions/index',
    },
    {
      area: 'money',
      title: '筹款',
      headline: '已筹 42%',
      detail: '58 户已缴款',
      path: '/pages/money/index',
    },
  ],
};

function defaultFunctions(): Record<string, FakeFunction> {
  return {
    households: (data): ApiResult<BuildingSummary> =>
      data.action === 'summary'
        ? { ok: true, data: DEMO_SUMMARY }
        : { ok: false, code: 'UNKNOWN_ACTION', message: `unknown action ${String(data.action)}` },
  };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(text);
}

export async function startPreviewServer(opts: {
  outDir: string;
  identities?: PreviewIdentity[];
  functions?: Record<string, FakeFunction>;
  orders?: FakeOrder[];
}): Promise<PreviewServer> {
  const orders = opts.orders ?? DEMO_ORDERS;
  const routes = previewRoutes({ outDir: opts.outDir });
  const functions = { ...defaultFunctions(), ...opts.functions };
  const identities = opts.identities ?? DEMO_IDENTITIES;
  const calls: RecordedCall[] = [];
  const payments: unknown[] = [];
  const phoneCodes: { code: string; phone: string }[] = [];
  const subscriptions: unknown[] = [];

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req);
      const route = routes.find(
        (r) => r.method === req.method && url.pathname.startsWith(r.prefix),
      );
      if (route) {
        await route.handle(req, res, url, body);
        return;
      }
      if (req.method === 'GET' && url.pathname === '/api/identities') {
        json(res, 200, identities);
        return;
      }
      if (req.method === 'POST' && url.pathname.startsWith('/functions/')) {
        const name = decodeURIComponent(url.pathname.slice('/functions/'.length));
        const openid = String(req.headers['x-tongti-openid'] ?? '');
        const parsed: unknown = body.length ? JSON.parse(body.toString('utf8')) : {};
        const data =
          parsed !== null && typeof parsed === 'object' && 'data' in parsed
            ? ((parsed as { data: unknown }).data as Record<string, unknown>)
            : {};
        calls.push({ name, openid, data });
        const fn = functions[name];
        if (!fn) {
          json(res, 404, {
            error: { code: 'FUNCTION_NOT_FOUND', message: `function ${name} not found` },
          });
          return;
        }
        try {
          json(res, 200, { result: await fn(data, openid) });
        } catch (e) {
          json(res, 500, {
            error: { code: 'FUNCTIONS_EXECUTE_FAIL', message: (e as Error).message },
          });
        }
        return;
      }
      if (req.method === 'POST' && url.pathname === '/openapi/phone-codes') {
        const { phone } = JSON.parse(body.toString('utf8')) as { phone: string };
        const entry = { code: `code-${phoneCodes.length + 1}`, phone };
        phoneCodes.push(entry);
        json(res, 200, { code: entry.code, phoneNumber: phone });
        return;
      }
      if (req.method === 'POST' && url.pathname === '/openapi/subscriptions') {
        subscriptions.push(JSON.parse(body.toString('utf8')));
        json(res, 200, { ok: true });
        return;
      }
      if (req.method === 'GET' && url.pathname === '/pay/orders') {
        json(res, 200, orders);
        return;
      }
      if (req.method === 'POST' && url.pathname === '/pay/simulate') {
        payments.push(JSON.parse(body.toString('utf8')));
        json(res, 200, { ok: true });
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    })().catch((e: unknown) => {
      if (!res.headersSent) json(res, 500, { error: { code: 'SYS_ERR', message: String(e) } });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    payments,
    phoneCodes,
    subscriptions,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
