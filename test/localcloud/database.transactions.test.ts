import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { database, type Db } from '../helpers/sdkDatabase';
import { type ServerClock, stopServerClock } from '../helpers/serverClock';
import { loadWxSdk, pointSdkAt, sdkFailure } from '../helpers/wxSdk';

/*
 * Transactions of the real local cloud through the real SDK: commit, rollback, conflicts that
 * runTransaction retries, snapshot isolation, what is allowed inside, and idle transactions being
 * aborted.
 */

let clock: ServerClock;
let local: TestCloud;
let db: Db;

/** A promise the test resolves by hand, to interleave two transactions deterministically. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

beforeAll(async () => {
  clock = stopServerClock(Date.parse('2025-03-01T08:00:00Z'));
  local = await startTestCloud();
  pointSdkAt(local.cloud);
  db = database(loadWxSdk());
  await db.createCollection('acc');
  await db.createCollection('log');
});

afterAll(async () => {
  await local.stop();
  clock.restore();
});

const value = async (id: string): Promise<unknown> =>
  (await db.collection('acc').doc(id).get()).data.n;

test('commit applies every write together; the callback sees its own writes', async () => {
  await db
    .collection('acc')
    .doc('a')
    .set({ data: { n: 1 } });
  await db
    .collection('acc')
    .doc('gone')
    .set({ data: { n: 1 } });

  const result = await db.runTransaction(async (t) => {
    await t
      .collection('acc')
      .doc('a')
      .update({ data: { n: db.command.inc(1) } });
    await t
      .collection('acc')
      .doc('b')
      .set({ data: { n: 10 } });
    await t.collection('acc').doc('gone').remove();
    const { _id } = await t.collection('log').add({ data: { what: 'moved' } });
    const own = await t.collection('acc').doc('a').get();
    expect((await sdkFailure(db.collection('acc').doc('b').get())).errMsg).toMatch(
      /does not exist/,
    );
    return { own: own.data.n, logId: _id };
  });

  expect(result.own).toBe(2);
  expect(await value('a')).toBe(2);
  expect(await value('b')).toBe(10);
  expect((await sdkFailure(db.collection('acc').doc('gone').get())).errMsg).toMatch(/not exist/);
  expect((await db.collection('log').doc(String(result.logId)).get()).data.what).toBe('moved');
});

test('rollback(x) rejects runTransaction with x and discards the writes', async () => {
  await db
    .collection('acc')
    .doc('r')
    .set({ data: { n: 1 } });
  const reason = { code: 'NOT_ENOUGH', left: 1 };

  const outcome = await db
    .runTransaction(async (t) => {
      await t
        .collection('acc')
        .doc('r')
        .update({ data: { n: 99 } });
      await t.collection('log').add({ data: { what: 'rolled back' } });
      await t.rollback(reason);
    })
    .then(
      () => 'resolved',
      (e: unknown) => e,
    );

  expect(outcome).toBe(reason);
  expect(await value('r')).toBe(1);
  expect((await db.collection('log').where({ what: 'rolled back' }).count()).total).toBe(0);
});

test('an error thrown in the callback rejects with it and discards the writes', async () => {
  const boom = new Error('boom');
  const outcome = await db
    .runTransaction(async (t) => {
      await t
        .collection('acc')
        .doc('r')
        .update({ data: { n: 50 } });
      throw boom;
    })
    .then(
      () => 'resolved',
      (e: unknown) => e,
    );

  expect(outcome).toBe(boom);
  expect(await value('r')).toBe(1);
});

test('a write conflict fails the commit with the code runTransaction retries on', async () => {
  await db
    .collection('acc')
    .doc('c')
    .set({ data: { n: 0 } });
  const read = gate();
  const paused = gate();
  let attempts = 0;

  const running = db.runTransaction(async (t) => {
    attempts += 1;
    const before = (await t.collection('acc').doc('c').get()).data.n as number;
    if (attempts === 1) {
      read.open();
      await paused.wait;
    }
    await t
      .collection('acc')
      .doc('c')
      .update({ data: { n: before + 1 } });
    return before;
  });
  // Once the first attempt has read, change the document under it.
  await read.wait;
  await db
    .collection('acc')
    .doc('c')
    .update({ data: { n: db.command.inc(10) } });
  paused.open();

  expect(await running).toBe(10);
  expect(attempts).toBe(2);
  expect(await value('c')).toBe(11);
});

test('first writer wins between two open transactions', async () => {
  await db
    .collection('acc')
    .doc('w')
    .set({ data: { n: 0 } });
  const first = await db.startTransaction();
  const second = await db.startTransaction();

  await first
    .collection('acc')
    .doc('w')
    .update({ data: { n: 1 } });
  await second
    .collection('acc')
    .doc('w')
    .update({ data: { n: 2 } });
  await first.commit();
  const lost = await second.commit().then(
    () => null,
    (e: unknown) => e as { code?: unknown; message?: unknown },
  );

  expect(lost?.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(String(lost?.message)).toMatch(/TransactionConflict/);
  expect(await value('w')).toBe(1);
});

test('a conflict on a document deleted after the snapshot is detected too', async () => {
  await db
    .collection('acc')
    .doc('del')
    .set({ data: { n: 5 } });
  const t = await db.startTransaction();
  expect((await t.collection('acc').doc('del').get()).data.n).toBe(5);

  await db.collection('acc').doc('del').remove();
  expect((await t.collection('acc').doc('del').get()).data.n).toBe(5);
  await t
    .collection('acc')
    .doc('del')
    .update({ data: { n: 6 } });
  const lost = await t.commit().then(
    () => null,
    (e: unknown) => e as { code?: unknown },
  );

  expect(lost?.code).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect((await sdkFailure(db.collection('acc').doc('del').get())).errMsg).toMatch(/not exist/);
});

test('snapshot isolation: reads see the start state plus own writes; others see nothing early', async () => {
  await db
    .collection('acc')
    .doc('s')
    .set({ data: { n: 1 } });
  const t = await db.startTransaction();
  expect((await t.collection('acc').doc('s').get()).data.n).toBe(1);

  await db
    .collection('acc')
    .doc('s')
    .update({ data: { n: 2 } });
  await db
    .collection('acc')
    .doc('late')
    .set({ data: { n: 1 } });
  expect((await t.collection('acc').doc('s').get()).data.n).toBe(1);
  expect((await sdkFailure(t.collection('acc').doc('late').get())).errMsg).toBe(
    'document.get:fail document with _id late does not exist',
  );

  await t
    .collection('acc')
    .doc('mine')
    .set({ data: { n: 7 } });
  expect((await t.collection('acc').doc('mine').get()).data.n).toBe(7);
  expect((await sdkFailure(db.collection('acc').doc('mine').get())).errMsg).toMatch(/not exist/);

  await t.commit();
  expect(await value('mine')).toBe(7);
  expect(await value('s')).toBe(2);
});

test('only doc() reads and writes and add() run inside a transaction', async () => {
  const err = await sdkFailure(
    db.runTransaction(async (t) => {
      await t.collection('acc').where({ n: 1 }).get();
    }),
  );
  expect(err.errCode).toBe(-501007);
  expect(err.errMsg).toMatch(/not supported in a transaction/);
});

test('a transaction idle for more than 30 s is aborted and its writes discarded', async () => {
  await db
    .collection('acc')
    .doc('idle')
    .set({ data: { n: 1 } });
  const slow = await db.startTransaction();
  await slow
    .collection('acc')
    .doc('idle')
    .update({ data: { n: 2 } });
  const quick = await db.startTransaction();
  await quick
    .collection('acc')
    .doc('other')
    .set({ data: { n: 1 } });

  clock.advance(29_000);
  await quick.commit();
  clock.advance(2_000);
  const expired = await slow.commit().then(
    () => null,
    (e: unknown) => e as { code?: unknown },
  );

  expect(expired?.code).toBe('DATABASE_TRANSACTION_FAIL');
  expect(await value('idle')).toBe(1);
  expect(await value('other')).toBe(1);
});

test('tallies: counters kept with _.inc in the ballot transaction match count()', async () => {
  await db.createCollection('tally');
  await db.createCollection('ballot');
  await db
    .collection('tally')
    .doc('d1')
    .set({ data: { yes: 0, no: 0 } });

  const cast = (unit: string, choice: 'yes' | 'no'): Promise<void> =>
    db.runTransaction(async (t) => {
      await t.collection('ballot').add({ data: { _id: `d1:${unit}`, choice } });
      await t
        .collection('tally')
        .doc('d1')
        .update({ data: { [choice]: db.command.inc(1) } });
    });
  await Promise.all([cast('u1', 'yes'), cast('u2', 'yes'), cast('u3', 'no')]);

  const tally = (await db.collection('tally').doc('d1').get()).data;
  const yes = (await db.collection('ballot').where({ choice: 'yes' }).count()).total;
  const no = (await db.collection('ballot').where({ choice: 'no' }).count()).total;
  expect(tally).toEqual({ _id: 'd1', yes, no });
  expect([yes, no]).toEqual([2, 1]);
});
