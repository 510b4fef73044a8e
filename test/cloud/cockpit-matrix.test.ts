import { policyMismatches } from './policyMatrix';
import type { Principal } from '../../server/auth/policy';
import type { ActionName, ActionRequest } from '../../typings/api';
import { ADMIN, RESIDENT, STRANGER } from '../helpers/decisionsTower';
import { ledgerSeed, ORGANIZER, STAFF, TREASURER } from '../helpers/ledgerTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { cockpit } from './cockpitApi';

/**
 * The authorization matrix of the cockpit: every action × every role, through the real function,
 * is allowed or refused exactly as server/auth/policy.ts says. Owners, residents, proxies and the
 * treasurer never see the map of their neighbours.
 */
type Action = ActionName<'cockpit'>;
type Requests = { [A in Action]: ActionRequest<'cockpit', A> };

describe('cockpit authorization matrix', () => {
  let t: TestCloud;
  const { seed, unitIds, ownerOpenid, proxyOf } = ledgerSeed(24);
  const REQUESTS: Requests = {
    overview: {},
    mapFloors: { layer: { layer: 'contact' }, fromFloor: 5, toFloor: 2 },
    mapLegend: { layer: { layer: 'pay' } },
    unitHistory: { unitId: unitIds[0] ?? '' },
    lastMile: { work: { kind: 'money' } },
  };
  const persona: Record<Principal, string> = {
    guest: STRANGER,
    owner: [...ownerOpenid.values()][0] ?? '',
    resident: RESIDENT,
    proxy: [...proxyOf.values()][0] ?? '',
    staff: STAFF,
    treasurer: TREASURER,
    organizer: ORGANIZER,
    admin: ADMIN,
  };

  beforeAll(async () => {
    t = await startTestCloud({ seed });
  });
  afterAll(() => t.stop());

  it('allows and refuses every action exactly as the policy table says', async () => {
    expect(await policyMismatches('cockpit', cockpit(t), REQUESTS, persona)).toEqual([]);
  });

  it('answers the allowed roles with data, not only without a refusal', async () => {
    const api = cockpit(t);
    for (const openid of [STAFF, ORGANIZER, ADMIN]) {
      const floors = await api.ok('mapFloors', REQUESTS.mapFloors, openid);
      expect(floors.floors.map((f) => f.floor)).toEqual([5, 4, 3, 2]);
    }
  });
});
