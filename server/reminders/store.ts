// zod/mini: the pay callback reads subscriptions too (to tell an owner who paid for them), and
// the full zod would make up most of its bundle.
import * as z from 'zod/mini';
import { TEMPLATE_KEYS } from '../../core/reminders/templates';
import { type Subscription, subscriptionId } from '../../core/reminders/quota';
import type { TemplateKey } from '../../core/reminders/templates';
import type { Docs } from '../repository/docs';

const count = z.int().check(z.minimum(0));

/** Subscriptions as stored, read through a schema so a bad document is an error, not a crash. */
const subscriptionSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  templateKey: z.enum(TEMPLATE_KEYS),
  remaining: count,
  accepted: count,
  sent: count,
  lastAcceptedAt: z.nullable(z.string()),
  lastSentAt: z.nullable(z.string()),
  refusedAt: z.nullable(z.string()),
  updatedAt: z.string(),
});

export function readSubscription(raw: unknown): Subscription {
  return subscriptionSchema.parse(raw);
}

export async function loadSubscription(
  store: Docs,
  openid: string,
  key: TemplateKey,
): Promise<Subscription | null> {
  const raw = await store.get<unknown>('subscriptions', subscriptionId(openid, key));
  return raw === null ? null : readSubscription(raw);
}
