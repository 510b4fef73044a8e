import { isoAt } from '../../core/decisions';
import { type Subscription, afterAccept, emptySubscription } from '../../core/reminders/quota';
import type { TemplateKey } from '../../core/reminders/templates';

/**
 * Some subscriptions of the demo building: a few owners asked to be reminded before votes close,
 * the organizer to be told when a result must be posted. The message log and the scheduler's
 * runs start empty.
 */
export function demoReminders(now: number): Record<string, readonly object[]> {
  const at = isoAt(now);
  const accepts: Array<[string, TemplateKey, number]> = [
    ['demo-organizer', 'resultDue', 2],
    ['demo-organizer', 'voteDeadline', 1],
    ['demo-owner-p001', 'voteDeadline', 1],
    ['demo-owner-p001', 'progressUpdate', 3],
    ['demo-owner-p002', 'voteDeadline', 1],
    ['demo-proxy-p137', 'voteDeadline', 1],
  ];
  const subscriptions: Subscription[] = accepts.map(([openid, key, times]) => {
    let sub = emptySubscription(openid, key, at);
    for (let i = 0; i < times; i += 1) sub = afterAccept(sub, at);
    return sub;
  });
  return { subscriptions, reminderLog: [], schedulerRuns: [] };
}
