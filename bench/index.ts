import { benchHouseholds } from './households';
import { benchDecisions } from './decisions';
import { benchPreview } from './preview';
import { benchProgress } from './progress';
import { printTable } from './table';

/**
 * `npm run bench`: figures, ratios and request counts, reported (never asserted in tests).
 * Each section runs against its own local cloud on a free port.
 */
async function main(): Promise<void> {
  printTable('Cloud functions through the local cloud', await benchHouseholds());
  printTable('Decisions: requests, scaling and 200 concurrent casts', await benchDecisions());
  printTable('Progress pages: requests per page at 138 and 10,000 units', await benchProgress());
  const preview = await benchPreview();
  printTable(
    'Browser preview (Chromium)',
    Object.entries(preview).map(([measure, value]) => ({ measure, value })),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
