import type { ReminderTemplateKey } from '../../typings/api';
import { userMessageOf } from './cloud';
import { askToSubscribe, idsOf, reminderTemplates } from './reminders';

/**
 * The "提醒我" button of a tab: the template ids are read when the page loads, because WeChat's
 * consent sheet opens only when asked directly from the tap (before any await).
 */

/** The ids for `keys`, or none when the templates cannot be read (then there is no button). */
export async function remindIdsFor(keys: readonly ReminderTemplateKey[]): Promise<string[]> {
  try {
    return idsOf(await reminderTemplates(), keys);
  } catch {
    return [];
  }
}

/** Call from the tap handler. True when at least one reminder was accepted and recorded. */
export async function remindFromTap(ids: string[]): Promise<boolean> {
  if (!ids.length) return false;
  try {
    const outcome = await askToSubscribe(ids);
    if (outcome.blocked) {
      wx.showModal({
        title: '消息提醒已关闭',
        content: '可在微信“设置 → 消息通知”或小程序右上角“设置”中打开订阅消息。',
        showCancel: false,
      });
      return false;
    }
    if (outcome.accepted > 0) {
      wx.showToast({ title: '到时会提醒您', icon: 'success' });
      return true;
    }
  } catch (error) {
    wx.showToast({ title: userMessageOf(error), icon: 'none' });
  }
  return false;
}
