import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { database } from '../helpers/sdkDatabase';
import { type ServeProcess, startServe } from '../helpers/tongtiCli';
import { loadWxSdk, pointSdkAt } from '../helpers/wxSdk';

/*
 * A write the SDK saw acknowledged survives kill -9: the real `tongti serve` runs in a child
 * process group, takes writes from several concurrent writers in this process, is killed with
 * SIGKILL while more are in flight, and is restarted on the same data folder.
 */

jest.setTimeout(40_000);

let dir: string;
const servers: ServeProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tongti-durable-'));
});

afterAll(async () => {
  for (const s of servers) await s.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function serve(): Promise<ServeProcess> {
  const server = await startServe(dir);
  servers.push(server);
  pointSdkAt({ adminUrl: server.adminUrl, envId: 'tongti-local' });
  return server;
}

test('every acknowledged write is there after kill -9 and a restart', async () => {
  const first = await serve();
  const db = database(loadWxSdk());
  await db.createCollection('durable');

  const acked: string[] = [];
  const counters = new Map<number, { acked: number; tried: number }>();
  let killed: Promise<void> | null = null;

  const writer = async (w: number): Promise<void> => {
    const c = { acked: -1, tried: -1 };
    counters.set(w, c);
    for (let i = 0; ; i += 1) {
      try {
        const { _id } = await db.collection('durable').add({ data: { w, i } });
        acked.push(String(_id));
        c.tried = i;
        await db
          .collection('durable')
          .doc(`counter-${w}`)
          .set({ data: { n: i } });
        c.acked = i;
      } catch {
        return; // the server is gone
      }
      if (acked.length >= 60 && !killed) killed = first.kill('SIGKILL');
    }
  };
  await Promise.all([0, 1, 2, 3].map(writer));
  await killed;
  expect(acked.length).toBeGreaterThanOrEqual(60);
  expect(first.proc.signalCode).toBe('SIGKILL');

  const second = await serve();
  const stored = await db.collection('durable').limit(1000).get();
  const present = new Set(stored.data.map((d) => String(d._id)));

  expect(acked.filter((id) => !present.has(id))).toEqual([]);
  for (const [w, c] of counters) {
    if (c.tried < 0) continue;
    const n = (await db.collection('durable').doc(`counter-${w}`).get()).data.n as number;
    expect(n).toBeGreaterThanOrEqual(c.acked);
    expect(n).toBeLessThanOrEqual(c.tried);
  }
  await second.kill('SIGTERM');
  expect(second.proc.exitCode).toBe(0);
});
