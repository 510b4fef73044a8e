import { createFunction } from '../../../server/router';
import { guardActions } from '../../../server/auth/guard';
import { unitHistory } from '../../../server/cockpit/history';
import { cockpitLastMile } from '../../../server/cockpit/lastMile';
import { mapFloors, mapLegend, mapOverview } from '../../../server/cockpit/map';
import { schemas } from '../../../server/cockpit/schemas';

/**
 * cockpit: the organizer's building map and the last mile of the work at hand. Every action
 * passes the policy table (server/auth/policy.ts) before it runs; the caller is whoever WeChat
 * says, never a field of the request.
 */
export const main = createFunction<'cockpit'>(
  guardActions('cockpit', {
    overview: { input: schemas.none, run: (_req, ctx) => mapOverview(ctx) },
    mapFloors: { input: schemas.mapFloors, run: mapFloors },
    mapLegend: { input: schemas.mapLegend, run: mapLegend },
    unitHistory: { input: schemas.unitHistory, run: unitHistory },
    lastMile: { input: schemas.lastMile, run: cockpitLastMile },
  }),
);
