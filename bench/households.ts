import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud } from '../localcloud/server';
import { OPENID_HEADER } from '../localcloud/server';
import { demoSeed } from '../cli/seed/demo';
import type { Row } from './table';

/** households.summary through the local cloud: database requests and time per call. */
export async function benchHouseholds(): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongti-bench-'));
  const cloud = await startLocalCloud({
    dataDir,
    functionsDir: join(__dirname, '..', 'cloudfunctions'),
    seed: demoSeed().collections,
  });
  try {
    const rows: Row[] = [];
    const runs = 20;
    for (let i = 0; i < runs; i += 1) {
      const res = await fetch(`${cloud.url}/functions/households`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [OPENID_HEADER]: 'demo-organizer' },
        body: JSON.stringify({ data: { action: 'summary' } }),
      });
      if (!res.ok) throw new Error(`households.summary answered ${res.status}`);
    }
    const records = cloud.invocations().filter((r) => r.action === 'summary');
    const ms = records.map((r) => r.ms).sort((a, b) => a - b);
    rows.push({
      action: 'households.summary (138 units)',
      calls: records.length,
      'db requests / call': Math.max(...records.map((r) => r.dbRequests)),
      'median ms': ms[Math.floor(ms.length / 2)] ?? 0,
      'first call ms (cold worker)': records[records.length - 1]?.ms ?? 0,
    });
    return rows;
  } finally {
    await cloud.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
