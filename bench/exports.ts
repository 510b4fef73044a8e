import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoBuilding } from '../cli/seed';
import { unitAccount } from '../core/ledger/accounts';
import type { TransferRequest } from '../core/ledger/transfers';
import type { ContactStatus } from '../core/registry/model';
import { OPENID_HEADER, startLocalCloud, type LocalCloud } from '../localcloud/server';
import { COLLECTIONS } from '../server/collections';
import { ledgerDocs } from '../server/ledger/seedDocs';
import { ADMIN, ORGANIZER, towerSeed, votesFor } from '../test/helpers/decisionsTower';
import type { ApiResult, ExportFileView } from '../typings/api';
import { printTable, rowsBySize, type Row } from './table';

/**
 * The exports through the local cloud, on the demo building (138 flats, its real story) and a
 * 10,000-unit tower (two thirds voted in the open decision, a charge per unit and two thirds paid,
 * half the households contacted): database requests, wall time of the function and size of the
 * file for each export. Requests grow with the building only by pages of a thousand documents
 * (five hundred ids for names), never by unit.
 */

const SIZES = [138, 10_000] as const;
const KINDS = ['decision', 'ledger', 'contacts'] as const;
type Kind = (typeof KINDS)[number];

interface Measured {
  requests: number;
  ms: number;
  kb: number;
  rows: number;
}

interface Sized {
  size: number;
  exports: Record<Kind, Measured>;
}

interface Building {
  seed: Record<string, object[]>;
  decisionId: string;
  organizer: string;
  admin: string;
}

function demo(): Building {
  return {
    seed: demoBuilding(Date.now()).collections as unknown as Record<string, object[]>,
    decisionId: 'd-outage-arrangements',
    organizer: 'demo-organizer',
    admin: 'demo-admin',
  };
}

function tower(count: number): Building {
  const now = Date.now();
  const t = towerSeed(count, now);
  const units = t.collections.units;
  const ended = t.collections.decisions.find((d) => d._id === 'd-ended');
  if (!ended) throw new Error('the tower has no open decision');
  const casts = units
    .filter((_, i) => i % 3 !== 2)
    .map((u, i) => ({ unitId: u._id, choice: i % 5 === 4 ? 'no' : 'yes' }));
  const votes = votesFor(ended, units, casts, now - 3 * 86_400_000);
  const at = '2026-12-01T09:00:00+08:00';
  const requests: TransferRequest[] = units.map((u) => ({
    id: `charge:${u._id}`,
    kind: 'charge',
    from: 'assessments',
    to: unitAccount(u._id),
    amountFen: 7_100_00,
    unitId: u._id,
  }));
  units.forEach((u, i) => {
    if (i % 3 === 2) return;
    requests.push({
      id: `wx:${u._id}`,
      kind: 'payment',
      from: unitAccount(u._id),
      to: 'collection',
      amountFen: 7_100_00,
      unitId: u._id,
      channel: 'wechat',
      payer: { name: '业主' },
    });
  });
  const contacts = units
    .filter((_, i) => i % 2 === 0)
    .map((u): ContactStatus => ({
      _id: u._id,
      buildingId: u.buildingId,
      unitId: u._id,
      reached: true,
      lastChannel: 'phone',
      overseas: null,
      needsHomeVisit: null,
      note: '已电话通知',
      attempts: 1,
      updatedBy: '社区工作者',
      updatedAt: at,
    }));
  const seed: Record<string, object[]> = Object.fromEntries(COLLECTIONS.map((c) => [c.name, []]));
  Object.assign(seed, t.collections, {
    ballots: [...t.collections.ballots.filter((b) => b.decisionId !== 'd-ended'), ...votes.ballots],
    tallies: [...t.collections.tallies.filter((s) => s.decisionId !== 'd-ended'), ...votes.tallies],
    contacts,
    ...ledgerDocs(requests.map((request) => ({ request, at }))),
  });
  return { seed, decisionId: 'd-ended', organizer: ORGANIZER, admin: ADMIN };
}

async function exportOnce(
  cloud: LocalCloud,
  kind: Kind,
  data: Record<string, unknown>,
  openid: string,
): Promise<Measured> {
  const res = await fetch(`${cloud.url}/functions/exports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
    body: JSON.stringify({ data: { action: kind, ...data } }),
  });
  if (!res.ok) throw new Error(`exports.${kind} answered HTTP ${res.status}`);
  const result = ((await res.json()) as { result: ApiResult<ExportFileView> }).result;
  if (!result.ok) throw new Error(`exports.${kind}: ${result.code} ${result.message}`);
  const record = cloud.invocations().find((r) => r.functionName === 'exports' && r.action === kind);
  if (!record) throw new Error(`no invocation of exports.${kind}`);
  const file = await fetch(result.data.tempUrl);
  const bytes = (await file.arrayBuffer()).byteLength;
  return {
    requests: record.dbRequests,
    ms: record.ms,
    kb: Math.round(bytes / 1024),
    rows: result.data.rows,
  };
}

async function measure(size: number): Promise<Sized> {
  const building = size === 138 ? demo() : tower(size);
  const dataDir = mkdtempSync(join(tmpdir(), 'tongti-bench-exports-'));
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: join(__dirname, '..', 'cloudfunctions'),
    seed: building.seed,
    port: 0,
  });
  try {
    // A first call warms the worker (and loads exceljs): the cold start is the budget bench's.
    await exportOnce(cloud, 'contacts', {}, building.admin);
    return {
      size,
      exports: {
        decision: await exportOnce(
          cloud,
          'decision',
          { decisionId: building.decisionId },
          building.organizer,
        ),
        ledger: await exportOnce(cloud, 'ledger', {}, building.organizer),
        contacts: await exportOnce(cloud, 'contacts', {}, building.admin),
      },
    };
  } finally {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchExports(): Promise<Row[]> {
  const sized: Sized[] = [];
  for (const size of SIZES) sized.push(await measure(size));
  const row = rowsBySize(sized);
  const LABELS: Record<Kind, string> = {
    decision: 'exports.decision (roll, ballots, tally)',
    ledger: 'exports.ledger (units, payments, ledger)',
    contacts: 'exports.contacts (contact list)',
  };
  return KINDS.flatMap((kind) => [
    row(`${LABELS[kind]}: db requests`, '≤ 60 at 10,000', (s) => s.exports[kind].requests),
    row(`${LABELS[kind]}: ms`, '< 60,000 (timeout)', (s) => s.exports[kind].ms),
    row(`${LABELS[kind]}: file KB`, '', (s) => s.exports[kind].kb),
  ]);
}

if (require.main === module) {
  void benchExports().then(
    (rows) => printTable('Exports: requests and time per export', rows),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
