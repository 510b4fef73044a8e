import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, type ServeProcess, startServe, tongtiEnv } from '../helpers/tongtiCli';

/*
 * The way outside checks reach our server: `tongti serve --seed none` runs, `tongti env --port N`
 * prints the variables, and a separate node process whose environment is exactly those variables
 * uses the unmodified wx-server-sdk against it.
 */

jest.setTimeout(30_000);

/** Runs in the child: collection, add, get, count and a transaction; prints the results as JSON. */
const CLIENT = `
const cloud = require('wx-server-sdk');
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const db = cloud.database();
const _ = db.command;
(async () => {
  const out = {};
  out.createCollection = await db.createCollection('cli_env');
  const c = db.collection('cli_env');
  out.add = await c.add({ data: { name: 'unit-1203', n: 1, at: new Date('2025-03-01T08:00:00Z') } });
  out.get = await c.doc(out.add._id).get();
  out.where = await c.where({ name: 'unit-1203' }).get();
  out.transaction = await db.runTransaction(async (t) => {
    const before = (await t.collection('cli_env').doc(out.add._id).get()).data.n;
    await t.collection('cli_env').doc(out.add._id).update({ data: { n: _.inc(1) } });
    const added = await t.collection('cli_env').add({ data: { name: 'unit-1204', n: 10 } });
    return { before, addedId: added._id };
  });
  out.afterTransaction = await c.doc(out.add._id).get();
  out.count = await c.count();
  out.wxContext = cloud.getWXContext();
  process.stdout.write(JSON.stringify(out), () => process.exit(0));
})().catch((e) => {
  process.stderr.write(String((e && e.stack) || e) + ' ' + JSON.stringify(e));
  process.exit(1);
});
`;

let dataDir: string;
let server: ServeProcess;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tongti-cli-env-'));
  server = await startServe(dataDir);
});

afterAll(async () => {
  await server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

function runClient(env: Record<string, string>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', CLIENT],
      // cwd only decides where require() finds wx-server-sdk; env is exactly what tongti printed.
      { cwd: REPO_ROOT, env },
      (err, stdout, stderr) => {
        if (err) return reject(new Error(`client failed: ${err.message}\n${stderr}`));
        resolve(JSON.parse(stdout) as Record<string, unknown>);
      },
    );
  });
}

test('a separate process with only the variables `tongti env` prints uses the server through the real SDK', async () => {
  const env = await tongtiEnv(server.port);
  expect(JSON.parse(env.TCB_CONTEXT_CNFG ?? '{}')).toEqual({ URL: `${server.url}/admin` });

  const out = await runClient(env);

  expect(out.createCollection).toEqual(expect.objectContaining({ errMsg: 'createCollection:ok' }));
  const added = out.add as { _id: string; errMsg: string };
  expect(added).toEqual({
    _id: expect.stringMatching(/^[0-9a-f]{32}$/),
    errMsg: 'collection.add:ok',
  });
  const doc = { _id: added._id, name: 'unit-1203', n: 1, at: '2025-03-01T08:00:00.000Z' };
  expect(out.get).toEqual({ data: doc, errMsg: 'document.get:ok' });
  expect(out.where).toEqual({ data: [doc], errMsg: 'collection.get:ok' });
  expect(out.transaction).toEqual({
    before: 1,
    addedId: expect.stringMatching(/^[0-9a-f]{32}$/),
  });
  expect(out.afterTransaction).toEqual({ data: { ...doc, n: 2 }, errMsg: 'document.get:ok' });
  expect(out.count).toEqual({ total: 2, errMsg: 'collection.count:ok' });
  expect(out.wxContext).toEqual(
    expect.objectContaining({ OPENID: '', APPID: 'wx0000000000000000', ENV: 'tongti-local' }),
  );
  // The server holds what the client wrote, as its console reports it.
  const stored = (await (await fetch(`${server.url}/api/collections/cli_env`)).json()) as {
    total: number;
  };
  expect(stored.total).toBe(2);
});
