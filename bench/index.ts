import { benchBudget } from './budget';
import { benchHouseholds } from './households';
import { benchDecisions } from './decisions';
import { benchFunds } from './funds';
import { benchLedger } from './ledger';
import { benchFuzz, FUZZ_SEED } from './fuzz';
import { benchPreview } from './preview';
import { benchArticles } from './articles';
import { benchProgress } from './progress';
import { benchScheduler } from './scheduler';
import { benchShareCard } from './shareCard';
import { benchMap } from './map';
import { benchExports } from './exports';
import { printTable, toBudgetRow } from './table';

/**
 * `npm run bench`: figures, ratios and request counts, reported (never asserted in tests).
 * Each section runs against its own local cloud on a free port. A section that fails says so and
 * the others still run (the exit code is 1): one slow figure must not hide the rest.
 */
async function section(title: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err: unknown) {
    console.error(`\n${title}: failed`);
    console.error(err);
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  // The map's and the exports' requests at 138 and 10,000 units belong to the budget too.
  await section('Performance budget', async () => {
    const budget = await benchBudget();
    const map = (await benchMap()).map(toBudgetRow);
    const exports = (await benchExports()).map(toBudgetRow);
    printTable('Performance budget', [...budget, ...map, ...exports]);
  });
  await section('Cloud functions', async () => {
    printTable('Cloud functions through the local cloud', await benchHouseholds());
  });
  await section('Decisions', async () => {
    printTable('Decisions: requests, scaling and 200 concurrent casts', await benchDecisions());
  });
  await section('Funds', async () => {
    printTable(
      'Funds: charges, requests per payment, replays and 200 concurrent payments',
      await benchFunds(),
    );
  });
  await section('Ledger', async () => {
    printTable('Ledger: requests per page, verify, 200 concurrent postings', await benchLedger());
  });
  await section('Articles', async () => {
    printTable('Articles: requests per article page (list + detail)', await benchArticles());
  });
  await section('Progress', async () => {
    printTable('Progress pages: requests per page at 138 and 10,000 units', await benchProgress());
  });
  await section('Scheduler', async () => {
    printTable(
      'Scheduler: every clock with nobody subscribed, a run that sends, then the same run again',
      await benchScheduler(),
    );
  });
  await section('Fuzz', async () => {
    const fuzz = await benchFuzz();
    printTable(
      `Fuzz: 10,000 bad inputs over every action of every function (seed ${FUZZ_SEED})`,
      fuzz.byFunction,
    );
    printTable('Fuzz: by kind of input', fuzz.byKind);
    printTable('Fuzz: nothing written, nothing broken', fuzz.summary);
    for (const line of fuzz.wrong) console.log(`  wrong answer: ${line}`);
  });
  await section('Browser preview', async () => {
    const preview = await benchPreview();
    printTable(
      'Browser preview (Chromium)',
      Object.entries(preview).map(([measure, value]) => ({ measure, value })),
    );
  });
  await section('Share card', async () => {
    printTable('Share card: drawing time in Chromium', await benchShareCard());
  });
}

void main();
