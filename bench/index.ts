import { benchHouseholds } from './households';
import { benchDecisions } from './decisions';
import { benchFunds } from './funds';
import { benchLedger } from './ledger';
import { benchPreview } from './preview';
import { benchArticles } from './articles';
import { benchProgress } from './progress';
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
  printTable(
    'Funds: charges, requests per payment, replays and 200 concurrent payments',
    await benchFunds(),
  );
  printTable('Ledger: requests per page, verify, 200 concurrent postings', await benchLedger());
  printTable('Articles: requests per article page (list + detail)', await benchArticles());
  printTable('Progress pages: requests per page at 138 and 10,000 units', await benchProgress());
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
