import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPENID_HEADER, startLocalCloud, type LocalCloud } from '../localcloud/server';
import type { Decision } from '../core/decisions/model';
import { isoAt } from '../core/decisions';
import { type Scheme, type SchemeLinkDoc, schemeLinkId } from '../core/funds/model';
import { verifyLedger, type StoredBalance, type StoredDoc } from '../core/ledger/chain';
import type { EntryDoc } from '../core/ledger/transfers';
import type { HeadDoc } from '../server/ledger/store';
import type { ApiResult, CreatedOrder, IssueChargesResult } from '../typings/api';
import { ORGANIZER, type Tower } from '../test/helpers/decisionsTower';
import { COST_DECISION, PLAN_A_FEN, finalWith, fundsSeed } from '../test/helpers/fundsTower';
import { rowsBySize, type Row } from './table';

/**
 * funds through the local cloud and its pay simulator, on a 138-flat tower and a 10,000-unit one
 * whose vote on plan A (by area) is final:
 * - charging every unit (1,000 a call) and the database requests per payment: createOrder, the
 *   notification that credits it, a replayed notification, the payer's status check;
 * - one payment's notification replayed 10×: transfers and credits;
 * - 200 payments ordered and paid at once (8 workers per function, notifications retried by the
 *   simulator as WeChat would): lost, doubled, and the ledger's balances against a recount.
 */
const SIZES = [138, 10_000] as const;
const CONCURRENT = 200;
const SCHEME_ID = 's-bench';
/** ¥1 a payment: the least allowed, within every share even at 10,000 units. */
const PAY_FEN = 100;

interface Sized {
  size: number;
  chargeMs: number;
  chargeCalls: number;
  charged: number;
  createOrderRequests: number;
  callbackRequests: number;
  replayRequests: number;
  orderStatusRequests: number;
  replayTransfers: number;
  replayCredits: number;
  storm: Storm;
}

interface Storm {
  paid: number;
  lost: number;
  doubled: number;
  acknowledgedFirstTry: number;
  ledgerOk: boolean;
  collectedEqualsPaid: boolean;
  ms: number;
}

async function call<T>(
  cloud: LocalCloud,
  data: Record<string, unknown>,
  openid: string,
): Promise<T> {
  const res = await fetch(`${cloud.url}/functions/funds`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
    body: JSON.stringify({ data }),
  });
  if (!res.ok) throw new Error(`funds.${String(data.action)} answered HTTP ${res.status}`);
  const result = ((await res.json()) as { result: ApiResult<T> }).result;
  if (!result.ok) throw new Error(`funds.${String(data.action)}: ${result.code} ${result.message}`);
  return result.data;
}

function requestsOf(cloud: LocalCloud, functionName: string, action?: string): number {
  const record = cloud
    .invocations()
    .find((r) => r.functionName === functionName && (action === undefined || r.action === action));
  if (!record) throw new Error(`no invocation of ${functionName}.${action ?? ''}`);
  return record.dbRequests;
}

/** The tower with plan A carried and an area scheme on it, as if voted and published. */
function seeded(size: number, now: number): Tower {
  const tower = fundsSeed(size, now);
  const decisions = tower.collections.decisions.map((d): Decision =>
    d._id === COST_DECISION ? { ...d, ...finalWith('A', now) } : d,
  );
  const at = isoAt(now);
  const scheme: Scheme = {
    _id: SCHEME_ID,
    buildingId: tower.collections.buildings[0]?._id ?? '',
    title: '按面积分摊',
    method: 'area',
    totalFen: PLAN_A_FEN,
    coefficients: {},
    exemptions: [],
    link: { decisionId: COST_DECISION, planKey: 'A' },
    createdBy: ORGANIZER,
    createdAt: at,
    updatedAt: at,
    chargedUnits: 0,
    chargedFen: 0,
  };
  const link: SchemeLinkDoc = {
    _id: schemeLinkId(COST_DECISION, 'A'),
    decisionId: COST_DECISION,
    planKey: 'A',
    schemeId: SCHEME_ID,
  };
  return {
    ...tower,
    collections: {
      ...tower.collections,
      decisions,
      ...{ schemes: [scheme], schemeLinks: [link] },
    },
  };
}

function docsOf<T>(cloud: LocalCloud, name: string): T[] {
  return cloud.database.documents(name, 0, 10_000_000).docs as T[];
}

async function storm(cloud: LocalCloud, payers: Array<[string, string]>): Promise<Storm> {
  const started = Date.now();
  const orders = await Promise.all(
    payers.map(([unitId, openid]) =>
      call<CreatedOrder>(cloud, { action: 'createOrder', unitId, amountFen: PAY_FEN }, openid),
    ),
  );
  const reports = await Promise.all(orders.map((o) => cloud.pay.simulate(o.outTradeNo, 'success')));
  const ms = Date.now() - started;
  const numbers = new Set(orders.map((o) => o.outTradeNo));
  const payments = docsOf<EntryDoc>(cloud, 'entries').filter(
    (e) => e.kind === 'payment' && numbers.has(e.refs.orderNo ?? ''),
  );
  const perOrder = new Map<string, number>();
  for (const p of payments) {
    const no = p.refs.orderNo ?? '';
    perOrder.set(no, (perOrder.get(no) ?? 0) + 1);
  }
  const entries = docsOf<StoredDoc>(cloud, 'entries');
  const verdict = verifyLedger(
    entries,
    docsOf<StoredBalance>(cloud, 'balances'),
    docsOf<HeadDoc>(cloud, 'ledgerHead')[0] ?? null,
  );
  const collection = docsOf<StoredBalance & { postedFen: number }>(cloud, 'balances').find(
    (b) => b._id === 'collection',
  );
  const allPayments = docsOf<EntryDoc>(cloud, 'entries').filter((e) => e.kind === 'payment');
  return {
    paid: perOrder.size,
    lost: orders.filter((o) => !perOrder.has(o.outTradeNo)).length,
    doubled: [...perOrder.values()].filter((n) => n > 1).length,
    acknowledgedFirstTry: reports.filter((r) => r.notify.attempts.length === 1).length,
    ledgerOk: verdict.ok,
    collectedEqualsPaid:
      (collection?.postedFen ?? -1) === allPayments.reduce((sum, e) => sum + e.amountFen, 0),
    ms,
  };
}

async function benchSize(size: number): Promise<Sized> {
  const now = Date.now();
  const tower = seeded(size, now);
  const dataDir = mkdtempSync(join(tmpdir(), 'tongti-bench-funds-'));
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: join(__dirname, '..', 'cloudfunctions'),
    seed: tower.collections,
    maxWorkersPerFunction: 8,
  });
  try {
    const chargeStarted = Date.now();
    let chargeCalls = 0;
    let charged: IssueChargesResult;
    do {
      charged = await call<IssueChargesResult>(
        cloud,
        { action: 'issueCharges', schemeId: SCHEME_ID, dueDate: '2027-01-31' },
        ORGANIZER,
      );
      chargeCalls += 1;
    } while (charged.remaining > 0);
    const chargeMs = Date.now() - chargeStarted;
    console.error(`funds bench ${size}: charged in ${chargeMs} ms`);

    const owners = [...tower.ownerOpenid.entries()];
    const [firstUnit, firstOwner] = owners[0] ?? ['', ''];
    const order = await call<CreatedOrder>(
      cloud,
      { action: 'createOrder', unitId: firstUnit, amountFen: PAY_FEN },
      firstOwner,
    );
    const createOrderRequests = requestsOf(cloud, 'funds', 'createOrder');
    await cloud.pay.simulate(order.outTradeNo, 'success');
    const callbackRequests = requestsOf(cloud, 'payCallback');
    for (let i = 0; i < 9; i += 1) await cloud.pay.simulate(order.outTradeNo, 'success');
    const replayRequests = requestsOf(cloud, 'payCallback');
    await call(cloud, { action: 'orderStatus', outTradeNo: order.outTradeNo }, firstOwner);
    const orderStatusRequests = requestsOf(cloud, 'funds', 'orderStatus');
    const firstPayments = docsOf<EntryDoc>(cloud, 'entries').filter(
      (e) => e.kind === 'payment' && e.unitId === firstUnit,
    );
    const balance = docsOf<StoredBalance & { postedFen: number; chargedFen: number }>(
      cloud,
      'balances',
    ).find((b) => b._id === `unit:${firstUnit}`);
    const replayCredits = balance ? (balance.chargedFen - balance.postedFen) / PAY_FEN : -1;

    // 200 payments at once; a small tower pays twice from some units (partial payments).
    const payers: Array<[string, string]> = [];
    for (let i = 1; payers.length < CONCURRENT; i += 1) {
      const pair = owners[i % owners.length];
      if (pair) payers.push(pair);
    }
    const figures = await storm(cloud, payers);
    return {
      size,
      chargeMs,
      chargeCalls,
      charged: charged.chargedUnits,
      createOrderRequests,
      callbackRequests,
      replayRequests,
      orderStatusRequests,
      replayTransfers: firstPayments.length,
      replayCredits,
      storm: figures,
    };
  } finally {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchFunds(): Promise<Row[]> {
  const sized: Sized[] = [];
  for (const size of SIZES) sized.push(await benchSize(size));
  const row = rowsBySize(sized);
  return [
    row('issueCharges: units charged / calls', 'all', (s) => `${s.charged} / ${s.chargeCalls}`),
    row('issueCharges: ms for the whole building', 'reported', (s) => s.chargeMs),
    row('createOrder: db requests', 'flat', (s) => s.createOrderRequests),
    row('payCallback (credits): db requests', 'flat', (s) => s.callbackRequests),
    row('payCallback (repeat): db requests', 'flat', (s) => s.replayRequests),
    row('orderStatus (paid): db requests', 'flat', (s) => s.orderStatusRequests),
    row('one payment, notification 10×: transfers', '1', (s) => s.replayTransfers),
    row('one payment, notification 10×: credits', '1', (s) => s.replayCredits),
    row(`${CONCURRENT} concurrent payments: credited`, `${CONCURRENT}`, (s) => s.storm.paid),
    row('  lost', '0', (s) => s.storm.lost),
    row('  credited twice', '0', (s) => s.storm.doubled),
    row(
      '  notifications acknowledged at the first try',
      'reported',
      (s) => s.storm.acknowledgedFirstTry,
    ),
    row('  balances = recount, chain intact', 'yes', (s) => (s.storm.ledgerOk ? 'yes' : 'NO')),
    row('  collection = Σ payments', 'yes', (s) => (s.storm.collectedEqualsPaid ? 'yes' : 'NO')),
    row('  wall ms (order + pay, 8 workers)', 'reported', (s) => s.storm.ms),
  ];
}
