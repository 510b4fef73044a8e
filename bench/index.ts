import { benchHouseholds } from './households';
import { benchDecisions } from './decisions';
import { benchFuzz, FUZZ_SEED } from './fuzz';
import { benchPreview } from './preview';
import { printTable } from './table';

/**
 * `npm run bench`: figures, ratios and request counts, reported (never asserted in tests).
 * Each section runs against its own local cloud on a free port.
 */
async function main(): Promise<void> {
  printTable('Cloud functions through the local cloud', await benchHouseholds());
  printTable('Decisions: requests, scaling and 200 concurrent casts', await benchDecisions());
  const fuzz = await benchFuzz();
  printTable(
    `Fuzz: 10,000 bad inputs over every action of every function (seed ${FUZZ_SEED})`,
    fuzz.byFunction,
  );
  printTable('Fuzz: by kind of input', fuzz.byKind);
  printTable('Fuzz: nothing written, nothing broken', fuzz.summary);
  for (const line of fuzz.wrong) console.log(`  wrong answer: ${line}`);
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
