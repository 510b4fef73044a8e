import type { MySubscriptionsView, ReminderTemplateView, SubscribeAnswer } from '../../typings/api';
import { isoAt } from '../../core/decisions';
import { type Subscription, afterAccept, emptySubscription } from '../../core/reminders/quota';
import {
  type TemplateAudience,
  type TemplateKey,
  TEMPLATE_KEYS,
  TEMPLATES,
  templateById,
} from '../../core/reminders/templates';
import type { Role } from '../../core/registry/model';
import { type UseCaseContext, requireOpenid } from '../auth/guard';
import { AppError } from '../errors';
import { find, inTransaction } from '../repository/docs';
import { loadSubscription, readSubscription } from './store';

/**
 * What a person accepted in wx.requestSubscribeMessage, recorded as quota: one accept, one
 * message. WeChat tells the server nothing about accepts, so the client reports them; a claim
 * that was not true costs nothing — the send is refused (43101) and the quota zeroed.
 */

const AUDIENCE_ROLES: Record<TemplateAudience, readonly Role[] | null> = {
  everyone: null,
  voters: ['owner', 'proxy'],
  organizers: ['organizer', 'admin'],
  payers: ['owner', 'proxy'],
  owners: ['owner'],
};

function concerns(audience: TemplateAudience, roles: readonly Role[]): boolean {
  const wanted = AUDIENCE_ROLES[audience];
  return wanted === null || wanted.some((r) => roles.includes(r));
}

async function viewFor(ctx: UseCaseContext, openid: string): Promise<MySubscriptionsView> {
  const [caller, stored] = await Promise.all([
    ctx.caller(),
    find<unknown>(ctx.db, 'subscriptions', { openid }, { limit: 100 }),
  ]);
  const mine = new Map<string, Subscription>();
  for (const raw of stored) {
    const sub = readSubscription(raw);
    mine.set(sub.templateKey, sub);
  }
  const templates: ReminderTemplateView[] = TEMPLATE_KEYS.map((key) => {
    const spec = TEMPLATES[key];
    const sub = mine.get(key);
    return {
      key,
      templateId: spec.id,
      title: spec.title,
      when: spec.when,
      forMe: concerns(spec.audience, caller.roles),
      remaining: sub?.remaining ?? 0,
      lastSentAt: sub?.lastSentAt ?? null,
      refusedAt: sub?.refusedAt ?? null,
    };
  });
  return { templates };
}

export async function mySubscriptions(
  _request: Record<string, never>,
  ctx: UseCaseContext,
): Promise<MySubscriptionsView> {
  return viewFor(ctx, requireOpenid(ctx));
}

export async function subscribe(
  request: { answers: Record<string, SubscribeAnswer> },
  ctx: UseCaseContext,
): Promise<MySubscriptionsView> {
  const openid = requireOpenid(ctx);
  const accepted: TemplateKey[] = [];
  for (const [id, answer] of Object.entries(request.answers)) {
    const spec = templateById(id);
    if (!spec) throw new AppError('INVALID_INPUT', '没有这种消息提醒，请更新小程序后再试');
    if (answer === 'accept') accepted.push(spec.key);
  }
  const now = isoAt(ctx.now);
  if (accepted.length) {
    await inTransaction(ctx.db, async (tx) => {
      for (const key of accepted) {
        const current =
          (await loadSubscription(tx, openid, key)) ?? emptySubscription(openid, key, now);
        const next = afterAccept(current, now);
        await tx.set('subscriptions', next._id, next);
      }
    });
  }
  return viewFor(ctx, openid);
}
