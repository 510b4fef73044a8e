import * as z from 'zod';
import { TEMPLATE_KEYS } from '../../core/reminders/templates';
import { type Subscription, subscriptionId } from '../../core/reminders/quota';
import type { TemplateKey } from '../../core/reminders/templates';
import type { Docs } from '../repository/docs';

/** Subscriptions as stored, read through a schema so a bad document is an error, not a crash. */
const subscriptionSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  templateKey: z.enum(TEMPLATE_KEYS),
  remaining: z.number().int().min(0),
  accepted: z.number().int().min(0),
  sent: z.number().int().min(0),
  lastAcceptedAt: z.string().nullable(),
  lastSentAt: z.string().nullable(),
  refusedAt: z.string().nullable(),
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
