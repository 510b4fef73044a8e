import { benchHouseholds } from './households';
import { benchDecisions } from './decisions';
import { benchPreview } from './preview';
import { benchScheduler } from './scheduler';
import { benchShareCard } from './shareCard';
import { printTable } from './table';

/**
 * `npm run bench`: figures, ratios and request counts, reported (never asserted in tests).
 * Each section runs against its own local cloud on a free port.
 */
async function main(): Promise<void> {
  printTable('Cloud functions through the local cloud', await benchHouseholds());
  printTable('Decisions: requests, scaling and 200 concurrent casts', await benchDecisions());
  printTable('Scheduler: a deadline reminder run, then the same run again', await benchScheduler());
  const preview = await benchPreview();
  printTable(
    'Browser preview (Chromium)',
    Object.entries(preview).map(([measure, value]) => ({ measure, value })),
  );
  printTable('Share card: drawing time in Chromium', await benchShareCard());
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
