import dayjs from 'dayjs';
import { demoSeed } from '../../cli/seed/demo';
import type { Member, ProxyGrant, Unit } from '../../core/registry/model';
import { newShareToken } from '../../server/auth/secrets';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { putFile } from '../helpers/rosterFiles';
import { documents, households, type HouseholdsClient } from './householdsApi';

/**
 * Proxies through the real function: the owner's one-time share link, what the proxy sees and
 * accepts, revocation at any time, expiry of the link and of the authorization, and the paper
 * form an organizer registers for an owner without WeChat.
 */

const seed = demoSeed();
const ORGANIZER = 'demo-organizer';
const inDays = (n: number): string => dayjs().add(n, 'day').format('YYYY-MM-DD');

function unit(no: string): Unit {
  const found = seed.collections.units.find((u) => u.unitNo === no);
  if (!found) throw new Error(`no unit ${no}`);
  return found;
}
function ownerMember(no: string): Member {
  const found = seed.collections.members.find((m) =>
    m.links.some((l) => l.unitId === unit(no)._id && l.as === 'owner'),
  );
  if (!found) throw new Error(`no bound owner of ${no}`);
  return found;
}

/** An invitation whose link ran out yesterday, planted with a token the test knows. */
const stale = newShareToken('px-stale');
const STALE: ProxyGrant = {
  _id: 'px-stale',
  buildingId: unit('3-03').buildingId,
  unitIds: [unit('3-03')._id],
  ownerPersonId: unit('3-03').ownerIds[0] ?? '',
  grantedBy: ownerMember('3-03').openid,
  source: 'wechat',
  proxyName: '迟到的人',
  proxyOpenid: null,
  proxyPersonId: null,
  scope: { vote: true, pay: true, decisionId: null },
  validUntil: inDays(300),
  status: 'invited',
  tokenHash: stale.hash,
  tokenExpiresAt: dayjs().subtract(1, 'day').format('YYYY-MM-DDTHH:mm:ssZ'),
  evidenceFileId: null,
  createdAt: dayjs().subtract(4, 'day').format('YYYY-MM-DDTHH:mm:ssZ'),
  acceptedAt: null,
  revokedAt: null,
  revokedBy: null,
};

let t: TestCloud;
let api: HouseholdsClient;

beforeAll(async () => {
  t = await startTestCloud({
    seed: { ...seed.collections, proxies: [...seed.collections.proxies, STALE] },
  });
  api = households(t);
});
afterAll(() => t.stop());

describe('an owner invites a proxy', () => {
  const owner = ownerMember('4-02');
  let token = '';
  let proxyId = '';

  it('gets a one-time share link; only its hash is stored', async () => {
    const invitation = await api.ok(
      'inviteProxy',
      {
        unitIds: [unit('4-02')._id],
        proxyName: '儿子小刚',
        scope: { vote: true, pay: true, decisionId: null },
        validUntil: inDays(90),
      },
      owner.openid,
    );
    token = invitation.token;
    proxyId = invitation.proxy.id;
    expect(invitation.sharePath).toBe(`/pages/proxy/index?token=${encodeURIComponent(token)}`);
    expect(invitation.proxy).toMatchObject({
      state: 'invited',
      unitNos: ['4-02'],
      source: 'wechat',
    });
    const stored = documents<ProxyGrant>(t, 'proxies').find((p) => p._id === proxyId);
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[1] ?? 'missing');
  });

  it('the proxy previews the scope (owner’s name masked) and accepts in WeChat', async () => {
    const preview = await api.ok('previewProxyInvite', { token }, 'wx-son');
    expect(preview).toMatchObject({ canAccept: true, reason: null });
    expect(preview.proxy.ownerName).toMatch(/^.\*+$/);
    expect(preview.proxy.scope).toEqual({ vote: true, pay: true, decisionId: null });

    const accepted = await api.ok('acceptProxy', { token, name: '小刚' }, 'wx-son');
    expect(accepted.proxy).toMatchObject({ state: 'active', unitNos: ['4-02'] });
    const son = await api.ok('me', {}, 'wx-son');
    expect(son.roles).toEqual(['proxy']);
    expect(son.proxiesHeld).toEqual([
      expect.objectContaining({ id: proxyId, state: 'active', validUntil: inDays(90) }),
    ]);
    const given = await api.ok('me', {}, owner.openid);
    expect(given.proxiesGiven.map((p) => [p.id, p.state, p.proxyName])).toEqual([
      [proxyId, 'active', '儿子小刚'],
    ]);
  });

  it('the link works once', async () => {
    const second = await api.err('acceptProxy', { token }, 'wx-someone-else');
    expect(second.code).toBe('CONFLICT');
    expect(second.message).toContain('只能使用一次');
    const preview = await api.ok('previewProxyInvite', { token }, 'wx-someone-else');
    expect(preview.canAccept).toBe(false);
  });

  it('nobody but the owner (or an organizer) revokes it; the owner can at any time', async () => {
    const stranger = await api.err('revokeProxy', { proxyId }, ownerMember('4-04').openid);
    expect(stranger.code).toBe('FORBIDDEN');
    const revoked = await api.ok('revokeProxy', { proxyId }, owner.openid);
    expect(revoked.proxy).toMatchObject({ state: 'revoked' });
    const son = await api.ok('me', {}, 'wx-son');
    expect(son.roles).toEqual([]);
    expect(son.proxiesHeld[0]).toMatchObject({ id: proxyId, state: 'revoked' });
    const audit = documents<{ action: string; target: string; who: string }>(t, 'audit');
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'households.revokeProxy',
        target: `proxy:${proxyId}`,
        who: owner.openid,
      }),
    );
  });

  it('an owner acts only for their own units, and must name vote or pay', async () => {
    const refused = await api.err(
      'inviteProxy',
      {
        unitIds: [unit('4-02')._id, unit('4-04')._id],
        proxyName: '某人',
        scope: { vote: false, pay: true, decisionId: null },
        validUntil: inDays(30),
      },
      owner.openid,
    );
    expect(refused.code).toBe('FORBIDDEN');
    const nothing = await api.err(
      'inviteProxy',
      {
        unitIds: [unit('4-02')._id],
        proxyName: '某人',
        scope: { vote: false, pay: false, decisionId: null },
        validUntil: inDays(30),
      },
      owner.openid,
    );
    expect(nothing.code).toBe('INVALID_INPUT');
  });
});

describe('expiry', () => {
  it('an invitation whose link ran out cannot be accepted', async () => {
    const preview = await api.ok('previewProxyInvite', { token: stale.token }, 'wx-late');
    expect(preview).toMatchObject({ canAccept: false });
    expect(preview.proxy.state).toBe('expired');
    const refused = await api.err('acceptProxy', { token: stale.token }, 'wx-late');
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('过期');
    const forged = await api.err(
      'acceptProxy',
      { token: 'px-stale.AAAAAAAAAAAAAAAAAAAAAAAA' },
      'wx-late',
    );
    // A token that does not match tells nothing about the invitation behind it.
    expect(forged).toMatchObject({ code: 'NOT_FOUND', message: '邀请链接无效' });
  });

  it('an authorization past its last day shows as expired to its holder', async () => {
    const expired = seed.collections.proxies.find((p) => p._id === 'px-23-03');
    const holder = await api.ok('me', {}, expired?.proxyOpenid ?? '');
    expect(holder.proxiesHeld).toEqual([
      expect.objectContaining({ id: 'px-23-03', state: 'expired', validUntil: '2026-10-31' }),
    ]);
  });
});

describe('paper authorizations', () => {
  it('an organizer registers the signed form with its photo; the proxy links WeChat later', async () => {
    const elderly = unit('6-02');
    const evidenceFileId = putFile(t, 'proxies/6-02.jpg', 'signed form 6-02');
    const registered = await api.ok(
      'registerPaperProxy',
      {
        unitIds: [elderly._id],
        proxyName: '女儿王芳',
        scope: { vote: true, pay: false, decisionId: 'elevator-plan' },
        validUntil: inDays(60),
        evidenceFileId,
      },
      ORGANIZER,
    );
    expect(registered.proxy).toMatchObject({
      state: 'active',
      source: 'paper',
      evidenceFileId,
      scope: { vote: true, pay: false, decisionId: 'elevator-plan' },
    });
    await api.ok('acceptProxy', { token: registered.token }, 'wx-daughter');
    const daughter = await api.ok('me', {}, 'wx-daughter');
    expect(daughter.proxiesHeld[0]).toMatchObject({
      unitNos: ['6-02'],
      state: 'active',
      source: 'paper',
    });

    const staff = await api.err(
      'registerPaperProxy',
      {
        unitIds: [elderly._id],
        proxyName: '某人',
        scope: { vote: true, pay: true, decisionId: null },
        validUntil: inDays(60),
        evidenceFileId: 'cloud://tongti-local.746f-tongti-local-1300000000/x.jpg',
      },
      'demo-staff1',
    );
    expect(staff.code).toBe('FORBIDDEN');
  });
});
