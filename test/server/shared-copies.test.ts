import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyText, SHARED_COPIES } from '../../scripts/sharedCopies';

/** The mini program's copies of shared rules are exactly the core files they come from. */
describe('shared copies', () => {
  it.each(SHARED_COPIES.map((c) => [c.to, c.from]))('%s is %s', (to, from) => {
    // If this fails after editing the core file: npx tsx scripts/sharedCopies.ts
    expect(readFileSync(join(__dirname, '..', '..', to), 'utf8')).toBe(copyText(from));
  });
});
