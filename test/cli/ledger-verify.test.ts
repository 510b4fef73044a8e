import { cashAccount, unitAccount } from '../../core/ledger/accounts';
import { sealed } from '../../core/ledger/canonical';
import type { EntryDoc, TransferRequest } from '../../core/ledger/transfers';
import { sdkEnv } from '../../localcloud/sdkEnv';
import { postTransfersAlone } from '../../server/ledger/post';
import type { HeadDoc } from '../../server/ledger/store';
import { registryDb } from '../../server/repository/docs';
import { ensureCollections } from '../../server/repository/ensureCollections';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { database, type Db, type Doc } from '../helpers/sdkDatabase';
import { type CliRun, runTongti, withoutSdkEnv } from '../helpers/tongtiCli';
import { loadWxSdk, pointSdkAt } from '../helpers/wxSdk';

/**
 * `tongti ledger verify` as the real command against a real local cloud, with documents tampered
 * directly in the store: an edited amount, a removed entry (in the middle and at the end), a
 * forged entry (at the end with a valid hash, or claiming an existing seq), a balance that no
 * longer agrees. Each break exits 2 with one stderr line naming the first bad entry's `_id`.
 */
const AT = '2026-12-01T10:00:00+08:00';
jest.setTimeout(60_000);

describe('tongti ledger verify', () => {
  let t: TestCloud;
  let db: Db;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await startTestCloud();
    pointSdkAt(t.cloud);
    env = sdkEnv({ adminUrl: t.cloud.adminUrl, envId: t.cloud.envId });
    await ensureCollections(registryDb());
    db = database(loadWxSdk());
    const requests: TransferRequest[] = [];
    for (let i = 1; i <= 8; i += 1) {
      const unit = unitAccount(`u${i}`);
      requests.push({
        id: `charge-u${i}`,
        kind: 'charge',
        from: 'assessments',
        to: unit,
        amountFen: 1000_00,
      });
      requests.push({
        id: `pay-u${i}`,
        kind: 'payment',
        from: unit,
        to: 'collection',
        amountFen: 100_00 * i,
        channel: 'wechat',
      });
    }
    requests.push({
      id: 'cash-R1',
      kind: 'cash',
      from: unitAccount('u1'),
      to: cashAccount('p-staff'),
      amountFen: 50_00,
      pending: true,
    });
    await postTransfersAlone(requests, AT);
    await postTransfersAlone(
      [
        {
          id: 'cash-R1-post',
          kind: 'cash',
          from: unitAccount('u1'),
          to: cashAccount('p-staff'),
          amountFen: 50_00,
          postPendingId: 'cash-R1',
        },
      ],
      AT,
    );
  });
  afterAll(() => t.stop());

  const verify = (args: readonly string[] = []): Promise<CliRun> =>
    runTongti(
      ['ledger', 'verify', ...args],
      args.length ? withoutSdkEnv() : { ...process.env, ...env },
    );
  const entry = async (seq: number): Promise<EntryDoc> => {
    const { data } = await db.collection('entries').where({ seq }).get();
    const found = data[0] as EntryDoc | undefined;
    if (!found) throw new Error(`no entry ${seq}`);
    return found;
  };
  const restore = async (collection: string, doc: Doc & { _id: string }): Promise<void> => {
    const { _id, ...fields } = doc;
    await db.collection(collection).doc(_id).set({ data: fields });
  };
  const expectBroken = (run: CliRun, badId: string): void => {
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`_id ${badId}[ :]`));
  };

  it('prints ok, the count and the head hash of a sound ledger', async () => {
    const run = await verify();
    const head = (await db.collection('ledgerHead').doc('head').get()).data as unknown as HeadDoc;
    expect(run).toEqual({
      code: 0,
      stdout: `${JSON.stringify({ ok: true, count: 18, headHash: head.hash })}\n`,
      stderr: '',
    });
  });

  it('finds a local cloud by --port alone, with no environment set', async () => {
    const port = new URL(t.cloud.adminUrl).port;
    const run = await verify(['--port', port]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, count: 18 });
    expect(await verify(['--port', 'x'])).toMatchObject({ code: 2, stdout: '' });
  });

  it('names an entry whose amount was edited in the database', async () => {
    const original = await entry(6);
    await db
      .collection('entries')
      .doc(original._id)
      .update({ data: { amountFen: original.amountFen + 1 } });
    expectBroken(await verify(), original._id);
    await restore('entries', original as unknown as Doc & { _id: string });
    expect((await verify()).code).toBe(0);
  });

  it('names the entry after one that was removed, and the last one when the newest was removed', async () => {
    const removed = await entry(9);
    const next = await entry(10);
    await db.collection('entries').doc(removed._id).remove();
    expectBroken(await verify(), next._id);
    await restore('entries', removed as unknown as Doc & { _id: string });
    const newest = await entry(18);
    const before = await entry(17);
    await db.collection('entries').doc(newest._id).remove();
    expectBroken(await verify(), before._id);
    await restore('entries', newest as unknown as Doc & { _id: string });
    expect((await verify()).code).toBe(0);
  });

  it('names a forged entry: appended with a valid hash, or claiming an existing seq', async () => {
    const last = await entry(18);
    const forged = sealed({
      ...last,
      seq: 19,
      id: 'forged-1',
      kind: 'payment',
      from: unitAccount('u8'),
      to: 'collection',
      amountFen: 200_00,
      pending: false,
      postPendingId: null,
      voidPendingId: null,
      prevHash: last.hash,
    });
    await db.collection('entries').add({ data: { ...forged, _id: forged.id } });
    expectBroken(await verify(), 'forged-1');
    await db.collection('entries').doc('forged-1').remove();
    const third = await entry(3);
    await db
      .collection('entries')
      .add({ data: { ...third, _id: 'forged-2', id: 'forged-2', amountFen: 1 } });
    expectBroken(await verify(), 'forged-2');
    await db.collection('entries').doc('forged-2').remove();
    await db
      .collection('entries')
      .add({ data: { _id: 'forged-3', amountFen: 500_00, to: 'collection' } });
    expectBroken(await verify(), 'forged-3');
    await db.collection('entries').doc('forged-3').remove();
    expect((await verify()).code).toBe(0);
  });

  it('names the last entry of an account whose balance disagrees with the recount', async () => {
    const balance = (await db.collection('balances').doc('unit:u4').get()).data as Doc & {
      _id: string;
    };
    await db
      .collection('balances')
      .doc('unit:u4')
      .update({ data: { postedFen: 0 } });
    const run = await verify();
    expectBroken(run, 'pay-u4');
    expect(run.stderr).toContain('unit:u4');
    await restore('balances', balance);
    expect((await verify()).code).toBe(0);
  });
});
