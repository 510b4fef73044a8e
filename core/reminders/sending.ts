import { type Subscription, takeOne } from './quota';

/**
 * Whether one message may go out now: never twice (its key is already in the log) and never
 * without a grant (the person's quota for the template is empty). The server asks this inside the
 * transaction that writes the log entry and takes the grant, so two runs at once cannot both
 * decide to send.
 */
export type SendDecision =
  { send: true; subscription: Subscription } | { send: false; reason: 'already-sent' | 'no-quota' };

export function decideSend(input: {
  alreadyLogged: boolean;
  subscription: Subscription | null;
  now: string;
}): SendDecision {
  if (input.alreadyLogged) return { send: false, reason: 'already-sent' };
  const next = takeOne(input.subscription, input.now);
  if (!next) return { send: false, reason: 'no-quota' };
  return { send: true, subscription: next };
}

/** What became of one message, as the log keeps it. */
export type MessageStatus = 'sending' | 'sent' | 'refused' | 'failed';

export interface MessageLogEntry {
  /** The message key (see messageKey): the same on every run. */
  _id: string;
  openid: string;
  templateKey: string;
  page: string;
  status: MessageStatus;
  /** WeChat's error code when it was refused (43101) or failed. */
  errCode: number | null;
  createdAt: string;
  updatedAt: string;
  /** The scheduler run (or area) that sent it. */
  source: string;
}

/** WeChat's answer when the person refused, or has no grant left: never retried. */
export const REFUSED = 43101;
