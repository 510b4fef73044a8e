import type { Db } from '../cloud';
import type { ReminderMessage, SendOutcome } from '../reminders/deliver';

/**
 * A clock: something that must happen when its time comes (a reminder 24 hours before a vote
 * closes, an article's scheduled publication). Every run of the scheduler runs every clock; a
 * clock looks at `now` and does what is due. Runs may repeat or overlap (timer triggers do), so a
 * clock must be idempotent: send through `ctx.send` (each message key goes out once) and make its
 * writes conditional on state, never on having run before.
 */
export interface ClockContext {
  db: Db;
  now: Date;
  runId: string;
  /** Sends one subscription message at most once, only with a grant (see sendReminder). */
  send(message: ReminderMessage): Promise<SendOutcome>;
  /**
   * True once the run has used its time (the function's timeout is 60 s): a clock stops there and
   * the next run carries on, which idempotence makes safe.
   */
  outOfTime(): boolean;
}

export interface ClockReport {
  /** Messages by what became of them. */
  outcomes: Partial<Record<SendOutcome, number>>;
  /** Things a person should know from the run log (an overdue result, an article published). */
  notes: string[];
}

export interface Clock {
  name: string;
  run(ctx: ClockContext): Promise<ClockReport>;
}

export function emptyReport(): ClockReport {
  return { outcomes: {}, notes: [] };
}

export function count(report: ClockReport, outcome: SendOutcome): void {
  report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
}
