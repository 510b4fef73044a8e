import type { ProgressUpdate } from '../../core/progress/model';
import {
  newUpdateReminders,
  updateKey,
  updateNewsSince,
} from '../../core/reminders/progressUpdate';
import { shanghaiIso } from '../../core/registry/time';
import { find } from '../repository/docs';
import { type Clock, emptyReport } from './clock';
import { sendAll, subscribersOf } from './recipients';

/** "New progress update": updates from the last 48 hours, to everyone who subscribed. */
const MAX_UPDATES = 50;

export const progressUpdateClock: Clock = {
  name: 'progressUpdate',
  async run(ctx) {
    const report = emptyReport();
    const { db, now } = ctx;
    const subscribers = await subscribersOf(db, 'progressUpdate');
    if (subscribers.length === 0) return report;
    const updates = await find<ProgressUpdate>(
      db,
      'progressUpdates',
      { postedAt: db.command.gte(shanghaiIso(updateNewsSince(now))) },
      { orderBy: ['postedAt', 'asc'], limit: MAX_UPDATES },
    );
    const messages = newUpdateReminders(updates, now).flatMap((reminder) =>
      subscribers.map((openid) => ({
        key: updateKey(reminder, openid),
        openid,
        templateKey: 'progressUpdate' as const,
        page: reminder.page,
        data: reminder.data,
      })),
    );
    await sendAll(ctx, report, messages);
    return report;
  },
};
