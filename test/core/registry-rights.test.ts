import type { Member, ProxyGrant, Unit } from '../../core/registry/model';
import { allows, ownersOn, proxyState, unitRights, voterOn } from '../../core/registry/rights';

/** Who may act for a unit at a given moment: owners, the voter, residents, proxies and their expiry. */

const unit: Unit = {
  _id: 'u12-03',
  buildingId: 'b',
  unitNo: '12-03',
  floor: 12,
  areaHundredths: 8912,
  status: 'owned',
  ownerIds: ['p-husband', 'p-wife'],
};

const member = (openid: string, personId: string, links: Member['links'] = []): Member => ({
  _id: openid,
  openid,
  personId,
  roles: [],
  links,
  unitIds: links.map((l) => l.unitId),
  actsForPersonId: null,
  label: openid,
});

const proxy = (fields: Partial<ProxyGrant> = {}): ProxyGrant => ({
  _id: 'px-1',
  buildingId: 'b',
  unitIds: ['u12-03'],
  ownerPersonId: 'p-husband',
  grantedBy: 'o-husband',
  source: 'wechat',
  proxyName: '儿子',
  proxyOpenid: 'o-son',
  proxyPersonId: 'p-son',
  scope: { vote: true, pay: true, decisionId: null },
  validUntil: '2027-06-30',
  status: 'active',
  tokenHash: null,
  tokenExpiresAt: null,
  evidenceFileId: null,
  createdAt: '2026-11-20T10:00:00+08:00',
  acceptedAt: '2026-11-20T10:05:00+08:00',
  revokedAt: null,
  revokedBy: null,
  ...fields,
});

const NOW = new Date('2026-11-29T04:00:00Z'); // 12:00 in Shanghai

describe('owners and the voter', () => {
  it('the first owner votes; a transfer takes over on its Shanghai day, not before', () => {
    const sold: Unit = {
      ...unit,
      transfer: {
        toOwnerIds: ['p-buyer'],
        effectiveDate: '2026-12-01',
        recordedBy: 'o',
        recordedAt: '',
      },
    };
    expect(voterOn(unit, NOW)).toBe('p-husband');
    expect(ownersOn(sold, '2026-11-30T15:59:59Z')).toEqual(['p-husband', 'p-wife']);
    // 2026-11-30T16:00Z is midnight, 1 December, in Shanghai.
    expect(ownersOn(sold, '2026-11-30T16:00:00Z')).toEqual(['p-buyer']);
  });
});

describe('proxyState', () => {
  it('is active through its last day in Shanghai, then expired', () => {
    const p = proxy({ validUntil: '2026-11-29' });
    expect(proxyState(p, '2026-11-29T15:59:59Z')).toBe('active');
    expect(proxyState(p, '2026-11-29T16:00:00Z')).toBe('expired');
  });

  it('an unaccepted invitation expires with its link; revoked stays revoked', () => {
    const invited = proxy({
      status: 'invited',
      proxyOpenid: null,
      tokenExpiresAt: '2026-11-30T12:00:00+08:00',
    });
    expect(proxyState(invited, NOW)).toBe('invited');
    expect(proxyState(invited, '2026-11-30T04:00:00Z')).toBe('expired');
    expect(proxyState(proxy({ status: 'revoked' }), NOW)).toBe('revoked');
  });
});

describe('unitRights', () => {
  it('the voter votes and pays; a co-owner pays; a resident reads; a stranger nothing', () => {
    const husband = unitRights({ member: member('o-h', 'p-husband'), unit, proxies: [], now: NOW });
    expect(husband).toEqual({
      read: true,
      manage: true,
      vote: { kind: 'all' },
      pay: { kind: 'all' },
    });
    const wife = unitRights({ member: member('o-w', 'p-wife'), unit, proxies: [], now: NOW });
    expect(wife).toMatchObject({ manage: true, vote: { kind: 'none' }, pay: { kind: 'all' } });
    const tenant = unitRights({
      member: member('o-t', 'p-t', [{ unitId: 'u12-03', as: 'resident' }]),
      unit,
      proxies: [],
      now: NOW,
    });
    expect(tenant).toEqual({
      read: true,
      manage: false,
      vote: { kind: 'none' },
      pay: { kind: 'none' },
    });
    expect(unitRights({ member: member('o-x', 'p-x'), unit, proxies: [], now: NOW }).read).toBe(
      false,
    );
    expect(unitRights({ member: null, unit, proxies: [], now: NOW }).read).toBe(false);
  });

  it('a proxy gets its scope while active, and nothing once expired or revoked', () => {
    const son = member('o-son', 'p-son');
    const forOne = proxy({ scope: { vote: true, pay: false, decisionId: 'd-plan' } });
    const rights = unitRights({ member: son, unit, proxies: [forOne], now: NOW });
    expect(rights).toMatchObject({ read: true, manage: false, pay: { kind: 'none' } });
    expect(allows(rights.vote, 'd-plan')).toBe(true);
    expect(allows(rights.vote, 'd-other')).toBe(false);
    expect(allows(rights.vote)).toBe(false);

    for (const ended of [proxy({ status: 'revoked' }), proxy({ validUntil: '2026-11-28' })]) {
      expect(unitRights({ member: son, unit, proxies: [ended], now: NOW })).toMatchObject({
        read: false,
        vote: { kind: 'none' },
        pay: { kind: 'none' },
      });
    }
  });

  it('a proxy from a co-owner who is not the voter pays but does not vote', () => {
    const fromWife = proxy({ ownerPersonId: 'p-wife' });
    const rights = unitRights({
      member: member('o-son', 'p-son'),
      unit,
      proxies: [fromWife],
      now: NOW,
    });
    expect(rights).toMatchObject({ vote: { kind: 'none' }, pay: { kind: 'all' } });
  });

  it('a sale ends the seller’s rights and their proxies’ on its date', () => {
    const sold: Unit = {
      ...unit,
      transfer: {
        toOwnerIds: ['p-buyer'],
        effectiveDate: '2026-11-29',
        recordedBy: 'o',
        recordedAt: '',
      },
    };
    const seller = member('o-h', 'p-husband', [{ unitId: 'u12-03', as: 'owner' }]);
    expect(unitRights({ member: seller, unit: sold, proxies: [], now: NOW })).toEqual({
      read: false,
      manage: false,
      vote: { kind: 'none' },
      pay: { kind: 'none' },
    });
    expect(
      unitRights({ member: member('o-son', 'p-son'), unit: sold, proxies: [proxy()], now: NOW })
        .read,
    ).toBe(false);
    expect(
      unitRights({ member: member('o-b', 'p-buyer'), unit: sold, proxies: [], now: NOW }).vote,
    ).toEqual({ kind: 'all' });
  });
});
