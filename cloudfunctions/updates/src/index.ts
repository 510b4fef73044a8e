import { guardActions } from '../../../server/auth/guard';
import { schemas } from '../../../server/updates/schemas';
import {
  getUpdate,
  listUpdates,
  postUpdate,
  progressOverview,
  setMilestone,
} from '../../../server/updates/timeline';
import {
  cancelHelp,
  outageDetail,
  publishOutage,
  requestHelp,
  unvolunteer,
  volunteer,
} from '../../../server/updates/outages';
import { createFunction } from '../../../server/router';

/**
 * updates: the progress of the works and the elevator outages. Every action passes the policy
 * table (server/auth/policy.ts) before it runs; the caller is whoever WeChat says.
 */
export const main = createFunction<'updates'>(
  guardActions('updates', {
    overview: { input: schemas.overview, run: progressOverview },
    updates: { input: schemas.updates, run: listUpdates },
    update: { input: schemas.update, run: getUpdate },
    post: { input: schemas.post, run: postUpdate },
    setMilestone: { input: schemas.setMilestone, run: setMilestone },
    publishOutage: { input: schemas.publishOutage, run: publishOutage },
    outage: { input: schemas.outage, run: outageDetail },
    requestHelp: { input: schemas.requestHelp, run: requestHelp },
    cancelHelp: { input: schemas.cancelHelp, run: cancelHelp },
    volunteer: { input: schemas.volunteer, run: volunteer },
    unvolunteer: { input: schemas.unvolunteer, run: unvolunteer },
  }),
);
