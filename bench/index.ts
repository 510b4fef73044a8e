import { benchHouseholds } from './households';
import { benchDecisions } from './decisions';
import { benchFuzz, FUZZ_SEED } from './fuzz';
import { benchPreview } from './preview';
import { printTable } from './table';

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
  await section('Cloud functions', async () => {
    printTable('Cloud functions through the local cloud', await benchHouseholds());
  });
  await section('Decisions', async () => {
    printTable('Decisions: requests, scaling and 200 concurrent casts', await benchDecisions());
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
}

void main();
