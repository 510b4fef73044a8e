import { demoDecisions } from '../../cli/seed/decisions';
import { demoSeed } from '../../cli/seed/demo';
import {
  choicesOf,
  recount,
  resultOf,
  sameCounters,
  sumCounters,
  votingWindow,
} from '../../core/decisions';

/** The demo's decisions: a vote running with ballots that a recount bears out, and a notice. */
describe('demo decisions', () => {
  const now = Date.parse('2026-12-20T10:00:00+08:00');
  const seed = demoSeed();
  const demo = demoDecisions({
    buildingId: seed.collections.buildings[0]?._id ?? '',
    units: seed.collections.units,
    organizerOpenid: 'demo-organizer',
    now,
  });

  it('has the elevator plan open now and the cost split on notice', () => {
    const [plan, split] = demo.decisions;
    expect(plan && votingWindow(plan, now)).toBe('open');
    expect(split).toMatchObject({ status: 'notice', electorate: null });
  });

  it('keeps counters equal to a recount, one ballot per person', () => {
    const [plan] = demo.decisions;
    if (!plan?.electorate) throw new Error('no open plan');
    const choices = choicesOf(plan.question);
    expect(sameCounters(sumCounters(demo.tallies, choices), recount(demo.ballots, choices))).toBe(
      true,
    );
    expect(new Set(demo.ballots.map((b) => b.personKey)).size).toBe(demo.ballots.length);
    expect(demo.tallies).toHaveLength(plan.electorate.shards);
    const result = resultOf(plan, plan.electorate, demo.tallies);
    // About two thirds have voted, plan A leads.
    expect(result.leading).toBe('A');
    expect(result.counters.voted.owners).toBeGreaterThan(plan.electorate.owners / 2);
    expect(demo.ballots.some((b) => b.channel === 'paper' && b.photoFileId)).toBe(true);
  });
});
