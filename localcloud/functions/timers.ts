import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CronSchedule, cronMatches, nextFire, parseCron } from './cron';

/**
 * Timer triggers as Cloud Development runs them: each function's `config.json` may list
 * `{name, type: 'timer', config: '<7-field cron>'}`; when one comes due the function is invoked
 * with no caller and the event `{Type: 'Timer', TriggerName, Time}`. The runner reads the clock it
 * is given and fires what came due since its last check — at most once per trigger per check, so
 * a process that slept does not replay every missed minute (the platform does not either).
 */
export interface TimerTrigger {
  functionName: string;
  name: string;
  schedule: CronSchedule;
}

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  /** The instant it came due, UTC ISO text (as the platform sends it). */
  Time: string;
}

/** Every timer trigger of the named functions; a bad one is reported, not fatal. */
export function readTimerTriggers(
  functionsDir: string,
  names: readonly string[],
): { triggers: TimerTrigger[]; problems: string[] } {
  const triggers: TimerTrigger[] = [];
  const problems: string[] = [];
  for (const functionName of names) {
    const file = join(functionsDir, functionName, 'config.json');
    if (!existsSync(file)) continue;
    let config: unknown;
    try {
      config = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(`${functionName}/config.json: ${(e as Error).message}`);
      continue;
    }
    const list = (config as { triggers?: unknown }).triggers;
    if (!Array.isArray(list)) continue;
    for (const item of list as unknown[]) {
      const t = (item ?? {}) as { name?: unknown; type?: unknown; config?: unknown };
      if (t.type !== 'timer') continue;
      const name = typeof t.name === 'string' ? t.name : '';
      try {
        if (typeof t.config !== 'string') throw new Error('config must be a cron expression');
        triggers.push({ functionName, name, schedule: parseCron(t.config) });
      } catch (e) {
        problems.push(`${functionName} trigger ${name}: ${(e as Error).message}`);
      }
    }
  }
  return { triggers, problems };
}

export interface TimerRunnerOptions {
  triggers: readonly TimerTrigger[];
  now: () => number;
  fire(trigger: TimerTrigger, event: TimerEvent): Promise<unknown>;
  log?: (line: string) => void;
}

export class TimerRunner {
  private last: number;
  private interval: NodeJS.Timeout | null = null;
  private checking: Promise<number> | null = null;

  constructor(private readonly opts: TimerRunnerOptions) {
    this.last = opts.now();
  }

  get triggers(): readonly TimerTrigger[] {
    return this.opts.triggers;
  }

  /** When each trigger fires next, after the last check. */
  upcoming(): Array<{ trigger: TimerTrigger; at: number | null }> {
    return this.opts.triggers.map((trigger) => ({
      trigger,
      at: nextFire(trigger.schedule, this.last),
    }));
  }

  /**
   * Fires every trigger that came due after the last check and up to now (the latest instant it
   * came due names the event), waits for the invocations, and answers how many fired.
   */
  check(): Promise<number> {
    // One check at a time: an interval tick during a slow run waits for it.
    this.checking ??= this.runCheck().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  start(intervalMs = 1000): void {
    if (this.interval || this.opts.triggers.length === 0) return;
    this.interval = setInterval(() => void this.check(), intervalMs);
    this.interval.unref();
  }

  stop(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
  }

  private async runCheck(): Promise<number> {
    const now = this.opts.now();
    const from = this.last;
    if (now <= from) return 0;
    this.last = now;
    const due: Array<{ trigger: TimerTrigger; at: number }> = [];
    for (const trigger of this.opts.triggers) {
      const first = nextFire(trigger.schedule, from);
      if (first === null || first > now) continue;
      due.push({ trigger, at: latestFire(trigger.schedule, first, now) });
    }
    await Promise.all(
      due.map(async ({ trigger, at }) => {
        const event: TimerEvent = {
          Type: 'Timer',
          TriggerName: trigger.name,
          Time: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        };
        try {
          await this.opts.fire(trigger, event);
        } catch (e) {
          this.opts.log?.(
            `timer ${trigger.functionName}/${trigger.name} failed: ${(e as Error).message}`,
          );
        }
      }),
    );
    return due.length;
  }
}

/** The last instant in [first, until] the schedule fires (looks back from `until`). */
function latestFire(schedule: CronSchedule, first: number, until: number): number {
  const top = Math.floor(until / 1000) * 1000;
  // Most schedules fire within the last hour; looking back that far is enough, else `first`.
  for (let t = top; t > first && t > top - 3600_000; t -= 1000) {
    if (cronMatches(schedule, t)) return t;
  }
  return first;
}
