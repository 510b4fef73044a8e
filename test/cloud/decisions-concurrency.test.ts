/**
 * Casts and re-casts arriving all at once, through the local cloud with eight workers: every cast
 * is answered (a receipt, or CONFLICT that the client retried), there is exactly one ballot per
 * person, and the counters equal a recount of the ballots.
 */
import type { Ballot } from '../../core/decisions';
import { choicesOf, recount, sameCounters, sumCounters } from '../../core/decisions';
import type { TallyShard } from '../../server/decisions/store';
import { castStorm, type StormCast } from '../helpers/castStorm';
import { ORGANIZER, PROPOSAL, TREASURER, towerSeed } from '../helpers/decisionsTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { decisions, stored } from './decisionsApi';

describe('concurrent casts', () => {
  let t: TestCloud;
  const tower = towerSeed(138);

  beforeAll(async () => {
    t = await startTestCloud({ seed: tower.collections, maxWorkersPerFunction: 8 });
    await decisions(t).ok('open', { decisionId: 'd-ready' }, ORGANIZER);
  });
  afterAll(() => t.stop());

  it('keeps one ballot per person and counters equal to a recount', async () => {
    const choices = ['yes', 'no', 'abstain'];
    const owners = [...tower.ownerOpenid.entries()];
    // Every online owner casts, and the first forty cast again at the same time, differently;
    // both flats of a two-flat owner are cast at once, as are a proxy and the owner they act for.
    const casts: StormCast[] = owners.map(([unitId, openid], i) => ({
      openid,
      unitId,
      choice: choices[i % 3] ?? 'yes',
    }));
    for (const [i, [unitId, openid]] of owners.slice(0, 40).entries()) {
      casts.push({ openid, unitId, choice: choices[(i + 1) % 3] ?? 'no' });
    }
    const [unitId, , proxyOpenid] = tower.ownerWithProxy;
    casts.push({ openid: proxyOpenid, unitId, choice: 'no' });

    const report = await castStorm(t, 'd-ready', casts);
    // The proxy may be refused (the owner got there first): that is the law, not a failure.
    const errors = report.otherErrors.filter((e) => !e.startsWith('FORBIDDEN 业主本人已表决'));
    expect(errors).toEqual([]);
    expect(report.succeeded + (report.otherErrors.length - errors.length)).toBe(casts.length);

    const ballots = stored<Ballot>(t, 'ballots').filter((b) => b.decisionId === 'd-ready');
    const people = new Set(ballots.map((b) => b.personKey));
    expect(people.size).toBe(ballots.length);
    // Each owner online is one person, two-flat owners once.
    expect(ballots).toHaveLength(new Set(owners.map(([, openid]) => openid)).size);
    const covered = ballots.flatMap((b) => b.units.map((u) => u.unitId));
    expect(new Set(covered).size).toBe(covered.length);

    const shards = stored<TallyShard>(t, 'tallies').filter((s) => s.decisionId === 'd-ready');
    const kept = sumCounters(shards, choicesOf(PROPOSAL));
    expect(sameCounters(kept, recount(ballots, choicesOf(PROPOSAL)))).toBe(true);

    // Every ballot holds one of the choices sent for its person.
    for (const ballot of ballots) {
      const sent = casts
        .filter((c) => ballot.units.some((u) => u.unitId === c.unitId))
        .map((c) => c.choice);
      expect(sent).toContain(ballot.choice);
    }
    const recounted = await decisions(t).ok('recount', { decisionId: 'd-ready' }, TREASURER);
    expect(recounted).toMatchObject({ equal: true, ballots: ballots.length });
  }, 120_000);
});
