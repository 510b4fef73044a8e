import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dayjs from 'dayjs';
import { demoSeed } from '../../cli/seed/demo';
import type { AuditEntry, Binding, Member, Person, Unit } from '../../core/registry/model';
import { parseFileId } from '../../localcloud/storage';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { documents, households, type HouseholdsClient } from './householdsApi';

/**
 * Binding WeChat users to units through the real function: invite codes, verified phone numbers,
 * organizer approval, the race for one owner seat, unbinding, co-owners, the voter, transfers,
 * invite code sheets and the configured first admin.
 */

const seed = demoSeed();
const ORGANIZER = 'demo-organizer';
const FIRST_ADMIN = 'deployer-named-admin';

function unit(no: string): Unit {
  const found = seed.collections.units.find((u) => u.unitNo === no);
  if (!found) throw new Error(`no unit ${no}`);
  return found;
}
function ownerOf(no: string): Person {
  const id = unit(no).ownerIds[0];
  const person = seed.collections.people.find((p) => p._id === id);
  if (!person) throw new Error(`no owner of ${no}`);
  return person;
}
function memberOf(no: string): Member {
  const found = seed.collections.members.find((m) =>
    m.links.some((l) => l.unitId === unit(no)._id && l.as === 'owner'),
  );
  if (!found) throw new Error(`no bound owner of ${no}`);
  return found;
}
function codeOf(no: string): string {
  const found = seed.inviteCodes.find((c) => c.unitNo === no);
  if (!found) throw new Error(`no invite code for ${no}`);
  return found.code;
}
const today = (): string => dayjs().add(8, 'hour').toISOString().slice(0, 10);
const inAYear = (): string => dayjs().add(1, 'year').format('YYYY-MM-DD');

let t: TestCloud;
let api: HouseholdsClient;
const previousAdmin = process.env.TONGTI_FIRST_ADMIN_OPENID;

beforeAll(async () => {
  // Read by the function's workers, which inherit this process's environment when they start.
  process.env.TONGTI_FIRST_ADMIN_OPENID = FIRST_ADMIN;
  t = await startTestCloud({ seed: seed.collections });
  api = households(t);
});
afterAll(async () => {
  await t.stop();
  if (previousAdmin === undefined) delete process.env.TONGTI_FIRST_ADMIN_OPENID;
  else process.env.TONGTI_FIRST_ADMIN_OPENID = previousAdmin;
});

describe('binding by invite code', () => {
  it('an owner asks with the code and their registered name; an organizer approves', async () => {
    const owner = ownerOf('20-01');
    const asked = await api.ok(
      'requestBinding',
      { code: codeOf('20-01').toLowerCase().replace('-', ' '), as: 'owner', name: owner.name },
      'wx-owner-2001',
    );
    expect(asked.bindings).toEqual([
      expect.objectContaining({ unitNo: '20-01', as: 'owner', status: 'pending', method: 'code' }),
    ]);
    const before = await api.ok('me', {}, 'wx-owner-2001');
    expect(before.roles).toEqual([]);
    expect(before.bindings.map((b) => b.status)).toEqual(['pending']);

    const queue = await api.ok('listBindingRequests', {}, ORGANIZER);
    const request = queue.requests.find((r) => r.unitNo === '20-01');
    expect(request).toMatchObject({ name: owner.name, as: 'owner' });

    const decided = await api.ok(
      'decideBinding',
      { bindingId: request?.id ?? '', approve: true },
      ORGANIZER,
    );
    expect(decided.binding.status).toBe('approved');

    const after = await api.ok('me', {}, 'wx-owner-2001');
    expect(after.roles).toEqual(['owner']);
    expect(after.name).toBe(owner.name);
    expect(after.units).toEqual([
      expect.objectContaining({ unitNo: '20-01', as: 'owner', isVoter: true, rightsEnded: false }),
    ]);
    expect(after.bindings).toEqual([]);

    const audit = documents<AuditEntry>(t, 'audit').find(
      (e) => e.action === 'households.decideBinding' && e.target === `binding:${request?.id ?? ''}`,
    );
    expect(audit).toMatchObject({ who: ORGANIZER, roles: ['owner', 'organizer'] });
    expect(audit?.requestId).toMatch(/^[0-9a-f]{24}$/);
    expect(audit?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  });

  it('refuses a wrong or malformed code and a name that is not the registered owner', async () => {
    expect(
      (await api.err('requestBinding', { code: 'ABCD-EFGH', as: 'owner', name: '张三' }, 'wx-x'))
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (await api.err('requestBinding', { code: '12', as: 'owner', name: '张三' }, 'wx-x')).code,
    ).toBe('INVALID_INPUT');
    const mismatch = await api.err(
      'requestBinding',
      { code: codeOf('21-03'), as: 'owner', name: '张三丰' },
      'wx-x',
    );
    expect(mismatch).toMatchObject({ code: 'INVALID_INPUT' });
    expect(mismatch.message).toContain('住户');
  });

  it('a resident binds to read only; neighbours appear as masked names and room numbers', async () => {
    await api.ok(
      'requestBinding',
      { code: codeOf('20-01'), as: 'resident', name: '王小明' },
      'wx-tenant-2001',
    );
    const queue = await api.ok('listBindingRequests', {}, ORGANIZER);
    const request = queue.requests.find((r) => r.unitNo === '20-01' && r.as === 'resident');
    await api.ok('decideBinding', { bindingId: request?.id ?? '', approve: true }, ORGANIZER);

    const me = await api.ok('me', {}, 'wx-tenant-2001');
    expect(me.roles).toEqual(['resident']);
    expect(me.units).toEqual([
      expect.objectContaining({ unitNo: '20-01', as: 'resident', isVoter: false }),
    ]);
    const refused = await api.err(
      'inviteProxy',
      {
        unitIds: [unit('20-01')._id],
        proxyName: '某人',
        scope: { vote: true, pay: true, decisionId: null },
        validUntil: inAYear(),
      },
      'wx-tenant-2001',
    );
    expect(refused.code).toBe('FORBIDDEN');

    const { units } = await api.ok('directory', {}, 'wx-tenant-2001');
    expect(units).toHaveLength(138);
    const row = units.find((u) => u.unitNo === '20-01');
    expect(row?.owners).toEqual([
      `${Array.from(ownerOf('20-01').name)[0] ?? ''}${'*'.repeat(Array.from(ownerOf('20-01').name).length - 1)}`,
    ]);
    const text = JSON.stringify(units);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain(ownerOf('20-01').name);
  });

  it('two people racing for one owner seat: one wins, the other is told clearly', async () => {
    const owner = ownerOf('21-03');
    const request = { code: codeOf('21-03'), as: 'owner' as const, name: owner.name };
    const results = await Promise.all([
      api.call('requestBinding', request, 'wx-racer-a'),
      api.call('requestBinding', request, 'wx-racer-b'),
    ]);
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toEqual([
      expect.objectContaining({
        ok: false,
        code: 'CONFLICT',
        message: expect.stringContaining('另一位微信用户'),
      }),
    ]);
    const seats = documents<Binding>(t, 'bindings').filter((b) => b.unitId === unit('21-03')._id);
    expect(seats).toHaveLength(1);
    expect(['wx-racer-a', 'wx-racer-b']).toContain(seats[0]?.openid);

    // The winner asking again is fine (same seat); after approval a latecomer is refused.
    const winner = seats[0]?.openid ?? '';
    await api.ok('requestBinding', request, winner);
    await api.ok('decideBinding', { bindingId: seats[0]?._id ?? '', approve: true }, ORGANIZER);
    const late = await api.err('requestBinding', request, 'wx-racer-c');
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toContain('已由另一位微信用户绑定');
  });

  it('a refused request frees the seat; a decided request cannot be decided again', async () => {
    const owner = ownerOf('15-05');
    const pendingId = `own:${unit('15-05')._id}:${owner._id}`;
    const blocked = await api.err(
      'requestBinding',
      { code: codeOf('15-05'), as: 'owner', name: owner.name },
      'wx-real-1505',
    );
    expect(blocked.code).toBe('CONFLICT');

    await api.ok(
      'decideBinding',
      { bindingId: pendingId, approve: false, reason: '电话核实不是业主本人' },
      ORGANIZER,
    );
    const again = await api.err(
      'decideBinding',
      { bindingId: pendingId, approve: true },
      ORGANIZER,
    );
    expect(again.code).toBe('CONFLICT');
    const applicant = await api.ok('me', {}, 'demo-applicant1');
    expect(applicant.bindings).toEqual([
      expect.objectContaining({
        unitNo: '15-05',
        status: 'rejected',
        reason: '电话核实不是业主本人',
      }),
    ]);

    const retry = await api.ok(
      'requestBinding',
      { code: codeOf('15-05'), as: 'owner', name: owner.name },
      'wx-real-1505',
    );
    expect(retry.bindings[0]).toMatchObject({ status: 'pending' });
  });

  it('unbinding frees the seat for the owner’s new phone', async () => {
    const member = memberOf('2-06');
    const done = await api.ok('unbind', { unitId: unit('2-06')._id }, member.openid);
    expect(done.roles).toEqual([]);
    const me = await api.ok('me', {}, member.openid);
    expect(me.units).toEqual([]);
    const owner = ownerOf('2-06');
    const fresh = await api.ok(
      'requestBinding',
      { code: codeOf('2-06'), as: 'owner', name: owner.name },
      'wx-new-phone-206',
    );
    expect(fresh.bindings[0]).toMatchObject({ status: 'pending', unitNo: '2-06' });
    // Somebody else's binding is not theirs to remove.
    const other = await api.err(
      'unbind',
      { unitId: unit('2-04')._id, openid: memberOf('2-04').openid },
      memberOf('3-03').openid,
    );
    expect(other.code).toBe('FORBIDDEN');
  });
});

describe('binding by phone number', () => {
  it('a number WeChat verified finds the owner’s units; the code works once', async () => {
    const owner = ownerOf('5-02');
    expect(owner.phone).not.toBeNull();
    t.cloud.openapi.registerPhoneCode('phone-code-502', owner.phone ?? '');
    const asked = await api.ok(
      'requestBindingByPhone',
      { phoneCode: 'phone-code-502' },
      'wx-owner-502',
    );
    expect(asked.bindings).toEqual([
      expect.objectContaining({
        unitNo: '5-02',
        as: 'owner',
        method: 'phone',
        status: 'pending',
        name: owner.name,
      }),
    ]);
    const reused = await api.err(
      'requestBindingByPhone',
      { phoneCode: 'phone-code-502' },
      'wx-owner-502',
    );
    expect(reused.code).toBe('INVALID_INPUT');
  });

  it('an unknown number is told to use the invite code', async () => {
    t.cloud.openapi.registerPhoneCode('phone-code-unknown', '13000000000');
    const refused = await api.err(
      'requestBindingByPhone',
      { phoneCode: 'phone-code-unknown' },
      'wx-stranger',
    );
    expect(refused.code).toBe('NOT_FOUND');
    expect(refused.message).toContain('邀请码');
  });
});

describe('co-owners and the voter', () => {
  it('an owner adds a co-owner, who binds and can be made the voter', async () => {
    const owner = memberOf('2-01');
    const added = await api.ok(
      'addCoOwner',
      { unitId: unit('2-01')._id, name: '李梅', phone: '139 1234 5678' },
      owner.openid,
    );
    expect(added.coOwners.map((c) => [c.name, c.isVoter])).toEqual([
      [ownerOf('2-01').name, true],
      ['李梅', false],
    ]);
    await api.ok('requestBinding', { code: codeOf('2-01'), as: 'owner', name: '李梅' }, 'wx-limei');
    const queue = await api.ok('listBindingRequests', {}, ORGANIZER);
    const request = queue.requests.find((r) => r.name === '李梅');
    await api.ok('decideBinding', { bindingId: request?.id ?? '', approve: true }, ORGANIZER);
    expect((await api.ok('me', {}, 'wx-limei')).units[0]).toMatchObject({
      unitNo: '2-01',
      isVoter: false,
    });

    const limeiId = added.coOwners[1]?.personId ?? '';
    const voter = await api.ok(
      'setVoter',
      { unitId: unit('2-01')._id, personId: limeiId },
      owner.openid,
    );
    expect(voter.coOwners[0]).toMatchObject({ name: '李梅', isVoter: true });
    expect((await api.ok('me', {}, 'wx-limei')).units[0]).toMatchObject({ isVoter: true });
  });

  it('only the unit’s owners (or organizers) change its owners', async () => {
    const stranger = memberOf('2-02');
    const refused = await api.err(
      'addCoOwner',
      { unitId: unit('2-01')._id, name: '冒名' },
      stranger.openid,
    );
    expect(refused.code).toBe('FORBIDDEN');
    const notOwner = await api.err(
      'setVoter',
      { unitId: unit('2-01')._id, personId: ownerOf('2-02')._id },
      ORGANIZER,
    );
    expect(notOwner.code).toBe('INVALID_INPUT');
  });
});

describe('ownership transfer', () => {
  it('a future transfer keeps the old owner’s rights until the day', async () => {
    const seller = memberOf('2-02');
    const day = dayjs().add(30, 'day').toISOString().slice(0, 10);
    const recorded = await api.ok(
      'transferOwnership',
      { unitId: unit('2-02')._id, newOwners: [{ name: '买家甲' }], effectiveDate: day },
      ORGANIZER,
    );
    expect(recorded).toMatchObject({ applied: false, effectiveDate: day });
    const me = await api.ok('me', {}, seller.openid);
    expect(me.units[0]).toMatchObject({ unitNo: '2-02', ownershipEndsOn: day, rightsEnded: false });
    await api.ok(
      'inviteProxy',
      {
        unitIds: [unit('2-02')._id],
        proxyName: '亲戚',
        scope: { vote: false, pay: true, decisionId: null },
        validUntil: day,
      },
      seller.openid,
    );
  });

  it('a transfer dated today ends the old owner’s rights at once', async () => {
    const seller = memberOf('2-04');
    const recorded = await api.ok(
      'transferOwnership',
      {
        unitId: unit('2-04')._id,
        newOwners: [{ name: '买家乙', phone: '13911112222' }],
        effectiveDate: today(),
      },
      ORGANIZER,
    );
    expect(recorded.applied).toBe(true);
    const me = await api.ok('me', {}, seller.openid);
    expect(me.units[0]).toMatchObject({ unitNo: '2-04', rightsEnded: true, isVoter: false });
    const refused = await api.err(
      'inviteProxy',
      {
        unitIds: [unit('2-04')._id],
        proxyName: '亲戚',
        scope: { vote: false, pay: true, decisionId: null },
        validUntil: inAYear(),
      },
      seller.openid,
    );
    expect(refused.code).toBe('FORBIDDEN');
    // The buyer binds with the unit's code and their name.
    const buyer = await api.ok(
      'requestBinding',
      { code: codeOf('2-04'), as: 'owner', name: '买家乙' },
      'wx-buyer',
    );
    expect(buyer.bindings[0]).toMatchObject({ status: 'pending', unitNo: '2-04' });
  });
});

describe('invite code sheets', () => {
  it('issues new codes with the mini program code; the old codes stop working', async () => {
    const sheet = await api.ok(
      'issueInviteCodes',
      { unitIds: [unit('22-01')._id, unit('22-02')._id] },
      ORGANIZER,
    );
    expect(sheet.rows.map((r) => r.unitNo)).toEqual(['22-01', '22-02']);
    for (const row of sheet.rows)
      expect(row.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(sheet.page).toBe('pages/bind/index');

    const parsed = parseFileId(sheet.qrFileId ?? '');
    if (!parsed) throw new Error(`not a fileID: ${String(sheet.qrFileId)}`);
    const png = readFileSync(
      join(t.dataDir, 'storage', parsed.env, ...parsed.cloudPath.split('/')),
    );
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(t.cloud.outbox.list('openapi.wxacode.getUnlimited').at(-1)).toMatchObject({
      scene: 'bind',
      page: 'pages/bind/index',
    });

    const old = await api.err(
      'requestBinding',
      { code: codeOf('22-01'), as: 'resident', name: '访客' },
      'wx-visitor',
    );
    expect(old.code).toBe('NOT_FOUND');
    const fresh = await api.ok(
      'requestBinding',
      { code: sheet.rows[0]?.code ?? '', as: 'resident', name: '访客' },
      'wx-visitor',
    );
    expect(fresh.bindings[0]?.unitNo).toBe('22-01');
    // Only hashes are stored.
    const stored = JSON.stringify(documents(t, 'invites'));
    for (const row of sheet.rows) {
      expect(stored).not.toContain(row.code);
      expect(stored).not.toContain(row.code.replace('-', ''));
    }
  });
});

describe('the first admin', () => {
  it('is whoever the deployment names, never whoever calls first', async () => {
    const first = await api.err(
      'setRoles',
      { openid: 'wx-first-caller', roles: ['admin'], name: '抢先者' },
      'wx-first-caller',
    );
    expect(first.code).toBe('FORBIDDEN');

    const named = await api.ok(
      'setRoles',
      { openid: 'wx-new-staff', roles: ['staff'], name: '新社工' },
      FIRST_ADMIN,
    );
    expect(named).toMatchObject({ openid: 'wx-new-staff', roles: ['staff'] });
    const view = await api.ok('lastMile', { filter: 'all' }, 'wx-new-staff');
    expect(view.rows).toHaveLength(138);
    const selfDemotion = await api.err('setRoles', { openid: FIRST_ADMIN, roles: [] }, FIRST_ADMIN);
    expect(selfDemotion.code).toBe('INVALID_INPUT');
  });
});
