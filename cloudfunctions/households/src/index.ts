import { createFunction, noFields } from '../../../server/router';
import { database } from '../../../server/cloud';
import { getBuildingSummary } from '../../../server/households/summary';

/** households: the building, its units, members and their roles. */
export const main = createFunction<'households'>({
  summary: { input: noFields, run: () => getBuildingSummary(database()) },
});
