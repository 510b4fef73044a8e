/**
 * decisions.openVotes through the real function: every vote taking ballots, soonest deadline
 * first, and for each whether the caller's ballot (as owner, or as a proxy for the owner) is in —
 * what the home page lists and the 议事 tab's "尚未投票" badge counts.
 */
import { isoAt } from '../../core/decisions';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import {
  ORGANIZER,
  PAY_ONLY_PROXY,
  RESIDENT,
  STRANGER,
  type Tower,
  towerSeed,
} from '../helpers/decisionsTower';
import { type DecisionsClient, decisions, lastRequests } from './decisionsApi';

const DAY = 86_400_000;

describe('decisions.openVotes', () => {
  let t: TestCloud;
  let api: DecisionsClient;
  let tower: Tower;

  beforeAll(async () => {
    tower = towerSeed(40);
    t = await startTestCloud({ seed: tower.collections });
    api = decisions(t);
    await api.ok('open', { decisionId: 'd-plans' }, ORGANIZER);
    // Opened last, the proposal still closes first once the plans vote is extended.
    await api.ok(
      'extend',
      { decisionId: 'd-plans', closesAt: isoAt(Date.now() + 12 * DAY) },
      ORGANIZER,
    );
    await api.ok('open', { decisionId: 'd-ready' }, ORGANIZER);
  });
  afterAll(() => t.stop());

  const ownerOf = (unitId: string): string => {
    const openid = tower.ownerOpenid.get(unitId);
    if (!openid) throw new Error(`no online owner for ${unitId}`);
    return openid;
  };

  it('lists only votes taking ballots, soonest deadline first', async () => {
    const view = await api.ok('openVotes', {}, ORGANIZER);
    // d-ended is open but past its deadline; the draft, the notice and the posted one are not open.
    expect(view.votes.map((v) => v.id)).toEqual(['d-ready', 'd-plans']);
    // The organizer holds no flat here: nothing of his to vote on, no badge.
    expect(view.votes.every((v) => !v.canVote && v.notVoted === 0)).toBe(true);
    expect(view.pending).toBe(0);
  });

  it('says which votes still wait for my ballot, and stops once I voted', async () => {
    // An owner of two flats: one ballot covers both, so one is missing, not two.
    const [unitId] = tower.twoFlats[0] ?? [];
    if (!unitId) throw new Error('the tower has no owner of two flats');
    const me = ownerOf(unitId);
    const before = await api.ok('openVotes', {}, me);
    expect(before.votes.map((v) => [v.id, v.canVote, v.notVoted])).toEqual([
      ['d-ready', true, 1],
      ['d-plans', true, 1],
    ]);
    expect(before.pending).toBe(2);
    // Open decisions, my units and proxies, then one read of ballots per vote (plus the caller).
    expect(lastRequests(t, 'openVotes')).toBeLessThanOrEqual(6);

    await api.ok('cast', { decisionId: 'd-ready', unitId, choice: 'yes' }, me);
    const after = await api.ok('openVotes', {}, me);
    expect(after.votes.find((v) => v.id === 'd-ready')?.notVoted).toBe(0);
    expect(after.votes.find((v) => v.id === 'd-plans')?.notVoted).toBe(1);
    expect(after.pending).toBe(1);
  });

  it('tells a proxy who votes for an owner abroad that the owner’s ballot is missing', async () => {
    const [unitId, proxy] = [...tower.proxyOf.entries()][0] ?? [];
    if (!unitId || !proxy) throw new Error('the tower has no owner abroad');
    const view = await api.ok('openVotes', {}, proxy);
    expect(view.votes.map((v) => [v.canVote, v.notVoted])).toEqual([
      [true, 1],
      [true, 1],
    ]);
    await api.ok('cast', { decisionId: 'd-plans', unitId, choice: 'A' }, proxy);
    expect((await api.ok('openVotes', {}, proxy)).pending).toBe(1);
  });

  it('never asks those who may not vote: a pay-only proxy, a resident, a stranger', async () => {
    for (const who of [PAY_ONLY_PROXY, RESIDENT]) {
      const view = await api.ok('openVotes', {}, who);
      expect(view.votes).toHaveLength(2);
      expect(view.votes.every((v) => !v.canVote && v.notVoted === 0)).toBe(true);
      expect(view.pending).toBe(0);
    }
    expect(await api.err('openVotes', {}, STRANGER)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
