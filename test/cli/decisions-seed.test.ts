import { demoBuilding } from '../../cli/seed';
import { ballotEvidenceFiles } from '../../cli/seed/ballotEvidence';
import { demoDecisions } from '../../cli/seed/decisions';
import { demoSeed } from '../../cli/seed/demo';
import {
  buildElectorate,
  choicesOf,
  closeVoting,
  openVoting,
  recount,
  resultOf,
  rollFromUnits,
  sameCounters,
  sumCounters,
  votingWindow,
} from '../../core/decisions';

/**
 * The demo's decisions: the plan and the cost split final and passed (plan A carrying), a vote
 * running with ballots that a recount bears out (some by proxy, one on paper), a vote whose
 * deadline passed (for the organizer to close and publish) and a notice ready to open.
 */
describe('demo decisions', () => {
  const now = Date.parse('2026-12-20T10:00:00+08:00');
  const HOUR = 3600_000;
  const DAY = 24 * HOUR;
  const seed = demoSeed();
  const demo = demoDecisions({
    buildingId: seed.collections.buildings[0]?._id ?? '',
    units: seed.collections.units,
    organizerOpenid: 'demo-organizer',
    proxies: seed.collections.proxies,
    people: seed.collections.people,
    now,
  });
  const byId = (id: string) => {
    const d = demo.decisions.find((x) => x._id === id);
    if (!d) throw new Error(`no decision ${id}`);
    return d;
  };
  const resultFor = (id: string) => {
    const d = byId(id);
    if (!d.electorate) throw new Error(`${id} has no roll`);
    return resultOf(
      d,
      d.electorate,
      demo.tallies.filter((t) => t.decisionId === id),
    );
  };
  const VOTED = [
    'd-elevator-plan',
    'd-cost-split',
    'd-negotiation-mandate',
    'd-outage-arrangements',
    'd-fund-topup',
  ];

  it('has the outage arrangements open now and the advertising on notice', () => {
    expect(votingWindow(byId('d-outage-arrangements'), now)).toBe('open');
    expect(byId('d-lift-ads')).toMatchObject({ status: 'notice', electorate: null });
    expect(demo.decisions.filter((d) => votingWindow(d, now) === 'open')).toHaveLength(1);
  });

  it('keeps counters equal to a recount, one ballot per person, for each vote', () => {
    for (const id of VOTED) {
      const decision = byId(id);
      if (!decision.electorate) throw new Error(`${id} has no roll`);
      const choices = choicesOf(decision.question);
      const ballots = demo.ballots.filter((b) => b.decisionId === id);
      const tallies = demo.tallies.filter((t) => t.decisionId === id);
      expect(ballots.length).toBeGreaterThan(0);
      expect(sameCounters(sumCounters(tallies, choices), recount(ballots, choices))).toBe(true);
      expect(new Set(ballots.map((b) => b.personKey)).size).toBe(ballots.length);
      expect(tallies).toHaveLength(decision.electorate.shards);
    }
    expect(new Set(demo.ballots.map((b) => b._id)).size).toBe(demo.ballots.length);
    expect(new Set(demo.tallies.map((t) => t._id)).size).toBe(demo.tallies.length);
  });

  it('has the plan final with plan A carried on the three-quarter rule, its objections over', () => {
    const plan = byId('d-elevator-plan');
    const result = resultFor(plan._id);
    expect(plan.matter).toBe('rebuild');
    expect(result).toMatchObject({ passed: true, winner: 'A' });
    expect(plan).toMatchObject({
      status: 'final',
      result: { passed: true, winner: 'A', counters: result.counters },
    });
    // Art. 278: two thirds took part, three quarters of them for A, by owners and by area.
    const electorate = plan.electorate;
    if (!electorate) throw new Error('no roll');
    const a = result.counters.choices.A ?? { owners: 0, area: 0 };
    expect(result.counters.voted.owners * 3).toBeGreaterThanOrEqual(electorate.owners * 2);
    expect(a.owners * 4).toBeGreaterThanOrEqual(result.counters.voted.owners * 3);
    expect(a.area * 4).toBeGreaterThanOrEqual(result.counters.voted.area * 3);
    expect(Date.parse(plan.objectionEndsAt ?? '')).toBeLessThan(now - 3 * 7 * DAY);
    for (const id of ['d-cost-split', 'd-negotiation-mandate']) {
      expect(byId(id)).toMatchObject({ status: 'final', result: { passed: true } });
      expect(byId(id).result?.counters).toEqual(resultFor(id).counters);
    }
  });

  it('has about two thirds voted on the open arrangements, some by proxy and one on paper', () => {
    const open = byId('d-outage-arrangements');
    const result = resultFor(open._id);
    const share = result.counters.voted.owners / (open.electorate?.owners ?? 1);
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.75);
    const ballots = demo.ballots.filter((b) => b.decisionId === open._id);
    expect(ballots.filter((b) => b.voice === 'proxy').length).toBeGreaterThan(0);
    const paper = ballots.filter((b) => b.channel === 'paper');
    expect(paper).toHaveLength(1);
    expect(paper[0]?.photoFileId).toBeTruthy();
  });

  it('shows every channel: the meeting, visits by two staff, a video call, paper, with files', () => {
    const plan = demo.ballots.filter((b) => b.decisionId === 'd-elevator-plan');
    const on = (channel: string) => plan.filter((b) => b.channel === channel);
    const personOf = (unitId: string) => {
      const unit = seed.collections.units.find((u) => u._id === unitId);
      return seed.collections.people.find((p) => p._id === unit?.ownerIds[0]);
    };
    // A few at the owners' meeting, all on one sign-in sheet.
    expect(on('meeting').length).toBeGreaterThanOrEqual(3);
    expect(new Set(on('meeting').map((b) => b.photoFileId)).size).toBe(1);
    // Every owner without a smartphone who voted did so at home, with two different staff.
    expect(on('visit').length).toBeGreaterThanOrEqual(3);
    for (const b of on('visit')) {
      expect(personOf(b.unitId)?.noSmartphone).toBe(true);
      expect(['demo-staff1', 'demo-staff2']).toContain(b.castBy);
      expect(['demo-staff1', 'demo-staff2']).toContain(b.witnessedBy);
      expect(b.witnessedBy).not.toBe(b.castBy);
    }
    // An owner abroad on a video call, witnessed by the organizer.
    expect(on('video')).toHaveLength(1);
    expect(personOf(on('video')[0]?.unitId ?? '')?.overseas).toBe(true);
    expect(on('video')[0]).toMatchObject({ castBy: 'demo-staff2', witnessedBy: 'demo-organizer' });
    expect(on('paper').length).toBeGreaterThan(0);
    // The open vote shows the channels too, and still mostly online.
    const open = demo.ballots.filter((b) => b.decisionId === 'd-outage-arrangements');
    expect(new Set(open.map((b) => b.channel))).toEqual(new Set(['online', 'paper', 'visit']));
    // Every staff-entered ballot's evidence is a file the demo puts in storage.
    const files = demoBuilding(now).files;
    const staffTaken = demo.ballots.filter((b) => b.channel !== 'online');
    for (const b of staffTaken) {
      const path = /^cloud:\/\/[^/]+\/(.+)$/.exec(b.photoFileId ?? '')?.[1] ?? '';
      expect(files[path]?.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(path.startsWith(`ballots/${b.decisionId}/`)).toBe(true);
    }
    expect(Object.keys(ballotEvidenceFiles(staffTaken)).length).toBeGreaterThan(20);
  });

  it('posts receipts, not each flat’s choice, for the advertising vote', () => {
    expect(byId('d-lift-ads').privacy).toBe('receipts');
    expect(byId('d-elevator-plan').privacy).toBeUndefined();
  });

  it('has a vote whose deadline passed yesterday: it takes no ballot and may be closed', () => {
    const topUp = byId('d-fund-topup');
    expect(topUp.status).toBe('open');
    expect(votingWindow(topUp, now)).toBe('ended');
    expect(closeVoting(topUp, now).ok).toBe(true);
    // Before its deadline the same decision could not be closed: the seed relies on the date.
    const early = closeVoting(topUp, now - 2 * DAY);
    expect(early.ok ? null : early.refusal.code).toBe('TOO_EARLY');
    // Turnout and three quarters both hold, so publishing shows a passed result.
    expect(resultFor(topUp._id).passed).toBe(true);
  });

  it('has a notice that has stood its days and may be opened now, not two hours ago', () => {
    const ready = byId('d-lift-ads');
    expect(ready).toMatchObject({ status: 'notice', electorate: null });
    expect(demo.ballots.some((b) => b.decisionId === ready._id)).toBe(false);
    const built = buildElectorate(rollFromUnits(seed.collections.units, now));
    if (!built.ok) throw new Error(built.reason);
    expect(openVoting(ready, now, built.electorate).ok).toBe(true);
    const early = openVoting(ready, now - 2 * HOUR, built.electorate);
    expect(early.ok ? null : early.refusal.code).toBe('TOO_EARLY');
  });
});
