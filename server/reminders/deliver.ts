import { isoAt } from '../../core/decisions/lifecycle';
import { afterFailure, afterRefusal, subscriptionId } from '../../core/reminders/quota';
import { type MessageLogEntry, REFUSED, decideSend } from '../../core/reminders/sending';
import { type TemplateKey, TEMPLATES } from '../../core/reminders/templates';
import { type Db, sdk } from '../cloud';
import { platformErrorCode } from '../platform';
import { docs, inTransaction } from '../repository/docs';
import { loadSubscription } from './store';

/**
 * Sends one subscription message, at most once and only with a grant: the message's key goes into
 * the log and one grant leaves the person's quota in the same transaction, then WeChat is asked.
 * A 43101 answer (refused, or no grant on WeChat's side) zeroes the quota and is never retried;
 * any other failure gives the grant back and is logged, not retried either.
 *
 * Every area sends through here: the scheduler's clocks, and events such as "cash receipt posted"
 * or "new progress update" (`sendReminder(db, {...}, new Date(), 'ledger')`).
 */
export interface ReminderMessage {
  /** The same on every attempt (e.g. `receiptPosted:<entryId>:<openid>`): sent at most once. */
  key: string;
  openid: string;
  templateKey: TemplateKey;
  /** The mini program page the message opens, with its query. */
  page: string;
  /** One value per keyword of the template. */
  data: Record<string, { value: string }>;
}

export type SendOutcome = 'sent' | 'already-sent' | 'no-quota' | 'refused' | 'failed';

interface SubscribeSlice {
  subscribeMessage: {
    send(params: {
      touser: string;
      templateId: string;
      page: string;
      data: Record<string, { value: string }>;
      miniprogramState: 'developer' | 'trial' | 'formal';
      lang: 'zh_CN';
    }): Promise<unknown>;
  };
}

/** The message opens the released version unless the deployer says otherwise. */
function miniprogramState(): 'developer' | 'trial' | 'formal' {
  const value = process.env.TONGTI_MINIPROGRAM_STATE;
  return value === 'developer' || value === 'trial' ? value : 'formal';
}

export async function sendReminder(
  db: Db,
  message: ReminderMessage,
  now: Date,
  source: string,
): Promise<SendOutcome> {
  const at = isoAt(now);
  const decision = await inTransaction(db, async (tx) => {
    const logged = await tx.get<MessageLogEntry>('reminderLog', message.key);
    const subscription = await loadSubscription(tx, message.openid, message.templateKey);
    const verdict = decideSend({ alreadyLogged: logged !== null, subscription, now: at });
    if (!verdict.send) return verdict;
    await tx.set('subscriptions', verdict.subscription._id, verdict.subscription);
    const entry: MessageLogEntry = {
      _id: message.key,
      openid: message.openid,
      templateKey: message.templateKey,
      page: message.page,
      status: 'sending',
      errCode: null,
      createdAt: at,
      updatedAt: at,
      source,
    };
    await tx.set('reminderLog', message.key, entry);
    return verdict;
  });
  if (!decision.send) return decision.reason;

  try {
    await (sdk().openapi as unknown as SubscribeSlice).subscribeMessage.send({
      touser: message.openid,
      templateId: TEMPLATES[message.templateKey].id,
      page: message.page,
      data: message.data,
      miniprogramState: miniprogramState(),
      lang: 'zh_CN',
    });
  } catch (error) {
    const errCode = platformErrorCode(error);
    const refused = errCode === REFUSED;
    if (!refused) console.warn(`subscribeMessage.send ${message.key} failed:`, error);
    await inTransaction(db, async (tx) => {
      const sub = await loadSubscription(tx, message.openid, message.templateKey);
      if (sub) {
        const next = refused ? afterRefusal(sub, at) : afterFailure(sub, at);
        await tx.set('subscriptions', subscriptionId(message.openid, message.templateKey), next);
      }
      await tx.update('reminderLog', message.key, {
        status: refused ? 'refused' : 'failed',
        errCode,
        updatedAt: at,
      });
    });
    return refused ? 'refused' : 'failed';
  }
  await docs(db).update('reminderLog', message.key, { status: 'sent', updatedAt: at });
  return 'sent';
}
