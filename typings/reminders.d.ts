/**
 * reminders: subscription messages. A person accepts templates from a tap
 * (wx.requestSubscribeMessage); each accept is one message we may send them. `subscribe` records
 * what they accepted; `mySubscriptions` shows what they will be told, and how many messages of
 * each kind are left.
 */

export type ReminderTemplateKey =
  | 'voteOpened'
  | 'voteDeadline'
  | 'resultDue'
  | 'shareDue'
  | 'receiptPosted'
  | 'progressUpdate'
  | 'actedForYou';

/** What wx.requestSubscribeMessage answered for one template id. */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';

export interface ReminderTemplateView {
  key: ReminderTemplateKey;
  /** The id to pass to wx.requestSubscribeMessage. */
  templateId: string;
  title: string;
  /** When it comes, in one sentence. */
  when: string;
  /** Whether it concerns the caller's roles (voters, organizers, payers, everyone). */
  forMe: boolean;
  /** Messages of this kind we may still send (one per accept). */
  remaining: number;
  lastSentAt: string | null;
  /** When WeChat last refused a message (the person turned it off); the count was zeroed. */
  refusedAt: string | null;
}

export interface MySubscriptionsView {
  templates: ReminderTemplateView[];
}

export interface RemindersApi {
  /** Records the answers of one wx.requestSubscribeMessage (template id → answer). */
  subscribe: {
    request: { answers: Record<string, SubscribeAnswer> };
    response: MySubscriptionsView;
  };
  mySubscriptions: { request: Record<string, never>; response: MySubscriptionsView };
}
