import { resolveCaller, type Caller } from '../auth/caller';
import type { UseCaseContext } from '../auth/guard';
import type { Db } from '../cloud';

/**
 * A use-case context for callers that are not a function invocation (the demo seed, the bench):
 * the ledger's use cases take `(request, ctx)` and read the caller from the registry by openid,
 * exactly as through the function. The policy table is NOT applied here: whoever builds this
 * context has already decided who acts.
 */
export function contextFor(
  db: Db,
  openid: string,
  now: Date,
  requestId = `local-${now.getTime()}`,
): UseCaseContext {
  let caller: Promise<Caller> | null = null;
  return { openid, requestId, db, now, caller: () => (caller ??= resolveCaller(db, openid)) };
}
