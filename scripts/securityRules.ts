import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, securityRule } from '../server/collections';

/**
 * `npx tsx scripts/securityRules.ts [--check]`: writes deploy/security-rules.json — the database
 * security rule of every collection, generated from server/collections.ts — or, with --check,
 * exits 1 when the committed file is out of date. The README's deploy steps apply it.
 */
export const RULES_FILE = join(__dirname, '..', 'deploy', 'security-rules.json');

export function securityRulesJson(): string {
  const rules = Object.fromEntries(COLLECTIONS.map((c) => [c.name, securityRule(c.access)]));
  return `${JSON.stringify(rules, null, 2)}\n`;
}

if (require.main === module) {
  const wanted = securityRulesJson();
  if (process.argv.includes('--check')) {
    const current = readFileSync(RULES_FILE, 'utf8');
    if (current !== wanted) {
      console.error(
        'deploy/security-rules.json is out of date: run npx tsx scripts/securityRules.ts',
      );
      process.exit(1);
    }
  } else {
    writeFileSync(RULES_FILE, wanted);
    console.log(`wrote ${RULES_FILE} (${COLLECTIONS.length} collections)`);
  }
}
