/**
 * Reminders through the real functions: a person's accepts become quota (one accept, one
 * message), the scheduler's run sends a deadline reminder only to subscribers who still have a
 * vote to cast, never twice and never without quota, and a refusal (43101) zeroes the quota and
 * is not retried. The local cloud's subscribeMessage stand-in records every send in the outbox.
 */
import { isoAt } from '../../core/decisions';
import { TEMPLATES } from '../../core/reminders/templates';
import { COLLECTIONS } from '../../server/collections';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { ORGANIZER, RESIDENT, STRANGER, type Tower, towerSeed } from '../helpers/decisionsTower';
import { remindersClient } from './remindersApi';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('reminders and the scheduler', () => {
  let t: TestCloud;
  let api: ReturnType<typeof remindersClient>;
  let tower: Tower;
  /** Owners of flats that voted / did not vote in d-ended; a proxy whose owner did not vote. */
  let voted: string;
  let notVoted: string;
  let otherNotVoted: string;
  let proxy: string;
  /** The clock the local cloud's timer triggers read. */
  let timerClock = Date.parse('2026-12-07T09:05:00+08:00');

  beforeAll(async () => {
    const now = Date.now();
    tower = towerSeed(48, now);
    const decisions = tower.collections.decisions.map((d) =>
      d._id === 'd-ended' ? { ...d, closesAt: isoAt(now + 23 * HOUR) } : d,
    );
    const ended = decisions.find((d) => d._id === 'd-ended');
    if (!ended) throw new Error('no d-ended');
    // Closed four days ago and nothing posted: the result is overdue.
    decisions.push({
      ...ended,
      _id: 'd-late',
      title: '楼道照明改造',
      status: 'closed',
      closesAt: isoAt(now - 4 * DAY),
      closedAt: isoAt(now - 4 * DAY),
    });
    const votedUnits = new Set(
      tower.collections.ballots
        .filter((b) => b.decisionId === 'd-ended')
        .flatMap((b) => b.units.map((u) => u.unitId)),
    );
    const owners = [...tower.ownerOpenid.entries()].filter(
      ([u]) => !tower.twoFlats.some((pair) => pair.includes(u)),
    );
    voted = owners.find(([u]) => votedUnits.has(u))?.[1] ?? '';
    const waiting = owners.filter(([u]) => !votedUnits.has(u)).map(([, o]) => o);
    notVoted = waiting[0] ?? '';
    otherNotVoted = waiting[1] ?? '';
    proxy = [...tower.proxyOf.entries()].find(([u]) => !votedUnits.has(u))?.[1] ?? '';
    expect([voted, notVoted, otherNotVoted, proxy].every(Boolean)).toBe(true);
    t = await startTestCloud({
      seed: {
        // Every declared collection exists in a deployed environment; each clock reads its own.
        ...Object.fromEntries(COLLECTIONS.map((c) => [c.name, [] as object[]])),
        ...tower.collections,
        decisions,
        subscriptions: [],
        reminderLog: [],
        schedulerRuns: [],
      },
      timers: { now: () => timerClock },
    });
    api = remindersClient(t);
  });
  afterAll(() => t.stop());

  const accept = (...keys: Array<keyof typeof TEMPLATES>) =>
    Object.fromEntries(keys.map((k) => [TEMPLATES[k].id, 'accept' as const]));

  it('shows every template with what concerns me and how many messages are left', async () => {
    const mine = await api.ok('mySubscriptions', {}, notVoted);
    const byKey = Object.fromEntries(mine.templates.map((x) => [x.key, x]));
    expect(byKey.voteDeadline).toMatchObject({
      forMe: true,
      remaining: 0,
      templateId: TEMPLATES.voteDeadline.id,
    });
    expect(byKey.resultDue?.forMe).toBe(false);
    const organizer = await api.ok('mySubscriptions', {}, ORGANIZER);
    expect(organizer.templates.find((x) => x.key === 'resultDue')?.forMe).toBe(true);
    const guest = await api.ok('mySubscriptions', {}, STRANGER);
    expect(guest.templates.filter((x) => x.forMe).map((x) => x.key)).toEqual(['progressUpdate']);
    expect(await api.err('mySubscriptions', {}, '')).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('counts each accept as one message, ignores rejections, and refuses unknown templates', async () => {
    const once = await api.ok(
      'subscribe',
      { answers: accept('voteDeadline', 'voteOpened') },
      notVoted,
    );
    expect(once.templates.find((x) => x.key === 'voteDeadline')?.remaining).toBe(1);
    const twice = await api.ok(
      'subscribe',
      { answers: { ...accept('voteDeadline'), [TEMPLATES.voteOpened.id]: 'reject' } },
      notVoted,
    );
    expect(twice.templates.find((x) => x.key === 'voteDeadline')?.remaining).toBe(2);
    expect(twice.templates.find((x) => x.key === 'voteOpened')?.remaining).toBe(1);

    const bad = await api.err(
      'subscribe',
      { answers: { 'not-ours': 'accept', ...accept('voteDeadline') } },
      notVoted,
    );
    expect(bad).toMatchObject({ code: 'INVALID_INPUT' });
    const after = await api.ok('mySubscriptions', {}, notVoted);
    expect(after.templates.find((x) => x.key === 'voteDeadline')?.remaining).toBe(2);
    expect(await api.err('subscribe', { answers: {} }, notVoted)).toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('reminds, 24 hours before the deadline, only subscribers who still have a vote to cast', async () => {
    for (const openid of [voted, proxy, otherNotVoted, RESIDENT]) {
      await api.ok('subscribe', { answers: accept('voteDeadline') }, openid);
    }
    const before = api.sent().length;
    const run = await api.tick();
    const sent = api
      .sent()
      .slice(before)
      .filter((e) => e.templateId === TEMPLATES.voteDeadline.id);
    expect(sent.map((e) => e.touser).sort()).toEqual([notVoted, otherNotVoted, proxy].sort());
    expect(sent[0]).toMatchObject({
      errcode: 0,
      page: 'pages/decision-detail/index?id=d-ended',
      data: expect.objectContaining({ thing1: { value: '电梯更换与自筹资金' } }),
    });
    expect(run.clocks[0]).toMatchObject({ name: 'decisions', ok: true });
    expect(run.clocks.every((c) => c.ok)).toBe(true);
    expect(run.clocks[0]?.outcomes.sent).toBeGreaterThanOrEqual(3);
    const mine = await api.ok('mySubscriptions', {}, notVoted);
    expect(mine.templates.find((x) => x.key === 'voteDeadline')).toMatchObject({ remaining: 1 });
    expect(mine.templates.find((x) => x.key === 'voteDeadline')?.lastSentAt).not.toBeNull();
  });

  it('sends nothing twice when it runs again, and logs every run', async () => {
    const before = api.sent().length;
    const run = await api.tick();
    expect(api.sent().length).toBe(before);
    // notVoted accepted twice, so a grant is left; the message's key is what stops a second send.
    expect(run.clocks[0]?.outcomes['already-sent']).toBe(1);
    expect(run.clocks[0]?.outcomes.sent).toBeUndefined();
    const runs = t.cloud.database.documents('schedulerRuns', 0, 100);
    expect(runs.total).toBe(2);
    expect(runs.docs.every((r) => (r as { finishedAt: unknown }).finishedAt !== null)).toBe(true);
    expect((runs.docs[0] as { trigger: string }).trigger).toBe('timer:clocks');
  });

  it('never sends without quota: an organizer without grants is not told, one with a grant is, once', async () => {
    const before = api.sent().length;
    const noQuota = await api.tick();
    expect(api.sent().length).toBe(before);
    expect(noQuota.clocks[0]?.notes).toContain('表决结果公示已逾期：楼道照明改造');

    await api.ok('subscribe', { answers: accept('resultDue') }, ORGANIZER);
    await api.tick();
    await api.tick();
    const told = api.sent().slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      touser: ORGANIZER,
      templateId: TEMPLATES.resultDue.id,
      page: 'pages/decision-detail/index?id=d-late',
    });
  });

  it('zeroes the quota on 43101 and does not retry the message', async () => {
    const waiting = [...tower.ownerOpenid.values()].filter(
      (o) => ![voted, notVoted, otherNotVoted].includes(o),
    );
    const refusing = waiting[waiting.length - 2] ?? '';
    await api.ok('subscribe', { answers: accept('voteDeadline') }, refusing);
    await api.ok('subscribe', { answers: accept('voteDeadline') }, refusing);
    t.cloud.openapi.setRules({ refusedSubscribers: [refusing] });
    const before = api.sent().length;
    const run = await api.tick();
    const tried = api.sent().slice(before);
    expect(tried).toEqual([expect.objectContaining({ touser: refusing, errcode: 43101 })]);
    expect(run.clocks[0]?.outcomes.refused).toBe(1);
    const mine = await api.ok('mySubscriptions', {}, refusing);
    const deadline = mine.templates.find((x) => x.key === 'voteDeadline');
    expect(deadline?.remaining).toBe(0);
    expect(deadline?.refusedAt).not.toBeNull();

    t.cloud.openapi.setRules({ refusedSubscribers: [] });
    await api.ok('subscribe', { answers: accept('voteDeadline') }, refusing);
    await api.tick();
    expect(api.sent().length).toBe(before + 1);
  });

  it('runs only for the platform: a person calling the scheduler is refused and nothing runs', async () => {
    const runs = t.cloud.database.documents('schedulerRuns', 0, 1).total;
    const r = await t.call('scheduler', { Type: 'Timer', TriggerName: 'clocks' }, notVoted);
    expect((r.body as { result: unknown }).result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(t.cloud.database.documents('schedulerRuns', 0, 1).total).toBe(runs);
  });

  it('runs only on a timer event: any other event with no caller is refused and nothing runs', async () => {
    const runs = t.cloud.database.documents('schedulerRuns', 0, 1).total;
    for (const event of [{}, { action: 'cast', unitId: 'u2-01' }, { Type: 'timer' }]) {
      const r = await t.call('scheduler', event, '');
      expect((r.body as { result: unknown }).result).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
      });
    }
    expect(t.cloud.database.documents('schedulerRuns', 0, 1).total).toBe(runs);
  });

  it('runs from its timer trigger (config.json: every ten minutes) as the local cloud fires it', async () => {
    const runs = () =>
      t.cloud.database.documents('schedulerRuns', 0, 1000).docs as Array<{ trigger: string }>;
    const before = runs().length;
    expect(t.cloud.timers.triggers.map((x) => `${x.functionName}/${x.name}`)).toEqual([
      'scheduler/clocks',
    ]);
    timerClock = Date.parse('2026-12-07T09:09:59+08:00');
    expect(await t.cloud.timers.check()).toBe(0);
    timerClock = Date.parse('2026-12-07T09:10:00+08:00');
    expect(await t.cloud.timers.check()).toBe(1);
    expect(runs()).toHaveLength(before + 1);
    expect(runs().filter((r) => r.trigger === 'timer:clocks').length).toBeGreaterThan(0);
  });
});
