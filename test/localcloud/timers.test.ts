/**
 * Timer triggers: the 7-field cron of Cloud Development (second minute hour day month weekday
 * year, China time), and the local cloud firing each function's triggers from its config.json
 * with no caller and `{Type:'Timer', TriggerName, Time}` — driven by an injected clock, never by
 * waiting.
 */
import { CronError, cronMatches, nextFire, parseCron } from '../../localcloud/functions/cron';
import { readTimerTriggers } from '../../localcloud/functions/timers';
import { FIXTURE_FUNCTIONS, startTestCloud, type TestCloud } from '../helpers/localCloud';

const china = (text: string): number => Date.parse(`${text}+08:00`);

describe('cron expressions of timer triggers', () => {
  it('reads seven fields in China time', () => {
    const nine = parseCron('0 0 9 * * * *');
    expect(cronMatches(nine, china('2026-12-07T09:00:00'))).toBe(true);
    expect(cronMatches(nine, Date.parse('2026-12-07T09:00:00Z'))).toBe(false);
    expect(nextFire(nine, china('2026-12-07T09:00:00'))).toBe(china('2026-12-08T09:00:00'));
  });

  it('takes steps, ranges, lists and names', () => {
    const tenMinutes = parseCron('0 */10 * * * * *');
    expect(nextFire(tenMinutes, china('2026-12-07T09:01:30'))).toBe(china('2026-12-07T09:10:00'));
    expect(nextFire(tenMinutes, china('2026-12-07T23:55:00'))).toBe(china('2026-12-08T00:00:00'));
    const weekdays = parseCron('30 15 8,20 * * MON-FRI *');
    // 2026-12-05 is a Saturday: the next is Monday 08:15:30.
    expect(nextFire(weekdays, china('2026-12-05T10:00:00'))).toBe(china('2026-12-07T08:15:30'));
    expect(nextFire(weekdays, china('2026-12-07T08:15:30'))).toBe(china('2026-12-07T20:15:30'));
    const firstOfMonth = parseCron('0 0 0 1 JAN-MAR * 2027');
    expect(nextFire(firstOfMonth, china('2026-12-07T00:00:00'))).toBe(china('2027-01-01T00:00:00'));
    expect(nextFire(firstOfMonth, china('2027-03-01T00:00:00'))).toBeNull();
    // Sunday may be 0 or 7.
    expect(cronMatches(parseCron('0 0 12 * * 7 *'), china('2026-12-06T12:00:00'))).toBe(true);
  });

  it('refuses what the platform refuses', () => {
    expect(() => parseCron('0 0 9 * *')).toThrow(CronError);
    expect(() => parseCron('0 60 * * * * *')).toThrow(/minute: 60/);
    expect(() => parseCron('0 0 9 * * FUNDAY *')).toThrow(/weekday/);
    expect(() => parseCron('0 0 20-8 * * * *')).toThrow(/backwards/);
    expect(() => parseCron('0 */0 * * * * *')).toThrow(/step/);
  });
});

describe('the local cloud runs timer triggers', () => {
  let t: TestCloud;
  let clock = china('2026-12-07T08:59:30');

  beforeAll(async () => {
    t = await startTestCloud({
      functionsDir: FIXTURE_FUNCTIONS,
      seed: { ticks: [] },
      timers: { now: () => clock },
    });
  });
  afterAll(() => t.stop());

  const ticks = () =>
    t.cloud.database.documents('ticks', 0, 100).docs as Array<{
      event: { Type: string; TriggerName: string; Time: string };
      openid: string;
    }>;

  it('reads every function’s triggers and reports a bad one', () => {
    const found = readTimerTriggers(FIXTURE_FUNCTIONS, t.cloud.functions.list());
    expect(found.triggers.map((x) => `${x.functionName}/${x.name}`)).toEqual([
      'ticker/every-minute',
      'ticker/nine-on-weekdays',
    ]);
    expect(found.problems).toEqual([expect.stringContaining('ticker trigger broken')]);
  });

  it('fires nothing before a trigger is due', async () => {
    clock = china('2026-12-07T08:59:59');
    expect(await t.cloud.timers.check()).toBe(0);
    expect(ticks()).toHaveLength(0);
  });

  it('fires each due trigger once with the timer event and no caller', async () => {
    clock = china('2026-12-07T09:00:00');
    expect(await t.cloud.timers.check()).toBe(2);
    const events = ticks().map((x) => x.event);
    expect(events.map((e) => e.TriggerName).sort()).toEqual(['every-minute', 'nine-on-weekdays']);
    expect(events[0]).toMatchObject({ Type: 'Timer', Time: '2026-12-07T01:00:00Z' });
    expect(ticks().every((x) => x.openid === '')).toBe(true);
    // The same instant again fires nothing.
    expect(await t.cloud.timers.check()).toBe(0);
  });

  it('after a long pause fires a trigger once, at its latest due time, not once per missed minute', async () => {
    clock = china('2026-12-07T09:05:20');
    expect(await t.cloud.timers.check()).toBe(1);
    const last = ticks().at(-1)?.event;
    expect(last).toMatchObject({ TriggerName: 'every-minute', Time: '2026-12-07T01:05:00Z' });
  });
});
