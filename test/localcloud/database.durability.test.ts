import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { database, loadWxSdk, pointSdkAt } from '../helpers/sdkDatabase';

/*
 * A write the SDK saw acknowledged survives kill -9: the server runs in a child process, takes
 * writes from several concurrent writers, is killed with SIGKILL while more are in flight, and
 * is restarted on the same data folder.
 */

jest.setTimeout(40_000);

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'test', 'helpers', 'dbServerMain.ts');

interface Child {
  proc: ChildProcess;
  adminUrl: string;
}

/** Starts the server in its own process group, so SIGKILL reaches npx, tsx and node alike. */
function startChild(dir: string): Promise<Child> {
  const proc = spawn('npx', ['tsx', MAIN, dir], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) resolve({ proc, adminUrl: `http://127.0.0.1:${m[1]}/admin` });
    });
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}

function kill(child: Child, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) return resolve();
    child.proc.once('exit', () => resolve());
    if (child.proc.pid !== undefined) process.kill(-child.proc.pid, signal);
  });
}

let dir: string;
const children: Child[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tongti-durable-'));
});

afterAll(async () => {
  for (const c of children) await kill(c, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

test('every acknowledged write is there after kill -9 and a restart', async () => {
  const first = await startChild(dir);
  children.push(first);
  pointSdkAt(first.adminUrl);
  const db = database(loadWxSdk());
  await db.createCollection('durable');

  const acked: string[] = [];
  const counters = new Map<number, { acked: number; tried: number }>();
  let killed: Promise<void> | null = null;

  const writer = async (w: number): Promise<void> => {
    counters.set(w, { acked: -1, tried: -1 });
    for (let i = 0; ; i += 1) {
      try {
        const { _id } = await db.collection('durable').add({ data: { w, i } });
        acked.push(String(_id));
        const c = counters.get(w) ?? { acked: -1, tried: -1 };
        c.tried = i;
        await db
          .collection('durable')
          .doc(`counter-${w}`)
          .set({ data: { n: i } });
        c.acked = i;
      } catch {
        return; // the server is gone
      }
      if (acked.length >= 60 && !killed) killed = kill(first, 'SIGKILL');
    }
  };
  await Promise.all([0, 1, 2, 3].map(writer));
  await killed;
  expect(acked.length).toBeGreaterThanOrEqual(60);
  expect(first.proc.signalCode).toBe('SIGKILL');

  const second = await startChild(dir);
  children.push(second);
  pointSdkAt(second.adminUrl);
  const stored = await db.collection('durable').limit(1000).get();
  const present = new Set(stored.data.map((d) => String(d._id)));

  expect(acked.filter((id) => !present.has(id))).toEqual([]);
  for (const [w, c] of counters) {
    if (c.tried < 0) continue;
    const n = (await db.collection('durable').doc(`counter-${w}`).get()).data.n as number;
    expect(n).toBeGreaterThanOrEqual(c.acked);
    expect(n).toBeLessThanOrEqual(c.tried);
  }
  await kill(second, 'SIGTERM');
});
