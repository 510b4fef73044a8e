import type { MySubscriptionsView, ReminderTemplateView } from '../../../typings/api';
import { formatDateTime } from '../../utils/format';

/**
 * The reminders page as a person reads it: the reminders that concern them, each with how many
 * messages are left ("还会提醒 2 次") — every accept is one message, so "订阅一次" adds one.
 */
export interface ReminderRow {
  key: string;
  templateId: string;
  title: string;
  when: string;
  /** "还会提醒 2 次", "未订阅" or "微信未能送达，请重新订阅". */
  state: string;
  active: boolean;
  lastSent: string;
}

export interface RemindersView {
  rows: ReminderRow[];
  /** How many kinds are subscribed, for the line at the top. */
  subscribed: number;
}

function stateOf(t: ReminderTemplateView): string {
  if (t.remaining > 0) return `还会提醒 ${t.remaining} 次`;
  if (t.refusedAt) return '微信未能送达（可能已关闭提醒），请重新订阅';
  return '未订阅';
}

export function toRemindersView(view: MySubscriptionsView): RemindersView {
  const rows = view.templates
    .filter((t) => t.forMe)
    .map((t) => ({
      key: t.key,
      templateId: t.templateId,
      title: t.title,
      when: t.when,
      state: stateOf(t),
      active: t.remaining > 0,
      lastSent: t.lastSentAt ? `上次提醒：${formatDateTime(t.lastSentAt)}` : '',
    }));
  return { rows, subscribed: rows.filter((r) => r.active).length };
}
