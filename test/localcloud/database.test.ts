import { SDK_FIXTURE_FUNCTIONS, startTestCloud, type TestCloud } from '../helpers/localCloud';
import { database, type Db, type Doc, postAdmin } from '../helpers/sdkDatabase';
import { type ServerClock, stopServerClock } from '../helpers/serverClock';
import { loadWxSdk, pointSdkAt, sdkFailure } from '../helpers/wxSdk';

/*
 * The database of the real local cloud through the unmodified wx-server-sdk, one assertion per
 * line of PLATFORM.md's "Cloud database semantics" (transactions and durability have their own
 * files).
 */

const T0 = Date.parse('2025-03-01T08:00:00Z');
let clock: ServerClock;
let t: TestCloud;
let db: Db;

const ids = (docs: Doc[]): unknown[] => docs.map((d) => d._id).sort();

async function collection(name: string, docs: Doc[]): Promise<void> {
  await db.createCollection(name);
  if (docs.length) await db.collection(name).add({ data: docs });
}

beforeAll(async () => {
  clock = stopServerClock(T0);
  t = await startTestCloud({ functionsDir: SDK_FIXTURE_FUNCTIONS });
  pointSdkAt(t.cloud);
  db = database(loadWxSdk());
});

afterAll(async () => {
  await t.stop();
  clock.restore();
});

describe('results come back in the shapes the SDK promises', () => {
  test('add, get, doc.get, update, set, remove, count and aggregate', async () => {
    expect(await db.createCollection('shapes')).toEqual(
      expect.objectContaining({ errMsg: 'createCollection:ok' }),
    );
    const c = db.collection('shapes');

    const added = await c.add({ data: { n: 1 } });
    expect(added).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{32}$/),
      errMsg: 'collection.add:ok',
    });
    const id = String(added._id);
    expect(await c.get()).toEqual({ data: [{ _id: id, n: 1 }], errMsg: 'collection.get:ok' });
    expect(await c.doc(id).get()).toEqual({ data: { _id: id, n: 1 }, errMsg: 'document.get:ok' });
    expect(await c.doc(id).update({ data: { n: 2 } })).toEqual({
      stats: { updated: 1 },
      errMsg: 'document.update:ok',
    });
    expect(await c.where({ n: 2 }).update({ data: { m: 1 } })).toEqual({
      stats: { updated: 1 },
      errMsg: 'collection.update:ok',
    });
    expect(await c.doc('fixed').set({ data: { n: 3 } })).toEqual({
      _id: 'fixed',
      stats: { updated: 0, created: 1 },
      errMsg: 'document.set:ok',
    });
    expect(await c.count()).toEqual({ total: 2, errMsg: 'collection.count:ok' });
    expect(
      await c
        .aggregate()
        .group({ _id: null, sum: db.command.aggregate.sum('$n') })
        .end(),
    ).toEqual({ list: [{ _id: null, sum: 5 }], errMsg: 'collection.aggregate:ok' });
    expect(await c.doc('fixed').remove()).toEqual({
      stats: { removed: 1 },
      errMsg: 'document.remove:ok',
    });
    expect(await c.where({ n: 2 }).remove()).toEqual({
      stats: { removed: 1 },
      errMsg: 'collection.remove:ok',
    });
    expect(await c.count()).toEqual({ total: 0, errMsg: 'collection.count:ok' });
  });

  test('add of several documents answers all their ids', async () => {
    await db.createCollection('batch');
    const res = await db.collection('batch').add({ data: [{ i: 1 }, { _id: 'two', i: 2 }] });

    expect(res._ids).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/), 'two']);
    expect((await db.collection('batch').count()).total).toBe(2);
  });

  test('errors carry a numeric errCode and "<api>:fail <errCode> <text>"', async () => {
    const err = await sdkFailure(db.collection('missing').where({ a: 1 }).get());

    expect(err.errCode).toBe(-502005);
    expect(err.errMsg).toMatch(/^collection\.get:fail -502005 database collection not exists\. /);
  });
});

describe('limits', () => {
  beforeAll(async () => {
    await db.createCollection('many');
    await db
      .collection('many')
      .add({ data: Array.from({ length: 1205 }, (_, i) => ({ i, even: i % 2 === 0 })) });
  });

  test('get() without limit answers 100', async () => {
    expect((await db.collection('many').get()).data).toHaveLength(100);
  });

  test('a limit of 1000 or more answers 1000, from the SDK and from the server alike', async () => {
    expect((await db.collection('many').limit(1000).get()).data).toHaveLength(1000);
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000);
    const raw = await postAdmin(t.cloud.adminUrl, {
      action: 'database.getDocument',
      collectionName: 'many',
      queryType: 'WHERE',
      limit: 5000,
    });
    expect((raw.data as { list: string[] }).list).toHaveLength(1000);
  });

  test('count() is not capped', async () => {
    expect((await db.collection('many').count()).total).toBe(1205);
    expect((await db.collection('many').where({ even: true }).count()).total).toBe(603);
  });

  test('aggregate without a $limit stage answers 20; with one, that many', async () => {
    expect((await db.collection('many').aggregate().match({ even: true }).end()).list).toHaveLength(
      20,
    );
    expect((await db.collection('many').aggregate().limit(50).end()).list).toHaveLength(50);
    const counted = await db.collection('many').aggregate().count('n').end();
    expect(counted.list).toEqual([{ n: 1205 }]);
  });

  test('a result over 1 MB fails; a smaller page of the same data does not', async () => {
    await db.createCollection('big');
    const blob = 'x'.repeat(60_000);
    await db.collection('big').add({ data: Array.from({ length: 20 }, (_, i) => ({ i, blob })) });

    const err = await sdkFailure(db.collection('big').get());
    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/exceed limit \(1MB\)/);
    // aggregate().end() passes the server's error code through instead of mapping it.
    const agg = await sdkFailure(db.collection('big').aggregate().limit(100).end());
    expect(agg.code).toBe('DATABASE_REQUEST_FAILED');
    expect(agg.errMsg).toMatch(/^collection\.aggregate:fail .*exceed limit \(1MB\)/);
    expect((await db.collection('big').limit(10).get()).data).toHaveLength(10);
  });
});

describe('where', () => {
  beforeAll(() =>
    collection('nest', [
      { _id: 'p1', a: { b: 1, c: 2 } },
      { _id: 'p2', a: { b: 2 } },
      { _id: 'p3', a: { b: 1 } },
    ]),
  );

  test('where({a:{b:1}}) matches a.b = 1 partially, not the whole object', async () => {
    expect(
      ids(
        (
          await db
            .collection('nest')
            .where({ a: { b: 1 } })
            .get()
        ).data,
      ),
    ).toEqual(['p1', 'p3']);
    const whole = await db
      .collection('nest')
      .where({ a: db.command.eq({ b: 1 }) })
      .get();
    expect(ids(whole.data)).toEqual(['p3']);
  });

  test('undefined fields are dropped from the condition', async () => {
    const res = await db
      .collection('nest')
      .where({ a: { b: 1 }, gone: undefined })
      .get();
    expect(ids(res.data)).toEqual(['p1', 'p3']);
  });
});

describe('update and set', () => {
  const before = {
    a: { b: 1, c: 2 },
    arr: [1, 2, 3],
    at: new Date('2020-01-01T00:00:00Z'),
    o: { x: 1, y: 2 },
  };

  beforeAll(() => collection('upd', [{ _id: 'u1', ...before }]));

  test('update merges objects; arrays and Dates are replaced whole; _.set replaces an object', async () => {
    const res = await db
      .collection('upd')
      .doc('u1')
      .update({
        data: {
          a: { b: 5 },
          arr: [9],
          at: new Date('2021-06-01T00:00:00Z'),
          o: db.command.set({ z: 3 }),
        },
      });

    expect(res.stats.updated).toBe(1);
    expect((await db.collection('upd').doc('u1').get()).data).toEqual({
      _id: 'u1',
      a: { b: 5, c: 2 },
      arr: [9],
      at: new Date('2021-06-01T00:00:00Z'),
      o: { z: 3 },
    });
  });

  test('an update that changes nothing reports updated 0', async () => {
    const res = await db
      .collection('upd')
      .doc('u1')
      .update({ data: { arr: [9] } });
    expect(res.stats.updated).toBe(0);
  });

  test('set replaces the whole document', async () => {
    await db
      .collection('upd')
      .doc('s1')
      .set({ data: { a: 1, b: 2 } });
    const res = await db
      .collection('upd')
      .doc('s1')
      .set({ data: { c: 3 } });

    expect(res).toEqual(expect.objectContaining({ _id: 's1', stats: { updated: 1, created: 0 } }));
    expect((await db.collection('upd').doc('s1').get()).data).toEqual({ _id: 's1', c: 3 });
  });

  test('_id inside update or set data is rejected and changes nothing', async () => {
    // From inside a function, as production code calls it: the SDK refuses before sending, so the
    // invocation's only database request is the read that follows.
    const { result, record } = await t.cloud.functions.invokeWithRecord(
      'idwrite',
      { collection: 'upd', id: 'u1' },
      { openid: 'o-writer' },
    );
    const { failures, after } = result as {
      failures: Array<{ errCode: number; errMsg: string } | null>;
      after: Doc;
    };
    expect(record.dbRequests).toBe(1);
    expect(failures).toEqual([
      {
        errCode: -501007,
        errMsg: 'document.update:fail -501007 invalid parameters. 不能更新_id的值',
      },
      expect.objectContaining({ errCode: -501007 }),
    ]);
    expect(after._id).toBe('u1');

    const u = await sdkFailure(
      db
        .collection('upd')
        .doc('u1')
        .update({ data: { _id: 'x', n: 1 } }),
    );
    const s = await sdkFailure(
      db
        .collection('upd')
        .doc('u1')
        .set({ data: { _id: 'x', n: 1 } }),
    );
    expect(u.errCode).toBe(-501007);
    expect(u.errMsg).toBe('document.update:fail -501007 invalid parameters. 不能更新_id的值');
    expect(s.errCode).toBe(-501007);

    // What the SDK refuses to send, the server refuses too.
    for (const data of ['{"$set":{"_id":"x"}}', '{"$rename":{"n":"_id"}}', '{"_id":"x","n":1}']) {
      const raw = await postAdmin(t.cloud.adminUrl, {
        action: 'database.modifyDocument',
        collectionName: 'upd',
        queryType: 'DOC',
        query: '{"_id":"u1"}',
        data,
        multi: false,
        merge: !data.startsWith('{"_id"'),
        upsert: false,
      });
      expect(raw.code).toBe('INVALID_PARAM');
    }
    expect((await db.collection('upd').doc('u1').get()).data._id).toBe('u1');
    expect((await db.collection('upd').doc('u1').get()).data.n).toBeUndefined();
  });
});

describe('missing documents', () => {
  beforeAll(() => collection('gone', []));

  test('doc.get throws "document with _id X does not exist"', async () => {
    const err = await sdkFailure(db.collection('gone').doc('nope').get());
    expect(err.errMsg).toBe('document.get:fail document with _id nope does not exist');
  });

  test('doc.update reports updated 0 and creates nothing', async () => {
    expect(
      (
        await db
          .collection('gone')
          .doc('nope')
          .update({ data: { a: 1 } })
      ).stats.updated,
    ).toBe(0);
    expect((await db.collection('gone').count()).total).toBe(0);
  });

  test('doc.set creates the document (created 1)', async () => {
    const res = await db
      .collection('gone')
      .doc('fresh')
      .set({ data: { a: 1 } });
    expect(res.stats).toEqual({ updated: 0, created: 1 });
    expect((await db.collection('gone').doc('fresh').get()).data).toEqual({ _id: 'fresh', a: 1 });
  });

  test('remove reports removed 0', async () => {
    expect((await db.collection('gone').doc('nope').remove()).stats.removed).toBe(0);
    expect((await db.collection('gone').where({ a: 42 }).remove()).stats.removed).toBe(0);
  });
});

describe('collections must exist', () => {
  test('every read and write on a missing collection fails with -502005 and creates nothing', async () => {
    const c = db.collection('nowhere');
    const calls: Array<Promise<unknown>> = [
      c.get(),
      c.count(),
      c.add({ data: { a: 1 } }),
      c.doc('x').get(),
      c.doc('x').set({ data: { a: 1 } }),
      c.doc('x').update({ data: { a: 1 } }),
      c.doc('x').remove(),
      c.where({ a: 1 }).update({ data: { a: 2 } }),
      c.where({ a: 1 }).remove(),
    ];
    for (const call of calls) expect((await sdkFailure(call)).errCode).toBe(-502005);
    const agg = await sdkFailure(c.aggregate().match({ a: 1 }).end());
    expect(agg.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(t.cloud.database.listCollections()).not.toContain('nowhere');
  });

  test('createCollection makes it usable; creating it again fails as on the real server', async () => {
    await db.createCollection('later');
    await db.collection('later').add({ data: { a: 1 } });

    const again = await sdkFailure(db.createCollection('later'));
    expect(again.code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
    expect(again.errMsg).toMatch(/^createCollection:fail .*Table exist/);
    expect((await db.collection('later').count()).total).toBe(1);
  });
});

describe('query operators', () => {
  beforeAll(() =>
    collection('ops', [
      { _id: 'n1', n: 1, tags: ['a', 'b'], items: [{ k: 1, v: 'x' }], name: 'Alice', opt: true },
      { _id: 'n2', n: 2, tags: ['b'], items: [{ k: 2, v: 'y' }], name: 'bob' },
      {
        _id: 'n3',
        n: 3,
        tags: ['a', 'b', 'c'],
        items: [{ k: 1, v: 'y' }],
        name: 'Carol',
        opt: false,
      },
      { _id: 'n4', n: 4, tags: [], items: [], name: 'dave' },
    ]),
  );

  const where = async (condition: unknown): Promise<unknown[]> =>
    ids((await db.collection('ops').where(condition).get()).data);

  test('comparison: eq neq gt gte lt lte in nin', async () => {
    const _ = db.command;
    expect(await where({ n: _.eq(2) })).toEqual(['n2']);
    expect(await where({ n: _.neq(2) })).toEqual(['n1', 'n3', 'n4']);
    expect(await where({ n: _.gt(2) })).toEqual(['n3', 'n4']);
    expect(await where({ n: _.gte(2) })).toEqual(['n2', 'n3', 'n4']);
    expect(await where({ n: _.lt(2) })).toEqual(['n1']);
    expect(await where({ n: _.lte(2) })).toEqual(['n1', 'n2']);
    expect(await where({ n: _.in([1, 4]) })).toEqual(['n1', 'n4']);
    expect(await where({ n: _.nin([1, 4]) })).toEqual(['n2', 'n3']);
  });

  test('element and array: exists mod all elemMatch size', async () => {
    const _ = db.command;
    expect(await where({ opt: _.exists(true) })).toEqual(['n1', 'n3']);
    expect(await where({ opt: _.exists(false) })).toEqual(['n2', 'n4']);
    expect(await where({ n: _.mod([2, 0]) })).toEqual(['n2', 'n4']);
    expect(await where({ tags: _.all(['a', 'b']) })).toEqual(['n1', 'n3']);
    expect(await where({ items: _.elemMatch({ k: 1, v: 'y' }) })).toEqual(['n3']);
    expect(await where({ tags: _.size(0) })).toEqual(['n4']);
  });

  test('logic: and or nor not, across fields and on one field', async () => {
    const _ = db.command;
    expect(await where(_.and([{ n: _.gt(1) }, { n: _.lt(4) }]))).toEqual(['n2', 'n3']);
    expect(await where({ n: _.gt(1).and(_.lt(3)) })).toEqual(['n2']);
    expect(await where(_.or([{ n: 1 }, { name: 'bob' }]))).toEqual(['n1', 'n2']);
    expect(await where({ n: _.or(_.eq(1), _.gt(3)) })).toEqual(['n1', 'n4']);
    expect(await where(_.nor([{ n: 1 }, { n: 2 }]))).toEqual(['n3', 'n4']);
    expect(await where({ n: _.not(_.gt(2)) })).toEqual(['n1', 'n2']);
  });

  test('regular expressions: JS RegExp and db.RegExp', async () => {
    expect(await where({ name: /^[a-c]/i })).toEqual(['n1', 'n2', 'n3']);
    expect(await where({ name: /^[a-c]/ })).toEqual(['n2']);
    expect(await where({ name: db.RegExp({ regexp: '^D', options: 'i' }) })).toEqual(['n4']);
  });

  test('orderBy, skip, limit and field', async () => {
    const res = await db
      .collection('ops')
      .orderBy('n', 'desc')
      .skip(1)
      .limit(2)
      .field({ name: true })
      .get();
    expect(res.data).toEqual([
      { _id: 'n3', name: 'Carol' },
      { _id: 'n2', name: 'bob' },
    ]);
    const byTwoKeys = await db.collection('ops').orderBy('opt', 'desc').orderBy('n', 'desc').get();
    expect(byTwoKeys.data.map((d) => d._id)).toEqual(['n1', 'n3', 'n4', 'n2']);
    const one = await db.collection('ops').doc('n1').field({ tags: true }).get();
    expect(one.data).toEqual({ _id: 'n1', tags: ['a', 'b'] });
  });

  test('geo: near (nearest first, within a distance), within a polygon or a circle, intersects', async () => {
    const P = (lng: number, lat: number): unknown => db.Geo.Point(lng, lat);
    await collection('places', [
      { _id: 'home', at: P(116.4, 39.9) },
      { _id: 'near', at: P(116.41, 39.9) },
      { _id: 'far', at: P(121.47, 31.23) },
    ]);
    const _ = db.command;
    const near = await db
      .collection('places')
      .where({ at: _.geoNear({ geometry: P(116.4005, 39.9), maxDistance: 5000 }) })
      .get();
    expect(near.data.map((d) => d._id)).toEqual(['home', 'near']);
    const ring = await db
      .collection('places')
      .where({ at: _.geoNear({ geometry: P(116.4, 39.9), minDistance: 100, maxDistance: 5000 }) })
      .get();
    expect(ids(ring.data)).toEqual(['near']);

    const square = db.Geo.Polygon([
      db.Geo.LineString([P(116, 39.5), P(117, 39.5), P(117, 40.5), P(116, 40.5), P(116, 39.5)]),
    ]);
    const within = await db
      .collection('places')
      .where({ at: _.geoWithin({ geometry: square }) })
      .get();
    expect(ids(within.data)).toEqual(['home', 'near']);
    const circle = await db
      .collection('places')
      .where({ at: _.geoWithin({ centerSphere: [[121.5, 31.2], 0.001] }) })
      .get();
    expect(ids(circle.data)).toEqual(['far']);
    const hit = await db
      .collection('places')
      .where({ at: _.geoIntersects({ geometry: P(121.47, 31.23) }) })
      .get();
    expect(ids(hit.data)).toEqual(['far']);
    const point = (await db.collection('places').doc('home').get()).data.at as {
      longitude: number;
      latitude: number;
    };
    expect([point.longitude, point.latitude]).toEqual([116.4, 39.9]);
  });
});

describe('update operators', () => {
  beforeAll(() => collection('uops', []));

  async function after(start: Doc, data: Doc): Promise<Doc> {
    const id = `d${Math.random().toString(16).slice(2)}`;
    await db.collection('uops').doc(id).set({ data: start });
    await db.collection('uops').doc(id).update({ data });
    const { _id, ...rest } = (await db.collection('uops').doc(id).get()).data;
    expect(_id).toBe(id);
    return rest;
  }

  test('set remove inc mul min max rename', async () => {
    const _ = db.command;
    expect(
      await after(
        { s: 'x', r: 1, n: 10, m: 3, lo: 5, hi: 5, old: 'v' },
        {
          s: _.set('y'),
          r: _.remove(),
          n: _.inc(5),
          m: _.mul(4),
          lo: _.min(2),
          hi: _.max(9),
          old: _.rename('renamed'),
          fresh: _.inc(1),
        },
      ),
    ).toEqual({ s: 'y', n: 15, m: 12, lo: 2, hi: 9, renamed: 'v', fresh: 1 });
  });

  test('push with each, position, sort and slice', async () => {
    const _ = db.command;
    expect(await after({ a: [1, 2, 3] }, { a: _.push([4, 5]) })).toEqual({ a: [1, 2, 3, 4, 5] });
    expect(await after({ a: [1, 2, 3] }, { a: _.push({ each: [9], position: 1 }) })).toEqual({
      a: [1, 9, 2, 3],
    });
    expect(await after({ a: [5, 1] }, { a: _.push({ each: [7, 0], sort: 1, slice: 3 }) })).toEqual({
      a: [0, 1, 5],
    });
    expect(await after({ b: 0 }, { a: _.push({ each: [3, 1, 2], sort: -1, slice: 2 }) })).toEqual({
      b: 0,
      a: [3, 2],
    });
  });

  test('pop shift unshift addToSet pull pullAll', async () => {
    const _ = db.command;
    expect(await after({ a: [1, 2, 3] }, { a: _.pop() })).toEqual({ a: [1, 2] });
    expect(await after({ a: [1, 2, 3] }, { a: _.shift() })).toEqual({ a: [2, 3] });
    expect(await after({ a: [1, 2] }, { a: _.unshift([0, 9]) })).toEqual({ a: [0, 9, 1, 2] });
    expect(await after({ a: [1, 2] }, { a: _.addToSet(2) })).toEqual({ a: [1, 2] });
    expect(await after({ a: [1, 2] }, { a: _.addToSet({ $each: [2, 3] }) })).toEqual({
      a: [1, 2, 3],
    });
    expect(await after({ a: [1, 5, 2, 7] }, { a: _.pull(_.gt(4)) })).toEqual({ a: [1, 2] });
    expect(await after({ a: [1, 2, 1, 3] }, { a: _.pullAll([1, 3]) })).toEqual({ a: [2] });
  });

  test('where().update() changes every match', async () => {
    await collection('multi', [
      { _id: 'a', g: 1, n: 0 },
      { _id: 'b', g: 1, n: 0 },
      { _id: 'c', g: 2, n: 0 },
    ]);
    const res = await db
      .collection('multi')
      .where({ g: 1 })
      .update({ data: { n: db.command.inc(1) } });
    expect(res.stats.updated).toBe(2);
    expect((await db.collection('multi').where({ n: 1 }).count()).total).toBe(2);
  });
});

describe('serverDate and ids', () => {
  beforeAll(() => collection('times', []));

  test('serverDate({offset}) is resolved with the server clock at write time and in queries', async () => {
    clock.set(T0);
    const { _id } = await db.collection('times').add({ data: { at: db.serverDate() } });
    await db
      .collection('times')
      .doc(String(_id))
      .update({ data: { due: db.serverDate({ offset: 60_000 }) } });

    const doc = (await db.collection('times').doc(String(_id)).get()).data;
    expect(doc.at).toEqual(new Date(T0));
    expect(doc.due).toEqual(new Date(T0 + 60_000));

    clock.set(T0 + 5_000);
    const _ = db.command;
    const olderThan = async (ms: number): Promise<number> =>
      (
        await db
          .collection('times')
          .where({ at: _.lt(db.serverDate({ offset: -ms })) })
          .count()
      ).total;
    expect(await olderThan(4_000)).toBe(1);
    expect(await olderThan(6_000)).toBe(0);
  });

  test('add without _id makes a 32-hex id; server-side add sets no _openid', async () => {
    const { _id } = await db.collection('times').add({ data: { x: 1 } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    const doc = (await db.collection('times').doc(String(_id)).get()).data;
    expect(doc).toEqual({ _id, x: 1 });
  });

  test('add with an existing _id fails (duplicate key) and keeps the original', async () => {
    await db.collection('times').add({ data: { _id: 'taken', v: 1 } });
    const err = await sdkFailure(db.collection('times').add({ data: { _id: 'taken', v: 2 } }));

    expect(err.errCode).toBe(-502001);
    expect(err.errMsg).toMatch(/E11000 duplicate key/);
    expect((await db.collection('times').doc('taken').get()).data.v).toBe(1);
    const batch = await sdkFailure(
      db.collection('times').add({ data: [{ _id: 'new-one' }, { _id: 'taken' }] }),
    );
    expect(batch.errCode).toBe(-502001);
    expect((await db.collection('times').where({ _id: 'new-one' }).count()).total).toBe(0);
  });

  test('numeric and string ids are different documents', async () => {
    await db
      .collection('times')
      .doc(7)
      .set({ data: { kind: 'number' } });
    await db
      .collection('times')
      .doc('7')
      .set({ data: { kind: 'string' } });
    expect((await db.collection('times').doc(7).get()).data).toEqual({ _id: 7, kind: 'number' });
    expect((await db.collection('times').doc('7').get()).data.kind).toBe('string');
  });
});

describe('aggregate stages', () => {
  beforeAll(async () => {
    await collection('units', [
      { _id: 'u1', floor: 1, area: 9000 },
      { _id: 'u2', floor: 1, area: 8000 },
      { _id: 'u3', floor: 2, area: 10000 },
    ]);
    await collection('ballots', [
      { _id: 'b1', unit: 'u1', choice: 'yes', tags: ['x', 'y'] },
      { _id: 'b2', unit: 'u3', choice: 'no', tags: ['x'] },
    ]);
  });

  test('$match $group $sort $project', async () => {
    const $ = db.command.aggregate;
    const res = await db
      .collection('units')
      .aggregate()
      .match({ area: db.command.gte(8000) })
      .group({ _id: '$floor', area: $.sum('$area'), n: $.sum(1) })
      .sort({ _id: 1 })
      .project({ _id: 0, floor: '$_id', area: 1, n: 1 })
      .end();
    expect(res.list).toEqual([
      { floor: 1, area: 17000, n: 2 },
      { floor: 2, area: 10000, n: 1 },
    ]);
  });

  test('$lookup reads the other collection; $unwind $addFields $skip $limit $count $sample', async () => {
    const joined = await db
      .collection('ballots')
      .aggregate()
      .lookup({ from: 'units', localField: 'unit', foreignField: '_id', as: 'unitDocs' })
      .unwind('$unitDocs')
      .addFields({ area: '$unitDocs.area' })
      .project({ unitDocs: 0, tags: 0 })
      .sort({ _id: 1 })
      .end();
    expect(joined.list).toEqual([
      { _id: 'b1', unit: 'u1', choice: 'yes', area: 9000 },
      { _id: 'b2', unit: 'u3', choice: 'no', area: 10000 },
    ]);
    expect((await db.collection('units').doc('u1').get()).data).toEqual({
      _id: 'u1',
      floor: 1,
      area: 9000,
    });

    const tags = await db.collection('ballots').aggregate().unwind('$tags').count('n').end();
    expect(tags.list).toEqual([{ n: 3 }]);
    const page = await db.collection('units').aggregate().sort({ _id: 1 }).skip(1).limit(1).end();
    expect(page.list.map((d) => d._id)).toEqual(['u2']);
    const sample = await db.collection('units').aggregate().sample({ size: 2 }).end();
    expect(sample.list).toHaveLength(2);
  });
});

describe('bad input gets the SDK error format and changes nothing', () => {
  beforeAll(() => collection('safe', [{ _id: 'k', v: 1 }]));

  const errorKeys = (res: Record<string, unknown>): string[] => Object.keys(res).sort();

  test('malformed EJSON in a query, data or stage', async () => {
    const bodies = [
      { action: 'database.getDocument', collectionName: 'safe', queryType: 'WHERE', query: '{bad' },
      { action: 'database.insertDocument', collectionName: 'safe', data: ['{"v":'] },
      {
        action: 'database.modifyDocument',
        collectionName: 'safe',
        queryType: 'DOC',
        query: '{"_id":"k"}',
        data: 'nope',
        merge: true,
      },
      { action: 'database.removeDocument', collectionName: 'safe', queryType: 'WHERE', query: '[' },
      {
        action: 'database.aggregateDocuments',
        collectionName: 'safe',
        stages: [{ stageKey: '$match', stageValue: '{' }],
      },
    ];
    for (const body of bodies) {
      const res = await postAdmin(t.cloud.adminUrl, body);
      expect(errorKeys(res)).toEqual(['code', 'message', 'requestId']);
      expect(res.code).toBe('INVALID_PARAM');
    }
    expect((await db.collection('safe').get()).data).toEqual([{ _id: 'k', v: 1 }]);
  });

  test('unknown operators are an invalid command', async () => {
    const query = await postAdmin(t.cloud.adminUrl, {
      action: 'database.getDocument',
      collectionName: 'safe',
      queryType: 'WHERE',
      query: '{"v":{"$frobnicate":1}}',
    });
    const update = await postAdmin(t.cloud.adminUrl, {
      action: 'database.modifyDocument',
      collectionName: 'safe',
      queryType: 'DOC',
      query: '{"_id":"k"}',
      data: '{"$frobnicate":{"v":2}}',
      merge: true,
    });
    expect(query.code).toBe('DATABASE_INVALID_OPERRATOR');
    expect(update.code).toBe('DATABASE_INVALID_OPERRATOR');
    expect((await db.collection('safe').doc('k').get()).data.v).toBe(1);
  });

  test('an unknown action', async () => {
    const res = await postAdmin(t.cloud.adminUrl, {
      action: 'database.dropEverything',
      collectionName: 'safe',
    });
    expect(errorKeys(res)).toEqual(['code', 'message', 'requestId']);
    expect((await db.collection('safe').count()).total).toBe(1);
  });

  test('an unknown collection on write leaves the collection list alone', async () => {
    const before = t.cloud.database.listCollections();
    const res = await postAdmin(t.cloud.adminUrl, {
      action: 'database.insertDocument',
      collectionName: 'ghost',
      data: ['{"a":1}'],
    });
    expect(res.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(t.cloud.database.listCollections()).toEqual(before);
  });
});

describe('the console view and seeds', () => {
  test('documents() pages plain JSON with ISO dates', async () => {
    await collection('console', [
      { _id: 'c1', at: new Date('2025-01-02T03:04:05Z') },
      { _id: 'c2', n: 2 },
      { _id: 'c3', n: 3 },
    ]);
    expect(t.cloud.database.documents('console', 1, 1)).toEqual({
      total: 3,
      docs: [{ _id: 'c2', n: 2 }],
    });
    expect(t.cloud.database.documents('console', 0, 1).docs).toEqual([
      { _id: 'c1', at: '2025-01-02T03:04:05.000Z' },
    ]);
  });

  test('loadSeed creates and inserts all or nothing; createCollection is idempotent', async () => {
    t.cloud.database.loadSeed({
      seedA: [{ _id: 'a1', at: { $date: '2025-01-01T00:00:00Z' } }, { n: 1 }],
      seedB: [],
    });
    expect(t.cloud.database.listCollections()).toEqual(expect.arrayContaining(['seedA', 'seedB']));
    expect((await db.collection('seedA').doc('a1').get()).data.at).toEqual(
      new Date('2025-01-01T00:00:00Z'),
    );
    expect(() =>
      t.cloud.database.loadSeed({ seedC: [{ _id: 'x' }], seedA: [{ _id: 'a1' }] }),
    ).toThrow(/duplicate/);
    expect(t.cloud.database.listCollections()).not.toContain('seedC');
    t.cloud.database.createCollection('seedA');
    expect((await db.collection('seedA').count()).total).toBe(2);
  });
});
