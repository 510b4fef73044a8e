import { readFileSync } from 'node:fs';
import { RULES_FILE, securityRulesJson } from '../../scripts/securityRules';
import { COLLECTIONS } from '../../server/collections';
import { isOpenToEveryone, policyFor, POLICY, PRINCIPALS } from '../../server/auth/policy';

/** Security rules and the policy table as code: shipped, complete, and closed by default. */

describe('database security rules', () => {
  it('the committed deploy/security-rules.json is what server/collections.ts generates', () => {
    // If this fails after adding a collection: npx tsx scripts/securityRules.ts
    expect(readFileSync(RULES_FILE, 'utf8')).toBe(securityRulesJson());
  });

  it('has a rule for every collection, and no client may write anywhere', () => {
    const rules = JSON.parse(securityRulesJson()) as Record<
      string,
      { read: unknown; write: unknown }
    >;
    expect(Object.keys(rules).sort()).toEqual(COLLECTIONS.map((c) => c.name).sort());
    for (const rule of Object.values(rules)) expect(rule.write).toBe(false);
  });

  it('keeps people, members, bindings, invites, proxies, contacts and audit away from clients', () => {
    const rules = JSON.parse(securityRulesJson()) as Record<string, { read: unknown }>;
    for (const name of [
      'units',
      'people',
      'members',
      'bindings',
      'invites',
      'proxies',
      'contacts',
      'contactLog',
      'imports',
      'audit',
    ]) {
      expect(rules[name]).toEqual({ read: false, write: false });
    }
  });
});

describe('the policy table', () => {
  it('names only known roles, and every action has a label', () => {
    for (const [fn, actions] of Object.entries(POLICY)) {
      for (const [action, entry] of Object.entries(
        actions as Record<string, { label: string; roles: readonly string[] }>,
      )) {
        expect(`${fn}.${action}: ${entry.label.length > 0}`).toBe(`${fn}.${action}: true`);
        for (const role of entry.roles) expect(PRINCIPALS).toContain(role);
      }
    }
  });

  it('refuses to guard an action it has no row for', () => {
    expect(() => policyFor('households', 'dropDatabase' as never)).toThrow(
      'no policy for households.dropDatabase',
    );
  });

  it('opens to guests only what a newcomer needs', () => {
    const open = Object.keys(POLICY.households).filter((a) =>
      isOpenToEveryone('households', a as never),
    );
    expect(open.sort()).toEqual([
      'acceptProxy',
      'me',
      'previewProxyInvite',
      'requestBinding',
      'requestBindingByPhone',
      'summary',
    ]);
    expect(POLICY.households.contactDetails.roles).toEqual(['admin']);
  });
});
