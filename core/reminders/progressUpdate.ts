import dayjs from 'dayjs';
import { type ProgressUpdate, STAGE_LABELS } from '../progress/model';
import { type Instant, templateTime } from '../registry/time';
import { thingValue } from './templates';

/**
 * "New progress update": updates posted in the last 48 hours go to everyone who subscribed, once
 * per update and person (the key). Older ones are history, not news: someone who subscribes today
 * is not told of last month's updates.
 */
export const UPDATE_NEWS_MS = 48 * 3600_000;

export interface UpdateReminder {
  updateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

export function updateNewsSince(now: Instant): number {
  return dayjs(now).valueOf() - UPDATE_NEWS_MS;
}

export function newUpdateReminders(
  updates: readonly Pick<ProgressUpdate, '_id' | 'stage' | 'text' | 'postedAt'>[],
  now: Instant,
): UpdateReminder[] {
  const since = updateNewsSince(now);
  const until = dayjs(now).valueOf();
  return updates
    .filter((u) => {
      const at = Date.parse(u.postedAt);
      return at >= since && at <= until;
    })
    .map((u) => ({
      updateId: u._id,
      page: `pages/progress-update/index?id=${encodeURIComponent(u._id)}`,
      data: {
        thing1: { value: thingValue(`${STAGE_LABELS[u.stage]}有新进展`) },
        thing2: { value: thingValue(u.text.replace(/\s+/g, ' ')) },
        time3: { value: templateTime(u.postedAt) },
      },
    }));
}

export function updateKey(r: Pick<UpdateReminder, 'updateId'>, openid: string): string {
  return `progressUpdate:${r.updateId}:${openid}`;
}
