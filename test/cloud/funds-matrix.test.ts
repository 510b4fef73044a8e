import { policyMismatches } from './policyMatrix';
import type { Principal } from '../../server/auth/policy';
import type { ActionName, ActionRequest } from '../../typings/api';
import { ADMIN, ORGANIZER, RESIDENT, STAFF, STRANGER, TREASURER } from '../helpers/decisionsTower';
import { fundsSeed } from '../helpers/fundsTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { stored } from './decisionsApi';
import { funds } from './fundsApi';

/**
 * The authorization matrix of funds: every action × every role, through the real function, is
 * allowed or refused exactly as server/auth/policy.ts says. Requests name schemes, orders and
 * links that do not exist (or carry invalid amounts), so an allowed call reaches the use case and
 * writes nothing.
 */
type Action = ActionName<'funds'>;
type Requests = { [A in Action]: ActionRequest<'funds', A> };

const SCHEME = { schemeId: 's-none' };
const REQUESTS: Requests = {
  listSchemes: {},
  createScheme: { title: 'x', method: 'area' },
  editScheme: { ...SCHEME, title: 'x' },
  compareSchemes: { schemeIds: ['s-none'] },
  myShares: { decisionId: 'd-none' },
  issueCharges: { ...SCHEME, dueDate: '2027-01-31' },
  myAccount: {},
  createOrder: { unitId: 'u-none', amountFen: 100 },
  orderStatus: { outTradeNo: 'TTNONE' },
  createPayLink: { unitId: 'u-none' },
  payLinkInfo: { linkToken: 'pl-none.aaaaaaaaaaaaaaaaaaaa' },
  receipt: { transferId: 'wx:none' },
  reconcile: { olderThanMinutes: 10 },
  anomalies: {},
  resolveAnomaly: { anomalyId: 'pa-none', resolution: '已核对' },
};

const WRITTEN = ['schemes', 'schemeLinks', 'charges', 'payOrders', 'payLinks', 'payAnomalies'];

describe('funds authorization matrix', () => {
  let t: TestCloud;
  const tower = fundsSeed(24);
  const persona: Record<Principal, string> = {
    guest: STRANGER,
    owner: tower.ownerOpenid.get('u2-01') ?? '',
    resident: RESIDENT,
    proxy: [...tower.proxyOf.values()][0] ?? '',
    staff: STAFF,
    treasurer: TREASURER,
    organizer: ORGANIZER,
    admin: ADMIN,
  };

  beforeAll(async () => {
    t = await startTestCloud({ seed: tower.collections });
  });
  afterAll(() => t.stop());

  it('allows and refuses every action exactly as the policy table says', async () => {
    const api = funds(t);
    expect(await policyMismatches('funds', api, REQUESTS, persona)).toEqual([]);
    for (const name of WRITTEN) expect(stored(t, name)).toEqual([]);
    expect(stored(t, 'entries')).toEqual([]);
  }, 120_000);

  it('a caller with no WeChat identity is refused before anything runs', async () => {
    const result = await funds(t).call('myAccount', {}, '');
    expect(result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});
