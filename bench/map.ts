import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unitAccount } from '../core/ledger/accounts';
import type { ContactStatus, Unit } from '../core/registry/model';
import { OPENID_HEADER, startLocalCloud, type LocalCloud } from '../localcloud/server';
import { COLLECTIONS } from '../server/collections';
import type { BalanceDoc } from '../server/ledger/store';
import { ORGANIZER, STAFF, towerSeed } from '../test/helpers/decisionsTower';
import type { ApiResult } from '../typings/api';
import { hostPage, tapOn } from './pageHost';
import { rowsBySize, type Row } from './table';

/**
 * The building map at 138 and 10,000 units (six flats a floor, so 10,000 units are 1,667
 * floors): database requests of each call the map pages make (they must not grow with the
 * building), their time, and the largest setData of the map page and the unit page, measured by
 * running the pages' own code against the local cloud (bench/pageHost.ts).
 */
const SIZES = [138, 10_000] as const;
const DECISION = 'd-ended';
const NOTICE = 'notice-bench';

interface Sized {
  size: number;
  requests: Record<string, number>;
  ms: Record<string, number>;
  mapSetData: number;
  mapCalls: number;
  unitSetData: number;
}

/** Money in motion and a phone tree, so every layer has every colour. */
function activity(units: readonly Unit[]): Record<string, object[]> {
  const at = '2026-12-01T10:00:00+08:00';
  const balances: BalanceDoc[] = units.map((u, i) => {
    const charged = 500_000;
    const posted = i % 4 === 0 ? 0 : i % 4 === 1 ? 200_000 : charged;
    const pending = i % 9 === 0 && posted > 0 ? -posted : 0;
    return {
      _id: unitAccount(u._id),
      account: unitAccount(u._id),
      kind: 'unit',
      unitId: u._id,
      postedFen: posted,
      pendingFen: pending,
      chargedFen: charged,
      status: posted === 0 ? 'paid' : posted < charged ? 'partly' : 'unpaid',
      lastSeq: i + 1,
      updatedAt: at,
    };
  });
  const contacts: ContactStatus[] = units
    .filter((_u, i) => i % 3 === 0 || i % 11 === 0)
    .map((u, i) => ({
      _id: u._id,
      buildingId: u.buildingId,
      unitId: u._id,
      reached: i % 11 !== 0,
      lastChannel: i % 2 ? 'phone' : 'visit',
      overseas: null,
      needsHomeVisit: i % 13 === 0 ? true : null,
      note: '',
      attempts: 1 + (i % 2),
      updatedBy: '社区工作者',
      updatedAt: at,
    }));
  const buildingId = units[0]?.buildingId ?? '';
  const articles = [
    { _id: NOTICE, buildingId, status: 'published', title: '缴款通知', publishedAt: at },
  ];
  const articleReads = units
    .filter((_u, i) => i % 5 !== 0)
    .map((u) => ({ _id: `${NOTICE}:${u._id}`, articleId: NOTICE, unitId: u._id, firstReadAt: at }));
  return { balances, contacts, articles, articleReads };
}

async function call(
  cloud: LocalCloud,
  data: Record<string, unknown>,
  openid: string,
): Promise<{ requests: number; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${cloud.url}/functions/cockpit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
    body: JSON.stringify({ data }),
  });
  const ms = Date.now() - started;
  const result = ((await res.json()) as { result: ApiResult<unknown> }).result;
  if (!result.ok) throw new Error(`cockpit.${String(data.action)}: ${result.message}`);
  const record = cloud
    .invocations()
    .find((r) => r.functionName === 'cockpit' && r.action === data.action);
  return { requests: record?.dbRequests ?? -1, ms };
}

async function measure(size: number): Promise<Sized> {
  const tower = towerSeed(size);
  const units = tower.collections.units;
  const seed: Record<string, object[]> = Object.fromEntries(COLLECTIONS.map((c) => [c.name, []]));
  Object.assign(seed, tower.collections, activity(units));
  const dataDir = mkdtempSync(join(tmpdir(), 'tongti-bench-map-'));
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: join(__dirname, '..', 'cloudfunctions'),
    port: 0,
    seed,
  });
  try {
    const top = Math.max(...units.map((u) => u.floor));
    const vote = { layer: 'vote', decisionId: DECISION };
    const calls: Array<[string, Record<string, unknown>]> = [
      ['overview', { action: 'overview' }],
      [
        'floors, vote (20 floors)',
        { action: 'mapFloors', layer: vote, fromFloor: top, toFloor: top - 19 },
      ],
      [
        'floors, pay (20 floors)',
        { action: 'mapFloors', layer: { layer: 'pay' }, fromFloor: top, toFloor: top - 19 },
      ],
      [
        'floors, contact (20 floors)',
        { action: 'mapFloors', layer: { layer: 'contact' }, fromFloor: top, toFloor: top - 19 },
      ],
      ['legend, vote', { action: 'mapLegend', layer: vote }],
      ['legend, pay', { action: 'mapLegend', layer: { layer: 'pay' } }],
      ['legend, contact', { action: 'mapLegend', layer: { layer: 'contact' } }],
      ['legend, read', { action: 'mapLegend', layer: { layer: 'read', articleId: NOTICE } }],
      ['unit history', { action: 'unitHistory', unitId: units[5]?._id ?? '' }],
      [
        'last mile, vote (first page)',
        { action: 'lastMile', work: { kind: 'vote', decisionId: DECISION } },
      ],
      ['last mile, money (first page)', { action: 'lastMile', work: { kind: 'money' } }],
    ];
    const requests: Record<string, number> = {};
    const ms: Record<string, number> = {};
    for (const [name, data] of calls) {
      await call(cloud, data, STAFF); // warm the worker
      const m = await call(cloud, data, STAFF);
      requests[name] = m.requests;
      ms[name] = m.ms;
    }

    // The map page as the organizer uses it: open, scroll three ranges down, every layer.
    const map = hostPage(cloud, ORGANIZER, 'building-map');
    await map.call('onLoad');
    for (let i = 0; i < 3; i += 1) await map.call('loadMore');
    for (const layer of ['pay', 'contact', 'read', 'vote']) {
      await map.call('onLayer', tapOn({ layer }));
      await map.call('loadMore');
    }
    if (map.data.status !== 'ready') throw new Error(`map page: ${String(map.data.statusMessage)}`);
    const unit = hostPage(cloud, ORGANIZER, 'map-unit');
    await unit.call('onLoad', { unitId: units[5]?._id ?? '', decisionId: DECISION });
    if (unit.data.status !== 'ready')
      throw new Error(`unit page: ${String(unit.data.statusMessage)}`);
    return {
      size,
      requests,
      ms,
      mapSetData: map.largestSetData,
      mapCalls: map.setDataCalls,
      unitSetData: unit.largestSetData,
    };
  } finally {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchMap(): Promise<Row[]> {
  const sized: Sized[] = [];
  for (const size of SIZES) sized.push(await measure(size));
  const row = rowsBySize(sized);
  const names = Object.keys(sized[0]?.requests ?? {});
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  return [
    ...names.map((name) =>
      row(`db requests: ${name}`, 'same at every size', (s) => s.requests[name] ?? -1),
    ),
    ...names.map((name) => row(`ms: ${name}`, 'reported', (s) => s.ms[name] ?? -1)),
    row('map page: largest setData', '≤ 16 KB', (s) => kb(s.mapSetData)),
    row('map page: setData calls (open, 3 ranges, 4 layers)', 'reported', (s) => s.mapCalls),
    row('unit page: largest setData', '≤ 16 KB', (s) => kb(s.unitSetData)),
  ];
}
