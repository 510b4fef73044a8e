import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unitAccount, type AccountId } from '../core/ledger/accounts';
import type { TransferRequest } from '../core/ledger/transfers';
import { OPENID_HEADER, startLocalCloud, type LocalCloud } from '../localcloud/server';
import { sdkEnv } from '../localcloud/sdkEnv';
import { COLLECTIONS } from '../server/collections';
import { ledgerDocs } from '../server/ledger/seedDocs';
import { ledgerSeed, STAFF, TREASURER } from '../test/helpers/ledgerTower';
import { ledgerStorm } from '../test/helpers/ledgerStorm';
import type { ApiResult } from '../typings/api';
import { rowsBySize, type Row } from './table';

/**
 * The ledger through the local cloud, on a 138-flat tower and a 10,000-unit one whose ledger is
 * already long (a charge per unit, two thirds paid):
 * - database requests per public-ledger read: overview, an entries page (newest and deep in the
 *   chain), a page of units by standing, one unit's ledger — flat in the size of the building;
 * - `tongti ledger verify` as the real command over the whole ledger: wall time;
 * - 200 cash records through the function while 200 payments post from another client, then 200
 *   treasurer posts at once: lost, doubled, chain and balances against a recount.
 */
const SIZES = [138, 10_000] as const;
const STORM = 200;
const AT = '2026-12-01T10:00:00+08:00';

interface Sized {
  size: number;
  entries: number;
  overview: number;
  firstPage: number;
  deepPage: number;
  unitsPage: number;
  unitLedger: number;
  verifyMs: number;
  verifyOut: string;
}

async function call(
  cloud: LocalCloud,
  data: Record<string, unknown>,
  openid: string,
): Promise<number> {
  const res = await fetch(`${cloud.url}/functions/ledger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
    body: JSON.stringify({ data }),
  });
  const result = ((await res.json()) as { result: ApiResult<unknown> }).result;
  if (!result.ok)
    throw new Error(`ledger.${String(data.action)}: ${result.code} ${result.message}`);
  const record = cloud
    .invocations()
    .find((r) => r.functionName === 'ledger' && r.action === data.action);
  return record?.dbRequests ?? -1;
}

async function benchSize(size: number): Promise<Sized> {
  const { seed, unitIds } = ledgerSeed(size);
  const requests: TransferRequest[] = [];
  const account = (u: string): AccountId => unitAccount(u);
  for (const u of unitIds)
    requests.push({
      id: `charge-${u}`,
      kind: 'charge',
      from: 'assessments',
      to: account(u),
      amountFen: 12_000_00,
    });
  unitIds.forEach((u, i) => {
    if (i % 3 === 2) return;
    requests.push({
      id: `pay-${u}`,
      kind: 'payment',
      from: account(u),
      to: 'collection',
      amountFen: i % 6 === 1 ? 5_000_00 : 12_000_00,
      channel: 'wechat',
    });
  });
  Object.assign(seed, ledgerDocs(requests.map((request) => ({ request, at: AT }))));
  const dataDir = mkdtempSync(join(tmpdir(), 'tongti-bench-ledger-'));
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: join(__dirname, '..', 'cloudfunctions'),
    seed,
    port: 0,
  });
  try {
    const overview = await call(cloud, { action: 'overview' }, STAFF);
    const firstPage = await call(cloud, { action: 'entries', limit: 20 }, STAFF);
    const deepPage = await call(
      cloud,
      { action: 'entries', beforeSeq: Math.floor(requests.length / 2), limit: 20 },
      STAFF,
    );
    const unitsPage = await call(cloud, { action: 'units', status: 'unpaid', limit: 50 }, STAFF);
    const unitLedger = await call(cloud, { action: 'unitLedger', unitId: unitIds[1] }, STAFF);
    const env = sdkEnv({ adminUrl: cloud.adminUrl, envId: cloud.envId });
    const started = Date.now();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(__dirname, '..', 'bin', 'tongti.js'), 'ledger', 'verify'],
      {
        env: { ...process.env, ...env },
        maxBuffer: 1 << 20,
      },
    );
    const verifyMs = Date.now() - started;
    return {
      size,
      entries: requests.length,
      overview,
      firstPage,
      deepPage,
      unitsPage,
      unitLedger,
      verifyMs,
      verifyOut: stdout.trim().slice(0, 30),
    };
  } finally {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface StormRow {
  measure: string;
  value: string | number;
  target: string;
}

async function benchStorm(): Promise<StormRow[]> {
  const { seed, unitIds } = ledgerSeed(138);
  for (const c of COLLECTIONS) seed[c.name] ??= [];
  const dataDir = mkdtempSync(join(tmpdir(), 'tongti-bench-ledger-storm-'));
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: join(__dirname, '..', 'cloudfunctions'),
    seed,
    port: 0,
  });
  const saved = { ...process.env };
  Object.assign(process.env, sdkEnv({ adminUrl: cloud.adminUrl, envId: cloud.envId }));
  try {
    const r = await ledgerStorm(cloud, dataDir, {
      unitIds,
      n: STORM,
      staff: STAFF,
      treasurer: TREASURER,
      tag: 'S',
    });
    return [
      {
        measure: `${STORM} cash records + ${STORM} payments, then ${STORM} posts: landed`,
        value: `${r.succeeded} / ${r.sent}`,
        target: `${3 * STORM}`,
      },
      {
        measure: '  entries written / distinct ids (0 lost, 0 double)',
        value: `${r.entriesAdded} / ${r.distinctIds}`,
        target: `${3 * STORM}`,
      },
      { measure: '  conflicts the client retried', value: r.conflictsRetried, target: 'reported' },
      { measure: '  errors that are not conflicts', value: r.otherErrors.length, target: '0' },
      {
        measure: '  chain, head and balances = recount',
        value: r.verdict.ok ? 'yes' : `NO: ${r.verdict.reason}`,
        target: 'yes',
      },
      { measure: '  wall ms (4 instances + 1 client)', value: r.ms, target: 'reported' },
    ];
  } finally {
    process.env = saved;
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchLedger(): Promise<Row[]> {
  const sized: Sized[] = [];
  for (const size of SIZES) sized.push(await benchSize(size));
  const row = rowsBySize(sized);
  const rows = [
    row('entries in the ledger', 'reported', (s) => s.entries),
    row('overview: db requests, whole invocation', 'flat', (s) => s.overview),
    row('entries page (newest 20): db requests', 'flat', (s) => s.firstPage),
    row('entries page (middle of the chain): db requests', 'flat', (s) => s.deepPage),
    row('units page (50 unpaid): db requests', 'flat', (s) => s.unitsPage),
    row('one unit’s ledger: db requests', 'flat', (s) => s.unitLedger),
    row('tongti ledger verify: wall ms (real command)', 'reported', (s) => s.verifyMs),
    row('  its answer', '{"ok":true,…}', (s) => s.verifyOut),
  ];
  const storm = await benchStorm();
  return [
    ...rows,
    ...storm.map((r) => ({
      measure: r.measure,
      [`${(sized[0] as Sized).size.toLocaleString('en-US')} units`]: r.value,
      target: r.target,
    })),
  ];
}
