import dayjs from 'dayjs';
import { demoSeed } from '../../cli/seed/demo';
import type { Member, ProxyGrant, Role } from '../../core/registry/model';
import { POLICY, PRINCIPALS, type Principal } from '../../server/auth/policy';
import type { ActionName, ActionRequest } from '../../typings/api';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { documents, households, type HouseholdsClient } from './householdsApi';

/**
 * The authorization matrix: every households action × every role, through the real function, is
 * allowed or refused exactly as server/auth/policy.ts says. Each role is played by a member who
 * has that role and no other. Requests name things that do not exist, so an allowed call gets as
 * far as the use case (answering, or NOT_FOUND) and nothing is written either way.
 */

type Action = ActionName<'households'>;
type Requests = { [A in Action]: ActionRequest<'households', A> };

const UNIT = 'u20-01';
const IN_A_YEAR = dayjs().add(1, 'year').format('YYYY-MM-DD');
const PERSONA: Record<Principal, string> = {
  guest: 'matrix-guest',
  owner: 'matrix-owner',
  resident: 'matrix-resident',
  proxy: 'matrix-proxy',
  staff: 'matrix-staff',
  treasurer: 'matrix-treasurer',
  organizer: 'matrix-organizer',
  admin: 'matrix-admin',
};

const REQUESTS: Requests = {
  summary: {},
  me: {},
  requestBinding: { code: 'ZZZZ-ZZZZ', as: 'resident', name: '测试' },
  requestBindingByPhone: { phoneCode: 'no-such-code' },
  previewProxyInvite: { token: 'px-none.aaaaaaaaaaaaaaaaaaaaaaaa' },
  acceptProxy: { token: 'px-none.aaaaaaaaaaaaaaaaaaaaaaaa' },
  directory: {},
  unbind: { unitId: 'u-none' },
  inviteProxy: {
    unitIds: ['u-none'],
    proxyName: '代理人',
    scope: { vote: false, pay: true, decisionId: null },
    validUntil: IN_A_YEAR,
  },
  revokeProxy: { proxyId: 'px-none' },
  addCoOwner: { unitId: 'u-none', name: '共有人' },
  setVoter: { unitId: 'u-none', personId: 'p-none' },
  listBindingRequests: {},
  decideBinding: { bindingId: 'own:u-none:p-none', approve: true },
  issueInviteCodes: { unitIds: ['u-none'] },
  transferOwnership: {
    unitId: 'u-none',
    newOwners: [{ name: '新业主' }],
    effectiveDate: '2027-01-01',
  },
  registerPaperProxy: {
    unitIds: ['u-none'],
    proxyName: '代理人',
    scope: { vote: true, pay: true, decisionId: null },
    validUntil: IN_A_YEAR,
    evidenceFileId: 'cloud://tongti-local.746f-tongti-local-1300000000/none.jpg',
  },
  importRoster: {
    fileId: 'cloud://tongti-local.746f-tongti-local-1300000000/none.csv',
    dryRun: true,
  },
  importHistory: {},
  lastMile: { filter: 'unreached' },
  logContact: { unitId: 'u-none', channel: 'phone', reached: false },
  contactDetails: { unitId: 'u-none' },
  setRoles: { openid: 'nobody-at-all', roles: ['staff'] },
  auditLog: { limit: 5 },
  init: {},
};

function personaSeed() {
  const seed = demoSeed();
  const unit = seed.collections.units.find((u) => u._id === UNIT);
  const ownerId = unit?.ownerIds[0];
  if (!ownerId) throw new Error(`matrix: ${UNIT} has no owner`);
  const member = (openid: string, roles: Role[], extra: Partial<Member> = {}): Member => ({
    _id: openid,
    openid,
    personId: `p-${openid}`,
    roles,
    links: [],
    unitIds: [],
    actsForPersonId: null,
    label: openid,
    ...extra,
  });
  const proxy: ProxyGrant = {
    _id: 'px-matrix',
    buildingId: unit.buildingId,
    unitIds: [UNIT],
    ownerPersonId: ownerId,
    grantedBy: PERSONA.organizer,
    source: 'paper',
    proxyName: 'matrix proxy',
    proxyOpenid: PERSONA.proxy,
    proxyPersonId: `p-${PERSONA.proxy}`,
    scope: { vote: true, pay: true, decisionId: null },
    validUntil: '2030-12-31',
    status: 'active',
    tokenHash: null,
    tokenExpiresAt: null,
    evidenceFileId: 'cloud://tongti-local.746f-tongti-local-1300000000/matrix.jpg',
    createdAt: '2026-11-20T10:00:00+08:00',
    acceptedAt: '2026-11-20T10:00:00+08:00',
    revokedAt: null,
    revokedBy: null,
  };
  seed.collections.members.push(
    member(PERSONA.owner, ['owner'], {
      personId: ownerId,
      links: [{ unitId: UNIT, as: 'owner' }],
      unitIds: [UNIT],
    }),
    member(PERSONA.resident, ['resident'], {
      links: [{ unitId: UNIT, as: 'resident' }],
      unitIds: [UNIT],
    }),
    member(PERSONA.proxy, ['proxy'], { unitIds: [UNIT], actsForPersonId: ownerId }),
    member(PERSONA.staff, ['staff']),
    member(PERSONA.treasurer, ['treasurer']),
    member(PERSONA.organizer, ['organizer']),
    member(PERSONA.admin, ['admin']),
  );
  seed.collections.proxies.push(proxy);
  return seed.collections;
}

describe('households authorization matrix', () => {
  let t: TestCloud;
  let api: HouseholdsClient;
  const actions = Object.keys(POLICY.households) as Action[];

  beforeAll(async () => {
    t = await startTestCloud({ seed: personaSeed() });
    api = households(t);
  });
  afterAll(() => t.stop());

  it('has a request for every action in the policy table, and nothing else', () => {
    expect(Object.keys(REQUESTS).sort()).toEqual([...actions].sort());
  });

  it('allows or refuses every action for every role exactly as the table says', async () => {
    const auditBefore = documents(t, 'audit').length;
    const observed: string[] = [];
    const expected: string[] = [];
    for (const action of actions) {
      for (const principal of PRINCIPALS) {
        const result = await api.call(action, REQUESTS[action] as never, PERSONA[principal]);
        const allowed = POLICY.households[action].roles.includes(principal);
        expected.push(`${action} × ${principal}: ${allowed ? 'allowed' : 'denied'}`);
        // An allowed call reaches its use case: it answers, or finds nothing; never FORBIDDEN.
        const reached = result.ok || result.code !== 'FORBIDDEN';
        observed.push(`${action} × ${principal}: ${reached ? 'allowed' : 'denied'}`);
        // Nothing may fail for another reason (an INTERNAL here would hide a bug).
        if (!result.ok && reached) {
          expect(`${action} × ${principal}: ${result.code}`).toMatch(
            /: (NOT_FOUND|INVALID_INPUT)$/,
          );
        }
        if (!reached && !result.ok) {
          expect(result.message).toContain(POLICY.households[action].label);
        }
      }
    }
    expect(observed).toEqual(expected);
    // Refused or harmlessly failed, no call of the matrix wrote anything.
    expect(documents(t, 'audit')).toHaveLength(auditBefore);
  }, 180_000);

  it('refuses a caller without an openid before looking at anything', async () => {
    const refused = await api.err('lastMile', { filter: 'all' }, '');
    expect(refused.code).toBe('UNAUTHENTICATED');
  });

  it('takes identity from WeChat only: an openid in the request is ignored', async () => {
    const r = await t.call(
      'households',
      { action: 'contactDetails', unitId: UNIT, userInfo: { openId: PERSONA.admin } },
      PERSONA.guest,
    );
    expect((r.body as { result: { ok: boolean; code?: string } }).result).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});
