import { articlesClock } from './articlesClock';
import type { Clock } from './clock';
import { decisionsClock } from './decisionsClock';
import { receiptPostedClock, shareDueClock } from './fundsClocks';
import { progressUpdateClock } from './progressClock';

/**
 * Every clock the scheduler runs, in order. Other areas plug theirs in here: a clock is a name and
 * a `run(ctx)` (see ./clock.ts). Each runs on its own: one failing does not stop the others.
 */
export const CLOCKS: readonly Clock[] = [
  decisionsClock,
  articlesClock,
  shareDueClock,
  receiptPostedClock,
  progressUpdateClock,
];
