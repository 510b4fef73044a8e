/**
 * The subscription message templates, in one place. A template id is assigned by WeChat when the
 * template is picked in the mini program's console (订阅消息 → 选用); replace these ids with
 * yours before deploying. Keywords (thing1, time2…) are the template's own, with WeChat's limits
 * (thing ≤ 20 characters, time/date ≤ 64, phrase ≤ 5).
 */
import type { ReminderTemplateKey } from '../../typings/api';

export const TEMPLATE_KEYS = [
  'voteOpened',
  'voteDeadline',
  'resultDue',
  'shareDue',
  'receiptPosted',
  'progressUpdate',
  'actedForYou',
] as const satisfies readonly ReminderTemplateKey[];
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** Who a template is for: everyone in the building, voters, organizers, payers, or owners. */
export type TemplateAudience = 'voters' | 'organizers' | 'payers' | 'owners' | 'everyone';

export interface TemplateSpec {
  key: TemplateKey;
  id: string;
  /** What the person is subscribing to, as the settings page says it. */
  title: string;
  /** When it comes, in one plain sentence. */
  when: string;
  audience: TemplateAudience;
  /** The template's keywords in order: each message fills every one of them. */
  keywords: readonly string[];
}

export const TEMPLATES: Readonly<Record<TemplateKey, TemplateSpec>> = {
  voteOpened: {
    key: 'voteOpened',
    id: 'tongti-vote-opened-0000000000000000000000000',
    title: '表决开始',
    when: '表决开始投票时通知您',
    audience: 'voters',
    keywords: ['thing1', 'time2', 'thing3'],
  },
  voteDeadline: {
    key: 'voteDeadline',
    id: 'tongti-vote-deadline-000000000000000000000000',
    title: '投票截止提醒',
    when: '截止前 24 小时，您还没有投票时提醒',
    audience: 'voters',
    keywords: ['thing1', 'time2', 'thing3'],
  },
  resultDue: {
    key: 'resultDue',
    id: 'tongti-result-due-00000000000000000000000000',
    title: '结果公示期限',
    when: '表决结束后，结果须在 3 天内公示，临近或逾期时提醒换梯小组',
    audience: 'organizers',
    keywords: ['thing1', 'time2', 'thing3'],
  },
  shareDue: {
    key: 'shareDue',
    id: 'tongti-share-due-000000000000000000000000000',
    title: '缴费提醒',
    when: '您的分摊款到期前提醒',
    audience: 'payers',
    keywords: ['thing1', 'amount2', 'time3'],
  },
  receiptPosted: {
    key: 'receiptPosted',
    id: 'tongti-receipt-posted-00000000000000000000000',
    title: '现金收据入账',
    when: '工作人员代收的现金记入账本时通知您',
    audience: 'payers',
    keywords: ['thing1', 'amount2', 'time3'],
  },
  progressUpdate: {
    key: 'progressUpdate',
    id: 'tongti-progress-update-0000000000000000000000',
    title: '工程进度更新',
    when: '换梯工程有新进展时通知您',
    audience: 'everyone',
    keywords: ['thing1', 'thing2', 'time3'],
  },
  actedForYou: {
    key: 'actedForYou',
    id: 'tongti-acted-for-you-0000000000000000000000',
    title: '代办通知',
    when: '代理人或亲友代您投票、缴款时通知您',
    audience: 'owners',
    keywords: ['thing1', 'thing2', 'time3'],
  },
};

export function templateByKey(key: TemplateKey): TemplateSpec {
  return TEMPLATES[key];
}

/** The template an id names, or null for an id that is not ours. */
export function templateById(id: string): TemplateSpec | null {
  return TEMPLATE_KEYS.map((k) => TEMPLATES[k]).find((t) => t.id === id) ?? null;
}

/** WeChat's `thing` keyword holds at most 20 characters: cut longer text with an ellipsis. */
export function thingValue(text: string, max = 20): string {
  const chars = [...text.trim()];
  if (chars.length <= max) return chars.join('') || '—';
  return `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * WeChat's `amount` keyword: one currency sign, at most 10 digits, optional decimals — no
 * thousands separators (a "¥1,234.56" is refused with 47003). 123456 → "¥1234.56".
 */
export function amountValue(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount to send: ${fen}`);
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
