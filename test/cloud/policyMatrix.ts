import { POLICY, PRINCIPALS, type Principal } from '../../server/auth/policy';
import type { ActionName, ActionRequest, FunctionName } from '../../typings/api';
import type { FunctionClient } from './functionClient';

export type MatrixRequests<F extends FunctionName> = {
  [A in ActionName<F>]: ActionRequest<F, A>;
};

/**
 * Calls every action as every principal and lists where the function disagrees with the policy
 * table: an allowed role refused for its role ("身份"), or a refused role let through. `rolesOf`
 * gives a persona's real roles when one person holds several (an organizer who is also an owner).
 */
export async function policyMismatches<F extends FunctionName>(
  fn: F,
  client: FunctionClient<F>,
  requests: MatrixRequests<F>,
  persona: Record<Principal, string>,
  rolesOf: (principal: Principal) => readonly Principal[] = (p) => [p],
): Promise<string[]> {
  const table = POLICY[fn] as Record<string, { roles: readonly Principal[] }>;
  const mismatches: string[] = [];
  for (const action of Object.keys(requests) as Array<ActionName<F>>) {
    const allowed = table[action]?.roles ?? [];
    for (const principal of PRINCIPALS) {
      const result = await client.call(action, requests[action], persona[principal]);
      const refused = !result.ok && result.code === 'FORBIDDEN' && result.message.includes('身份');
      if (rolesOf(principal).some((r) => allowed.includes(r)) === refused) {
        mismatches.push(`${action} as ${principal}: ${JSON.stringify(result).slice(0, 120)}`);
      }
    }
  }
  return mismatches;
}
