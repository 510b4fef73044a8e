/**
 * The building map and the last mile through the real function against the local cloud: the
 * legend's counts (one aggregation per layer) agree with the cells read floor range by floor
 * range, a staff channel the map does not know shows under its own name, the last mile lists
 * exactly the units still to reach and follows a logged visit, phones reach admins only, and the
 * requests of every call stay the same when the building grows.
 */
import { demoBuilding } from '../../cli/seed';
import type { Ballot } from '../../core/decisions';
import type { Unit } from '../../core/registry/model';
import { COLLECTIONS } from '../../server/collections';
import type { MapLayerRequest, MapStatusName } from '../../typings/api';
import { ADMIN, ORGANIZER, STAFF, towerSeed } from '../helpers/decisionsTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { cockpit, type CockpitClient } from './cockpitApi';
import { lastRequestsOf } from './functionClient';
import { households } from './householdsApi';

const VOTE = 'd-outage-arrangements';
const ORGANIZER_DEMO = 'demo-organizer';
const STAFF_DEMO = 'demo-staff1';
/** Has not voted in the open decision of the demo building. */
const NEVER_PHONED = 'u2-01';
/** The last mile walks at most four rounds of units a call (server/cockpit/lastMile.ts). */
const LAST_MILE_CEILING = 30;

async function cellsOf(
  api: CockpitClient,
  layer: MapLayerRequest,
  openid: string,
): Promise<Map<string, MapStatusName>> {
  const { layout } = await api.ok('overview', {}, openid);
  const cells = new Map<string, MapStatusName>();
  let from = layout.topFloor;
  while (from >= layout.bottomFloor) {
    const to = Math.max(layout.bottomFloor, from - 9);
    const page = await api.ok('mapFloors', { layer, fromFloor: from, toFloor: to }, openid);
    for (const f of page.floors) for (const [id, , , status] of f.cells) cells.set(id, status);
    from = page.nextFloor;
  }
  return cells;
}

function tally(cells: ReadonlyMap<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of cells.values()) out[s] = (out[s] ?? 0) + 1;
  return out;
}

describe('the building map of the demo building', () => {
  let t: TestCloud;
  let api: CockpitClient;
  const seed = demoBuilding(Date.now());
  const ballots = seed.collections.ballots as Ballot[];
  // One ballot entered at a meeting: a channel this map has no colour of its own for.
  const meeting = ballots.find((b) => b.decisionId === VOTE && b.voice === 'owner');
  if (!meeting) throw new Error('demo seed: no owner ballot in the open decision');
  // And one household staff have not phoned yet (the seed phoned every household).
  const contacts = seed.collections.contacts as Array<{ unitId: string }>;
  const collections = {
    ...seed.collections,
    ballots: ballots.map((b) => (b === meeting ? { ...b, channel: 'meeting' } : b)),
    contacts: contacts.filter((c) => c.unitId !== NEVER_PHONED),
  };

  beforeAll(async () => {
    t = await startTestCloud({ seed: collections, seedFiles: seed.files });
    api = cockpit(t);
  });
  afterAll(() => t.stop());

  it('lays out 23 floors of six flats and picks the open vote as the work at hand', async () => {
    const overview = await api.ok('overview', {}, ORGANIZER_DEMO);
    expect(overview.layout).toEqual({
      topFloor: 24,
      bottomFloor: 2,
      floorCount: 23,
      units: 138,
      columns: 6,
    });
    expect(overview.work).toMatchObject({ kind: 'vote', decisionId: VOTE });
    expect(overview.decisions.map((d) => d.id)).toContain(VOTE);
    expect(overview.articles.length).toBeGreaterThan(0);
  });

  it.each<[string, MapLayerRequest]>([
    ['vote', { layer: 'vote', decisionId: VOTE }],
    ['pay', { layer: 'pay' }],
    ['contact', { layer: 'contact' }],
    ['read', { layer: 'read', articleId: 'notice-inspection' }],
  ])('counts the %s legend exactly as the cells read floor by floor', async (_name, layer) => {
    const cells = await cellsOf(api, layer, STAFF_DEMO);
    expect(cells.size).toBe(138);
    const legend = await api.ok('mapLegend', { layer }, STAFF_DEMO);
    const counted = tally(cells);
    expect(
      Object.fromEntries(legend.entries.filter((e) => e.count > 0).map((e) => [e.status, e.count])),
    ).toEqual(counted);
    expect(legend.units).toBe(138);
    // Every layer shows more than one colour in the demo building.
    expect(Object.keys(counted).length).toBeGreaterThan(1);
  });

  it('shows a staff-entered channel under its name, on the cell and in the legend', async () => {
    const layer: MapLayerRequest = { layer: 'vote', decisionId: VOTE };
    const cells = await cellsOf(api, layer, ORGANIZER_DEMO);
    expect(cells.get(meeting.unitId)).toBe('meeting');
    const legend = await api.ok('mapLegend', { layer }, ORGANIZER_DEMO);
    expect(legend.entries.find((e) => e.status === 'meeting')).toEqual({
      status: 'meeting',
      label: '现场投票',
      count: meeting.units.length,
    });
    const history = await api.ok('unitHistory', { unitId: meeting.unitId }, ORGANIZER_DEMO);
    expect(history.votes.find((v) => v.decisionId === VOTE)?.ballot?.channelLabel).toBe('现场投票');
  });

  it("tells a unit's story: the proxy's ballot, the money, the contacts, the proxy", async () => {
    const history = await api.ok('unitHistory', { unitId: 'u5-02' }, STAFF_DEMO);
    expect(history.unitNo).toBe('5-02');
    const vote = history.votes.find((v) => v.decisionId === VOTE);
    expect(vote?.ballot).toMatchObject({ voice: 'proxy', channelLabel: '代理人投票' });
    expect(history.money.standing.unitNo).toBe('5-02');
    expect(history.money.entries.length).toBeGreaterThan(0);
    expect(history.contacts[0]?.note).toContain('亲友');
    expect(history.proxies).toEqual([
      expect.objectContaining({ scopeLabel: '投票和缴款', stateLabel: '有效' }),
    ]);
    expect(history.contact.owners.every((o) => o.phone === null)).toBe(true);
    const admin = await api.ok('unitHistory', { unitId: 'u2-02' }, 'demo-admin');
    expect(admin.contact.owners[0]?.phone).toMatch(/^1\d{10}$/);
  });

  it('walks the owners who have not voted, page by page, and follows a logged visit', async () => {
    const layer: MapLayerRequest = { layer: 'vote', decisionId: VOTE };
    const cells = await cellsOf(api, layer, STAFF_DEMO);
    const todo = [...cells].filter(([, s]) => s === 'notYet' || s === 'unreachable');
    const seen: string[] = [];
    let after: string | undefined;
    let remaining = -1;
    do {
      const page = await api.ok(
        'lastMile',
        { work: { kind: 'vote', decisionId: VOTE }, limit: 7, ...(after ? { after } : {}) },
        STAFF_DEMO,
      );
      expect(page.rows.length).toBeLessThanOrEqual(7);
      expect(page.rows.every((r) => r.contact.owners.every((o) => o.phone === null))).toBe(true);
      seen.push(...page.rows.map((r) => r.contact.unitId));
      remaining = page.remaining;
      after = page.nextAfter ?? undefined;
    } while (after);
    expect(seen.sort()).toEqual(todo.map(([id]) => id).sort());
    expect(remaining).toBe(todo.length);

    // Staff knock on a door nobody had tried and nobody opens: "unreachable", still listed.
    const notYet = NEVER_PHONED;
    expect(cells.get(notYet)).toBe('notYet');
    await households(t).ok(
      'logContact',
      { unitId: notYet, channel: 'visit', reached: false, note: '上门无人' },
      STAFF_DEMO,
    );
    const after1 = await cellsOf(api, layer, STAFF_DEMO);
    expect(after1.get(notYet)).toBe('unreachable');
    const first = await api.ok(
      'lastMile',
      { work: { kind: 'vote', decisionId: VOTE }, limit: 50 },
      'demo-admin',
    );
    const row = first.rows.find((r) => r.contact.unitId === notYet);
    expect(row).toMatchObject({ status: 'unreachable', statusLabel: '联系不上' });
    expect(row?.contact).toMatchObject({ lastChannel: 'visit', note: '上门无人' });
    expect(first.rows.some((r) => r.contact.owners.some((o) => o.phone !== null))).toBe(true);
  });

  it('for the money, lists the units that owe, not those whose cash awaits the treasurer', async () => {
    const cells = await cellsOf(api, { layer: 'pay' }, ORGANIZER_DEMO);
    const page = await api.ok('lastMile', { work: { kind: 'money' }, limit: 50 }, ORGANIZER_DEMO);
    const owing = [...cells].filter(([, s]) => s === 'unpaid' || s === 'partly').map(([id]) => id);
    expect(page.work).toEqual({ kind: 'money' });
    expect(page.remaining).toBe(owing.length);
    expect(page.rows.map((r) => r.contact.unitId)).toEqual(
      expect.arrayContaining(owing.slice(0, 10)),
    );
    const pending = [...cells].filter(([, s]) => s === 'cashPending').map(([id]) => id);
    expect(pending.length).toBeGreaterThan(0);
    expect(page.rows.some((r) => pending.includes(r.contact.unitId))).toBe(false);
  });

  it('refuses ranges it does not serve and layers without a roll, in Chinese', async () => {
    const pay: MapLayerRequest = { layer: 'pay' };
    const up = await api.err('mapFloors', { layer: pay, fromFloor: 2, toFloor: 5 }, STAFF_DEMO);
    expect(up).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('从高到低'),
    });
    const wide = await api.err('mapFloors', { layer: pay, fromFloor: 40, toFloor: 2 }, STAFF_DEMO);
    expect(wide.message).toContain('最多查看 20 层');
    const none = await api.err(
      'mapLegend',
      { layer: { layer: 'vote', decisionId: 'nope' } },
      STAFF_DEMO,
    );
    expect(none.code).toBe('NOT_FOUND');
    const ad = seed.collections.decisions as Array<{ _id: string; electorate: unknown }>;
    const noRoll = ad.find((d) => d.electorate === null);
    if (noRoll) {
      const refused = await api.err(
        'mapLegend',
        { layer: { layer: 'vote', decisionId: noRoll._id } },
        STAFF_DEMO,
      );
      expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('名册') });
    }
    const badCursor = await api.err(
      'lastMile',
      { work: { kind: 'money' }, after: 'nowhere' },
      STAFF_DEMO,
    );
    expect(badCursor.code).toBe('INVALID_INPUT');
  });
});

describe('requests per call do not grow with the building', () => {
  const SIZES = [138, 1_500] as const;
  const requests: Record<string, number[]> = {};

  async function measure(size: number): Promise<void> {
    const tower = towerSeed(size);
    const seed: Record<string, object[]> = Object.fromEntries(COLLECTIONS.map((c) => [c.name, []]));
    Object.assign(seed, tower.collections);
    const t = await startTestCloud({ seed });
    try {
      const api = cockpit(t);
      const units = tower.collections.units as Unit[];
      const top = Math.max(...units.map((u) => u.floor));
      const vote: MapLayerRequest = { layer: 'vote', decisionId: 'd-ended' };
      const record = async (name: string, action: string, run: () => Promise<unknown>) => {
        await run();
        (requests[name] ??= []).push(lastRequestsOf(t, 'cockpit', action));
      };
      await record('overview', 'overview', () => api.ok('overview', {}, ORGANIZER));
      for (const layer of [vote, { layer: 'pay' } as const, { layer: 'contact' } as const]) {
        await record(`floors ${layer.layer}`, 'mapFloors', () =>
          api.ok('mapFloors', { layer, fromFloor: top, toFloor: top - 9 }, STAFF),
        );
        await record(`legend ${layer.layer}`, 'mapLegend', () =>
          api.ok('mapLegend', { layer }, STAFF),
        );
      }
      await record('history', 'unitHistory', () =>
        api.ok('unitHistory', { unitId: units[5]?._id ?? '' }, ADMIN),
      );
      await record('last mile vote', 'lastMile', () =>
        api.ok('lastMile', { work: { kind: 'vote', decisionId: 'd-ended' } }, STAFF),
      );
      await record('last mile money', 'lastMile', () =>
        api.ok('lastMile', { work: { kind: 'money' } }, STAFF),
      );
    } finally {
      await t.stop();
    }
  }

  it('asks the database as often at 1,500 units as at 138', async () => {
    for (const size of SIZES) await measure(size);
    for (const [name, [small, large]] of Object.entries(requests)) {
      if (name.startsWith('last mile')) {
        // A walk may take a few rounds more in a bigger building, never more than its ceiling.
        expect({ name, large: (large ?? 99) <= LAST_MILE_CEILING }).toEqual({ name, large: true });
      } else expect({ name, requests: large }).toEqual({ name, requests: small });
    }
    expect(Object.keys(requests)).toHaveLength(10);
  }, 60_000);
});
