import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npx tsx scripts/sharedCopies.ts [--check]`: the mini program ships only what is under
 * miniprogram/, so a rule it shares with the server (reading room numbers) lives in core/ and is
 * copied here, marked as generated; a test fails while a copy is stale.
 */
const ROOT = join(__dirname, '..');

export const SHARED_COPIES: ReadonlyArray<{ from: string; to: string }> = [
  { from: 'core/registry/roomNumber.ts', to: 'miniprogram/utils/roomNumber.ts' },
];

export function copyText(from: string): string {
  const source = readFileSync(join(ROOT, from), 'utf8');
  return (
    `// Generated from ${from} by scripts/sharedCopies.ts: edit that file, then run\n` +
    '// `npx tsx scripts/sharedCopies.ts`.\n' +
    source
  );
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { from, to } of SHARED_COPIES) {
    const wanted = copyText(from);
    if (!check) writeFileSync(join(ROOT, to), wanted);
    else if (readFileSync(join(ROOT, to), 'utf8') !== wanted) {
      console.error(`${to} is out of date: run npx tsx scripts/sharedCopies.ts`);
      stale += 1;
    }
  }
  if (stale) process.exit(1);
}
