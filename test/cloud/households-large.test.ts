/**
 * A building larger than one page of the database (a server read returns at most 1,000
 * documents): the directory, the last-mile tracker, a member's household and the approvals queue
 * read every document, through the real function, instead of stopping at the cap silently.
 */
import { demoSeed } from '../../cli/seed/demo';
import { newPerson } from '../../core/registry/members';
import type { Binding, Member, Person, Unit } from '../../core/registry/model';
import { maskName } from '../../core/registry/privacy';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { households, type HouseholdsClient } from './householdsApi';

const UNITS = 1_250;
const PENDING = 1_100;
const ADMIN = 'demo-admin';
const ORGANIZER = 'demo-organizer';

const base = demoSeed();
const building = base.collections.buildings[0];
if (!building) throw new Error('demo seed has no building');

const surnames = ['赵', '钱', '孙', '李', '周', '吴', '郑', '王', '冯', '陈'];
const units: Unit[] = [];
const people: Person[] = [];
for (let i = 0; i < UNITS; i += 1) {
  const floor = 2 + Math.floor(i / 10);
  const unitNo = `${floor}-${String((i % 10) + 1).padStart(2, '0')}`;
  // The surname spells the index, so each owner's masked name is known and none is blank.
  const name = `${surnames[i % 10] ?? '赵'}${'一'.repeat(1 + (Math.floor(i / 10) % 3))}`;
  const person = newPerson(`p-large-${i}`, name, `139${String(i).padStart(8, '0')}`);
  people.push(person);
  units.push({
    _id: `u-large-${i}`,
    buildingId: building._id,
    unitNo,
    floor,
    areaHundredths: 8000 + i,
    status: 'owned',
    ownerIds: [person._id],
  });
}
const bindings: Binding[] = Array.from({ length: PENDING }, (_, i) => ({
  _id: `res:u-large-${i}:wx-${i}`,
  buildingId: building._id,
  unitId: `u-large-${i}`,
  unitNo: units[i]?.unitNo ?? '',
  openid: `wx-${i}`,
  as: 'resident',
  personId: null,
  name: `住户${i}`,
  method: 'code',
  status: 'pending',
  requestedAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00+08:00`,
  decidedAt: null,
  decidedBy: null,
  reason: null,
}));
const staff = base.collections.members.filter((m) => m.openid === ADMIN || m.openid === ORGANIZER);
/** Someone who holds a proxy for more flats than a page (a management company, say). */
const agent: Member = {
  _id: 'wx-agent',
  openid: 'wx-agent',
  personId: people[0]?._id ?? '',
  roles: ['owner'],
  links: units.map((u) => ({ unitId: u._id, as: 'owner' as const })),
  unitIds: units.map((u) => u._id),
  actsForPersonId: null,
  label: '大业主',
};
for (const u of units) u.ownerIds = [people[0]?._id ?? '', ...u.ownerIds];

let t: TestCloud;
let api: HouseholdsClient;

beforeAll(async () => {
  t = await startTestCloud({
    seed: {
      // Every collection exists, as after init; only these hold documents.
      ...Object.fromEntries(Object.keys(base.collections).map((name) => [name, []])),
      buildings: [building],
      units,
      people,
      members: [...staff, agent],
      bindings,
    },
  });
  api = households(t);
}, 60_000);
afterAll(() => t.stop());

describe(`a building of ${UNITS} flats`, () => {
  it('the directory names the owners of every flat', async () => {
    const { units: listed } = await api.ok('directory', {}, ADMIN);
    expect(listed).toHaveLength(UNITS);
    const expected = new Map(units.map((u, i) => [u.unitNo, maskName(people[i]?.name ?? '')]));
    const wrong = listed.filter((u) => u.owners[1] !== expected.get(u.unitNo));
    expect(wrong).toEqual([]);
  });

  it('the last-mile tracker has every owner’s phone for an admin', async () => {
    const view = await api.ok('lastMile', { filter: 'all' }, ADMIN);
    expect(view.rows).toHaveLength(UNITS);
    expect(view.rows.filter((r) => r.owners.length !== 2 || !r.owners[1]?.phone)).toEqual([]);
  });

  it('the approvals queue holds every pending request, oldest first', async () => {
    const { requests } = await api.ok('listBindingRequests', {}, ORGANIZER);
    expect(requests).toHaveLength(PENDING);
    const days = requests.map((r) => r.requestedAt);
    expect(days).toEqual([...days].sort());
  });

  it('a member with more flats than a page sees them all', async () => {
    const me = await api.ok('me', {}, 'wx-agent');
    expect(me.units).toHaveLength(UNITS);
  });
});
