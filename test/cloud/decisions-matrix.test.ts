import { policyMismatches } from './policyMatrix';
import type { Principal } from '../../server/auth/policy';
import type { ActionName, ActionRequest } from '../../typings/api';
import {
  ADMIN,
  ORGANIZER,
  RESIDENT,
  STAFF,
  STRANGER,
  TREASURER,
  towerSeed,
} from '../helpers/decisionsTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { decisions, stored } from './decisionsApi';

/**
 * The authorization matrix of decisions: every action × every role, through the real function, is
 * allowed or refused exactly as server/auth/policy.ts says. Requests name a decision that does
 * not exist (or an invalid draft), so an allowed call reaches the use case and writes nothing.
 */
type Action = ActionName<'decisions'>;
type Requests = { [A in Action]: ActionRequest<'decisions', A> };

const NONE = { decisionId: 'd-none' };
const REQUESTS: Requests = {
  list: {},
  openVotes: {},
  detail: NONE,
  results: NONE,
  published: NONE,
  create: { title: ' ', matter: 'rebuild', question: { kind: 'proposal', text: 'x' } },
  edit: { ...NONE, title: 'x' },
  postNotice: NONE,
  withdrawNotice: NONE,
  open: NONE,
  extend: { ...NONE, closesAt: '2030-01-01T18:00:00+08:00' },
  close: NONE,
  publishPreliminary: NONE,
  publishFinal: NONE,
  cast: { ...NONE, unitId: 'u2-01', choice: 'yes' },
  paperBallot: {
    ...NONE,
    unitId: 'u2-01',
    choice: 'yes',
    photoFileId: 'cloud://x/y.jpg',
    signedBy: 'owner',
  },
  decidePaperOverride: { overrideId: 'po-none', confirm: true, reason: '业主书面确认' },
  witnesses: {},
  unitStatus: { ...NONE, unitId: 'u2-01' },
  recount: NONE,
  object: { ...NONE, unitId: 'u2-01', text: '计票有误' },
  answerObjection: { objectionId: 'ob-none', text: '已复核' },
  objections: NONE,
};

describe('decisions authorization matrix', () => {
  let t: TestCloud;
  const tower = towerSeed(24);
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
    const api = decisions(t);
    const before = stored(t, 'decisions').length;
    expect(await policyMismatches('decisions', api, REQUESTS, persona)).toEqual([]);
    expect(stored(t, 'decisions')).toHaveLength(before);
    expect(
      stored(t, 'ballots').filter((b) => (b as { decisionId: string }).decisionId === 'd-none'),
    ).toEqual([]);
  }, 120_000);
});
