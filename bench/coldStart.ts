import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OPENID_HEADER, startLocalCloud } from '../localcloud/server';
import { COLLECTIONS } from '../server/collections';

/**
 * Cold start of each built function in the local cloud: a fresh cloud (no worker started yet),
 * then one call per function that it refuses at once (an action no function has, from a stranger),
 * so the time is the worker's start, loading index.js with the SDK, and the first answer. A second
 * call to the now warm worker shows what the start costs.
 */

export interface ColdStart {
  name: string;
  coldMs: number;
  warmMs: number;
}

const PROBE_EVENT = { action: 'budgetColdStartProbe' };

export async function measureColdStarts(functionsDir: string): Promise<ColdStart[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongti-bench-cold-'));
  // Every collection exists (empty): a function that records what it refuses can write it.
  const seed = Object.fromEntries(COLLECTIONS.map((spec) => [spec.name, [] as object[]]));
  const cloud = await startLocalCloud({ dataDir, port: 0, functionsDir, seed });
  try {
    const call = async (name: string): Promise<number> => {
      const res = await fetch(`${cloud.url}/functions/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [OPENID_HEADER]: 'budget-stranger' },
        body: JSON.stringify({ data: PROBE_EVENT }),
      });
      // Any answer is an answer: a refusal, an error result or a crash report.
      await res.arrayBuffer();
      const record = cloud.invocations().find((r) => r.functionName === name);
      if (!record) throw new Error(`${name}: no invocation recorded (HTTP ${res.status})`);
      return record.ms;
    };
    const out: ColdStart[] = [];
    // One function at a time, so no start competes with another for the CPU.
    for (const name of cloud.functions.list()) {
      const coldMs = await call(name);
      const warmMs = await call(name);
      out.push({ name, coldMs, warmMs });
    }
    return out;
  } finally {
    await cloud.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
