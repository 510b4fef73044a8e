import { demoSeed } from '../../cli/seed/demo';
import type { ContactLogEntry } from '../../core/registry/model';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { documents, households, type HouseholdsClient } from './householdsApi';

/**
 * The last-mile tracker through the real function: filters, phone numbers for admins only, and a
 * logged contact that updates the unit and leaves a log entry and an audit entry behind.
 */

const seed = demoSeed();
let t: TestCloud;
let api: HouseholdsClient;

beforeAll(async () => {
  t = await startTestCloud({ seed: seed.collections });
  api = households(t);
});
afterAll(() => t.stop());

describe('the last-mile tracker', () => {
  it('filters unreached, overseas and elderly households; counts the whole building', async () => {
    const all = await api.ok('lastMile', { filter: 'all' }, 'demo-staff1');
    expect(all.rows).toHaveLength(138);
    const unreached = await api.ok('lastMile', { filter: 'unreached' }, 'demo-staff1');
    expect(unreached.counts).toEqual(all.counts);
    expect(unreached.rows.map((r) => r.unitNo)).toEqual(
      all.rows.filter((r) => !r.reached).map((r) => r.unitNo),
    );
    // The seed's unreached households and the unsold flat nobody phones.
    expect(unreached.rows.map((r) => r.unitNo)).toEqual(
      expect.arrayContaining(['5-04', '9-04', '11-06', '16-02', '20-01', '21-03', '24-06']),
    );
    const overseas = await api.ok('lastMile', { filter: 'overseas' }, 'demo-organizer');
    expect(overseas.rows.map((r) => r.unitNo).sort()).toEqual(
      ['5-02', '9-04', '12-06', '14-02', '16-01', '18-03', '23-03'].sort(),
    );
    const elderly = await api.ok('lastMile', { filter: 'elderly' }, 'demo-organizer');
    expect(elderly.rows.every((r) => r.elderly)).toBe(true);
    expect(elderly.rows.length).toBe(all.counts.elderly);
    const visits = await api.ok('lastMile', { filter: 'needsHomeVisit' }, 'demo-organizer');
    expect(visits.rows.map((r) => r.unitNo)).toEqual(['2-05', '6-02', '13-01', '20-01', '20-02']);
  });

  it('pages the list on request: consecutive slices, the total, and where the next one starts', async () => {
    const all = await api.ok('lastMile', { filter: 'all' }, 'demo-staff1');
    expect(all).toMatchObject({ total: 138, nextOffset: null });
    const first = await api.ok('lastMile', { filter: 'all', offset: 0, limit: 50 }, 'demo-staff1');
    expect(first).toMatchObject({ total: 138, nextOffset: 50, counts: all.counts });
    const rest = await api.ok('lastMile', { filter: 'all', offset: 100, limit: 50 }, 'demo-staff1');
    expect(rest).toMatchObject({ total: 138, nextOffset: null });
    expect([...first.rows, ...rest.rows].map((r) => r.unitNo)).toEqual(
      [...all.rows.slice(0, 50), ...all.rows.slice(100)].map((r) => r.unitNo),
    );
    expect((await api.err('lastMile', { filter: 'all', limit: 0 }, 'demo-staff1')).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      (await api.err('lastMile', { filter: 'all', offset: -1, limit: 5 }, 'demo-staff1')).code,
    ).toBe('INVALID_INPUT');
  });

  it('shows phone numbers to admins only', async () => {
    const staff = await api.ok('lastMile', { filter: 'all' }, 'demo-staff1');
    expect(staff.rows.flatMap((r) => r.owners.map((o) => o.phone)).every((p) => p === null)).toBe(
      true,
    );
    const admin = await api.ok('lastMile', { filter: 'all' }, 'demo-admin');
    expect(admin.rows.flatMap((r) => r.owners.map((o) => o.phone)).some((p) => p !== null)).toBe(
      true,
    );
    const details = await api.ok('contactDetails', { unitId: 'u2-02' }, 'demo-admin');
    expect(details.owners[0]?.phone).toMatch(/^1\d{10}$/);
    expect((await api.err('contactDetails', { unitId: 'u2-02' }, 'demo-organizer')).code).toBe(
      'FORBIDDEN',
    );
  });

  it('logs a contact: the unit is reached, a log entry and an audit entry are written', async () => {
    const logBefore = documents(t, 'contactLog').length;
    const { row } = await api.ok(
      'logContact',
      {
        unitId: 'u16-02',
        channel: 'visit',
        reached: true,
        note: '上门讲解，已同意',
        needsHomeVisit: false,
      },
      'demo-staff2',
    );
    expect(row).toMatchObject({
      unitNo: '16-02',
      reached: true,
      lastChannel: 'visit',
      attempts: 2,
      needsHomeVisit: false,
      note: '上门讲解，已同意',
    });
    expect(row.updatedBy).toContain('社区工作者');
    const entries = documents<ContactLogEntry>(t, 'contactLog');
    expect(entries).toHaveLength(logBefore + 1);
    expect(entries.at(-1)).toMatchObject({
      unitId: 'u16-02',
      channel: 'visit',
      reached: true,
      byOpenid: 'demo-staff2',
    });
    const audit = await api.ok('auditLog', { limit: 5 }, 'demo-admin');
    expect(audit.entries[0]).toMatchObject({
      who: 'demo-staff2',
      roles: ['staff'],
      action: 'households.logContact',
      target: 'unit:u16-02',
    });

    const unreached = await api.ok('lastMile', { filter: 'unreached' }, 'demo-staff1');
    expect(unreached.rows.map((r) => r.unitNo)).not.toContain('16-02');
  });

  it('a later unanswered call does not un-reach a household', async () => {
    const { row } = await api.ok(
      'logContact',
      { unitId: 'u16-02', channel: 'phone', reached: false },
      'demo-staff1',
    );
    expect(row).toMatchObject({ reached: true, attempts: 3, lastChannel: 'phone' });
  });

  it('reads the whole tracker, and one household, in a handful of database requests', async () => {
    await api.ok('lastMile', { filter: 'all' }, 'demo-staff1');
    expect(t.cloud.invocations()[0]).toMatchObject({ action: 'lastMile', ok: true });
    expect(t.cloud.invocations()[0]?.dbRequests).toBeLessThanOrEqual(5);
    await api.ok('me', {}, 'demo-organizer');
    expect(t.cloud.invocations()[0]).toMatchObject({ action: 'me', ok: true });
    // One of them reads the building for its help line (the residents' committee's phone).
    expect(t.cloud.invocations()[0]?.dbRequests).toBeLessThanOrEqual(8);
  });
});
