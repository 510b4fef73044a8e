import type {
  MySubscriptionsView,
  ReminderTemplateKey,
  ReminderTemplateView,
  SubscribeAnswer,
} from '../../typings/api';
import { callApi } from './cloud';

/**
 * Subscription messages. WeChat shows its consent sheet only from a tap, so `askToSubscribe`
 * must be called directly in the tap handler (it calls wx.requestSubscribeMessage before its
 * first await); then what the person accepted is recorded, one message per accept.
 * The template ids come from the server (server config, core/reminders/templates.ts), read once.
 */

let templatesOnce: Promise<ReminderTemplateView[]> | null = null;

export async function mySubscriptions(): Promise<MySubscriptionsView> {
  const view = await callApi('reminders', 'mySubscriptions', {});
  templatesOnce = Promise.resolve(view.templates);
  return view;
}

/** The templates and their ids, read once per session (the ids never change while it runs). */
export function reminderTemplates(): Promise<ReminderTemplateView[]> {
  templatesOnce ??= mySubscriptions()
    .then((v) => v.templates)
    .catch((error: unknown) => {
      templatesOnce = null;
      throw error;
    });
  return templatesOnce;
}

export interface SubscribeOutcome {
  /** How many of the asked templates the person accepted. */
  accepted: number;
  /** The person turned messages off for this mini program (or WeChat refused to ask). */
  blocked: boolean;
  view: MySubscriptionsView | null;
}

const ANSWERS: ReadonlySet<string> = new Set(['accept', 'reject', 'ban', 'filter']);

/** Asks WeChat for the templates (≤ 3, from a tap), then records the accepts. */
export async function askToSubscribe(templateIds: string[]): Promise<SubscribeOutcome> {
  let result: Record<string, unknown>;
  try {
    result = (await wx.requestSubscribeMessage({
      tmplIds: templateIds,
    })) as unknown as Record<string, unknown>;
  } catch {
    return { accepted: 0, blocked: true, view: null };
  }
  const answers: Record<string, SubscribeAnswer> = {};
  for (const id of templateIds) {
    const answer = result[id];
    if (typeof answer === 'string' && ANSWERS.has(answer)) {
      answers[id] = answer as SubscribeAnswer;
    }
  }
  const accepted = Object.values(answers).filter((a) => a === 'accept').length;
  if (accepted === 0) return { accepted, blocked: false, view: null };
  const view = await callApi('reminders', 'subscribe', { answers });
  templatesOnce = Promise.resolve(view.templates);
  return { accepted, blocked: false, view };
}

/** The ids of the given templates, in order, from the templates the server named. */
export function idsOf(
  templates: readonly ReminderTemplateView[],
  keys: readonly ReminderTemplateKey[],
): string[] {
  return keys
    .map((k) => templates.find((t) => t.key === k)?.templateId ?? '')
    .filter((id) => id !== '');
}
