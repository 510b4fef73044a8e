import { demoBuilding } from '../../cli/seed';
import type { Member } from '../../core/registry/model';
import type { Principal } from '../../server/auth/policy';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { functionClient } from './functionClient';
import { policyMismatches, type MatrixRequests } from './policyMatrix';

/**
 * The authorization matrix of the notices: every action × every role of the demo building,
 * through the real function, is allowed or refused exactly as server/auth/policy.ts says.
 * Decision notices name a decision that does not exist, so an allowed call stops in the use case.
 */
const REQUESTS: MatrixRequests<'notices'> = {
  decisionNotice: { decisionId: 'd-none' },
  decisionResult: { decisionId: 'd-none' },
  moneySummary: {},
  inviteSheet: { scope: 'unbound' },
};

const persona: Record<Principal, string> = {
  guest: 'wx-stranger',
  owner: 'demo-owner-p001',
  resident: 'demo-resident-p144',
  proxy: 'demo-proxy-p137',
  staff: 'demo-staff1',
  treasurer: 'demo-treasurer',
  organizer: 'demo-organizer',
  admin: 'demo-admin',
};

describe('notices authorization matrix', () => {
  let t: TestCloud;
  const seed = demoBuilding(Date.now());
  const members = seed.collections.members as readonly Member[];

  beforeAll(async () => {
    t = await startTestCloud({ seed: seed.collections });
  });
  afterAll(() => t.stop());

  it('allows and refuses every action exactly as the policy table says', async () => {
    const rolesOf = (p: Principal): Principal[] => {
      const member = members.find((m) => m.openid === persona[p]);
      return member?.roles.length ? [...member.roles] : [p];
    };
    for (const p of ['owner', 'resident', 'proxy', 'staff', 'organizer'] as const) {
      expect(rolesOf(p)).toContain(p);
    }
    expect(
      await policyMismatches('notices', functionClient(t, 'notices'), REQUESTS, persona, rolesOf),
    ).toEqual([]);
  });
});
