/**
 * `tongti tick` against a local cloud, with the clock stopped: nothing is due 30 hours before a
 * vote closes; at 24 hours before, the reminder is in the outbox for the subscriber who has not
 * voted; ticking again sends nothing more. Every run is in the run log.
 */
import { isoAt } from '../../core/decisions';
import { afterAccept, emptySubscription } from '../../core/reminders/quota';
import { TEMPLATES } from '../../core/reminders/templates';
import { runTick, type TickIo } from '../../cli/commands/tick';
import { COLLECTIONS } from '../../server/collections';
import { registryDb } from '../../server/repository/docs';
import { runScheduler } from '../../server/scheduler/run';
import { sdkEnv } from '../../localcloud/sdkEnv';
import { towerSeed } from '../helpers/decisionsTower';
import { startTestCloud, type TestCloud } from '../helpers/localCloud';
import { stopServerClock, type ServerClock } from '../helpers/serverClock';

const HOUR = 3600_000;
const T0 = Date.parse('2026-12-10T09:00:00+08:00');

describe('tongti tick', () => {
  let t: TestCloud;
  let clock: ServerClock;
  let env: Record<string, string>;
  let waiting: string;

  beforeAll(async () => {
    clock = stopServerClock(T0);
    const tower = towerSeed(24, T0);
    const decisions = tower.collections.decisions.map((d) =>
      d._id === 'd-ended' ? { ...d, closesAt: isoAt(T0 + 30 * HOUR) } : d,
    );
    const voted = new Set(
      tower.collections.ballots
        .filter((b) => b.decisionId === 'd-ended')
        .flatMap((b) => b.units.map((u) => u.unitId)),
    );
    waiting = [...tower.ownerOpenid.entries()].find(([u]) => !voted.has(u))?.[1] ?? '';
    const sub = afterAccept(emptySubscription(waiting, 'voteDeadline', isoAt(T0)), isoAt(T0));
    t = await startTestCloud({
      seed: {
        // Every declared collection exists in a deployed environment; each clock reads its own.
        ...Object.fromEntries(COLLECTIONS.map((c) => [c.name, [] as object[]])),
        ...tower.collections,
        decisions,
        subscriptions: [sub],
        reminderLog: [],
        schedulerRuns: [],
      },
    });
    env = sdkEnv({ adminUrl: t.cloud.adminUrl, envId: t.cloud.envId });
    Object.assign(process.env, env);
  });
  afterAll(async () => {
    await t.stop();
    clock.restore();
  });

  async function tick(argv: string[] = []): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io: TickIo = {
      stdout: (s) => void (out += s),
      stderr: (s) => void (err += s),
      env: { ...env },
      now: () => new Date(Date.now()),
    };
    return { code: await runTick(argv, io), out, err };
  }

  const reminders = () =>
    t.cloud.outbox
      .list('openapi.subscribeMessage.send')
      .filter((e) => e.templateId === TEMPLATES.voteDeadline.id);

  it('sends nothing 30 hours before the deadline', async () => {
    const r = await tick();
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('decisions: nothing due');
    expect(reminders()).toHaveLength(0);
  });

  it('stops sending when its time is used up, leaving the rest to the next run', async () => {
    clock.set(T0 + 6 * HOUR);
    const run = await runScheduler({
      db: registryDb(),
      now: new Date(Date.now()),
      trigger: 'test',
      budgetMs: -1,
    });
    expect(run.clocks[0]?.notes).toContain('本次运行时间已到，其余提醒下次运行时继续发送');
    expect(reminders()).toHaveLength(0);
  });

  it('puts the reminder in the outbox 24 hours before the deadline, once', async () => {
    clock.set(T0 + 6 * HOUR);
    const r = await tick();
    expect(r.out).toContain('decisions: sent 1');
    expect(reminders()).toEqual([
      expect.objectContaining({
        touser: waiting,
        errcode: 0,
        page: 'pages/decision-detail/index?id=d-ended',
        data: expect.objectContaining({ time2: { value: '2026年12月11日 15:00' } }),
      }),
    ]);
    clock.advance(10 * 60_000);
    expect((await tick()).code).toBe(0);
    expect(reminders()).toHaveLength(1);
    const runs = t.cloud.database.documents('schedulerRuns', 0, 10);
    expect(runs.total).toBe(4);
    expect(runs.docs.map((d) => (d as { trigger: string }).trigger).sort()).toEqual([
      'cli',
      'cli',
      'cli',
      'test',
    ]);
  });

  it('runs as of --at, and refuses bad arguments or a missing environment', async () => {
    const at = await tick(['--at', isoAt(T0 + 40 * HOUR)]);
    expect(at.out).toContain(`at ${isoAt(T0 + 40 * HOUR)}`);
    expect((await tick(['--at', 'tomorrow'])).code).toBe(2);
    expect((await tick(['--verbose'])).code).toBe(2);
    let err = '';
    const code = await runTick([], {
      stdout: () => undefined,
      stderr: (s) => void (err += s),
      env: {},
      now: () => new Date(),
    });
    expect(code).toBe(2);
    expect(err).toContain('tongti env');
  });
});
