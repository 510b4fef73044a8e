import type { TemplateKey } from './templates';

/**
 * One accepted subscription is one message WeChat lets us send (a one-time subscription). The
 * quota is kept per person and template: each accept adds one, each send takes one, and a send
 * refused with 43101 (the person turned it off, or WeChat has no grant) leaves nothing.
 */
export interface Subscription {
  /** `openid:templateKey`. */
  _id: string;
  openid: string;
  templateKey: TemplateKey;
  /** Sends still allowed. Never negative. */
  remaining: number;
  /** Accepts ever recorded. */
  accepted: number;
  sent: number;
  lastAcceptedAt: string | null;
  lastSentAt: string | null;
  /** When WeChat last refused a send (43101); the quota was zeroed then. */
  refusedAt: string | null;
  updatedAt: string;
}

export function subscriptionId(openid: string, key: TemplateKey): string {
  return `${openid}:${key}`;
}

export function emptySubscription(openid: string, key: TemplateKey, now: string): Subscription {
  return {
    _id: subscriptionId(openid, key),
    openid,
    templateKey: key,
    remaining: 0,
    accepted: 0,
    sent: 0,
    lastAcceptedAt: null,
    lastSentAt: null,
    refusedAt: null,
    updatedAt: now,
  };
}

/** WeChat keeps at most this many one-time grants per template; more accepts add nothing. */
export const MAX_REMAINING = 50;

export function afterAccept(sub: Subscription, now: string): Subscription {
  return {
    ...sub,
    remaining: Math.min(MAX_REMAINING, sub.remaining + 1),
    accepted: sub.accepted + 1,
    lastAcceptedAt: now,
    updatedAt: now,
  };
}

/** Takes one send from the quota; null when there is none (never send without one). */
export function takeOne(sub: Subscription | null, now: string): Subscription | null {
  if (!sub || sub.remaining <= 0) return null;
  return {
    ...sub,
    remaining: sub.remaining - 1,
    sent: sub.sent + 1,
    lastSentAt: now,
    updatedAt: now,
  };
}

/** A send WeChat refused (43101): the person has no grant left, whatever we counted. */
export function afterRefusal(sub: Subscription, now: string): Subscription {
  return { ...sub, remaining: 0, refusedAt: now, updatedAt: now };
}

/** A send that failed for another reason (bad data, system error): the grant was not used. */
export function afterFailure(sub: Subscription, now: string): Subscription {
  return {
    ...sub,
    remaining: Math.min(MAX_REMAINING, sub.remaining + 1),
    sent: Math.max(0, sub.sent - 1),
    updatedAt: now,
  };
}

/** What a person answered in wx.requestSubscribeMessage, per template id. */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter';
