import { policyMismatches } from './policyMatrix';
import type { Principal } from '../../server/auth/policy';
import type { ActionName, ActionRequest } from '../../typings/api';
import { ADMIN, ORGANIZER, RESIDENT, STAFF, STRANGER, TREASURER } from '../helpers/decisionsTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { progressTower } from '../helpers/progressTower';
import { stored } from './decisionsApi';
import { updates } from './updatesApi';

/**
 * The authorization matrix of updates: every action × every role through the real function is
 * allowed or refused exactly as the policy table says. Requests name records that do not exist,
 * a photo not in storage or a stage out of order, so an allowed call reaches its use case and
 * writes nothing.
 */
type Action = ActionName<'updates'>;
type Requests = { [A in Action]: ActionRequest<'updates', A> };

const NO_REQUEST = { requestId: 'none' };
const REQUESTS: Requests = {
  overview: {},
  updates: {},
  update: { updateId: 'none' },
  post: {
    stage: 'inspection',
    text: '进展',
    photos: [{ fileId: 'cloud://x.y/progress/none.png', caption: '' }],
  },
  setMilestone: {
    stage: 'contract',
    status: 'active',
    plannedStart: null,
    plannedEnd: null,
    actualStart: null,
    actualEnd: null,
  },
  publishOutage: { elevator: '1号梯', from: '2020-01-01', to: '2020-01-10', note: '' },
  outage: { outageId: 'none' },
  requestHelp: {
    outageId: 'none',
    unitNo: '2-01',
    kind: 'groceries',
    date: '2030-01-01',
    slot: 'morning',
    note: '',
  },
  cancelHelp: NO_REQUEST,
  volunteer: NO_REQUEST,
  unvolunteer: NO_REQUEST,
};

describe('updates authorization matrix', () => {
  let t: TestCloud;
  const tower = progressTower(24);
  const persona: Record<Principal, string> = {
    guest: STRANGER,
    owner: tower.neighbour.openid,
    resident: RESIDENT,
    proxy: 'proxy-family',
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
    const api = updates(t);
    expect(await policyMismatches('updates', api, REQUESTS, persona)).toEqual([]);
    for (const c of ['milestones', 'progressUpdates', 'outages', 'helpRequests', 'audit']) {
      expect(stored(t, c)).toEqual([]);
    }
  }, 120_000);
});
