import { randomBytes } from 'node:crypto';
import { isoAt } from '../../core/decisions';
import type { Db } from '../cloud';
import { sendReminder } from '../reminders/deliver';
import { docs } from '../repository/docs';
import type { Clock, ClockReport } from './clock';
import { CLOCKS } from './clocks';

/**
 * One run of the scheduler: every clock in turn at the same `now`, each on its own (one failing
 * clock does not stop the others), and the run logged in `schedulerRuns` — started, then what
 * each clock did. Running twice sends nothing twice: messages are keyed (see sendReminder).
 */
export interface ClockRun extends ClockReport {
  name: string;
  ok: boolean;
  error: string | null;
}

export interface SchedulerRun {
  _id: string;
  /** `timer:<trigger name>` for a timer trigger, `cli` for `tongti tick`. */
  trigger: string;
  now: string;
  startedAt: string;
  finishedAt: string | null;
  clocks: ClockRun[];
}

export interface RunOptions {
  db: Db;
  now: Date;
  trigger: string;
  clocks?: readonly Clock[];
  /** Wall-clock time the run may take before clocks stop (default 45 s of the 60 s timeout). */
  budgetMs?: number;
}

const DEFAULT_BUDGET_MS = 45_000;

export async function runScheduler(opts: RunOptions): Promise<SchedulerRun> {
  const { db, now, trigger } = opts;
  const at = isoAt(now);
  const run: SchedulerRun = {
    _id: `${at}#${randomBytes(4).toString('hex')}`,
    trigger,
    now: at,
    startedAt: isoAt(Date.now()),
    finishedAt: null,
    clocks: [],
  };
  await docs(db).set('schedulerRuns', run._id, run);
  const source = `scheduler:${run._id}`;
  const started = Date.now();
  const budget = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  for (const clock of opts.clocks ?? CLOCKS) {
    try {
      const report = await clock.run({
        db,
        now,
        runId: run._id,
        send: (message) => sendReminder(db, message, now, source),
        outOfTime: () => Date.now() - started > budget,
      });
      run.clocks.push({ name: clock.name, ok: true, error: null, ...report });
    } catch (error) {
      console.error(`clock ${clock.name} failed:`, error);
      run.clocks.push({
        name: clock.name,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        outcomes: {},
        notes: [],
      });
    }
  }
  run.finishedAt = isoAt(Date.now());
  await docs(db).set('schedulerRuns', run._id, run);
  return run;
}
