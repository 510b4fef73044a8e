import type { Clock } from './clock';
import { decisionsClock } from './decisionsClock';

/**
 * Every clock the scheduler runs, in order. Other areas plug theirs in here: a clock is a name and
 * a `run(ctx)` (see ./clock.ts), e.g.
 *
 *   { name: 'articles', run: async (ctx) => ({ outcomes: {}, notes: await publishDueArticles(ctx.now) }) }
 */
export const CLOCKS: readonly Clock[] = [decisionsClock];
