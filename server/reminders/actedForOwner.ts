/**
 * Telling owners what was done in their name: when a proxy casts their ballot online, or someone
 * who is not an owner of the flat (a proxy, a relative through a pay link) pays its share, each
 * owner of the flat with WeChat gets one subscription message ("代办通知"). It goes through
 * sendReminder, so the quota rules hold (only with a grant the owner gave; a refusal is never
 * retried) and each event is sent at most once: its key names the ballot's cast or the payment.
 *
 * Called with one line from the cast and from the payment's credit; it never fails them — a
 * message that cannot go is logged by sendReminder and the vote or payment stands.
 */
import type { CastReceiptView } from '../../typings/api';
import type { Decision } from '../../core/decisions/model';
import type { RollEntry } from '../../core/decisions/roll';
import type { PayOrder } from '../../core/funds/model';
import type { Member, ProxyGrant, Unit } from '../../core/registry/model';
import { templateTime } from '../../core/registry/time';
import { amountValue, thingValue } from '../../core/reminders/templates';
import type { Db } from '../cloud';
import { docs, find } from '../repository/docs';
import { type SendOutcome, sendReminder } from './deliver';

export interface ActedForOwnerResult {
  /** One outcome per owner's WeChat told (empty when there was nobody to tell). */
  outcomes: SendOutcome[];
}

async function ownersWeChat(
  db: Db,
  personIds: readonly string[],
  actor: string,
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const members = await find<Member>(
    db,
    'members',
    { personId: db.command.in([...personIds]) },
    { limit: 20 },
  );
  return members.map((m) => m.openid).filter((openid) => openid !== actor);
}

async function sendToAll(
  db: Db,
  openids: readonly string[],
  message: (openid: string) => Parameters<typeof sendReminder>[1],
  now: Date,
  source: string,
): Promise<ActedForOwnerResult> {
  const outcomes: SendOutcome[] = [];
  for (const openid of openids) outcomes.push(await sendReminder(db, message(openid), now, source));
  return { outcomes };
}

/** A proxy's online ballot: "黎勇代您投票" / "同意：施工期间停梯安排". */
export async function tellOwnerOfProxyVote(
  ctx: { db: Db; now: Date },
  input: { decision: Decision; entry: RollEntry; proxyOpenid: string; receipt: CastReceiptView },
): Promise<ActedForOwnerResult> {
  const { db, now } = ctx;
  const { decision, entry, proxyOpenid, receipt } = input;
  // The same ballot again changes nothing, and an owner's own ballot needs no news.
  if (receipt.voice !== 'proxy' || !receipt.changed || !entry.voterId) return { outcomes: [] };
  try {
    const [openids, grants] = await Promise.all([
      ownersWeChat(db, [entry.voterId], proxyOpenid),
      find<ProxyGrant>(
        db,
        'proxies',
        { proxyOpenid, ownerPersonId: entry.voterId, status: 'active' },
        { limit: 5 },
      ),
    ]);
    const who = grants[0]?.proxyName ?? '您的代理人';
    const key = `actedForYou:vote:${decision._id}:${entry.unitId}:${receipt.casts}`;
    return await sendToAll(
      db,
      openids,
      (openid) => ({
        key: `${key}:${openid}`,
        openid,
        templateKey: 'actedForYou',
        page: `pages/decision-detail/index?id=${encodeURIComponent(decision._id)}`,
        data: {
          thing1: { value: thingValue(`${who}代您投票`) },
          thing2: { value: thingValue(`${receipt.choiceLabel}：${decision.title}`) },
          time3: { value: templateTime(now) },
        },
      }),
      now,
      'decisions',
    );
  } catch (error) {
    console.warn(`telling the owner of ${entry.unitNo} about a proxy's vote failed:`, error);
    return { outcomes: [] };
  }
}

/** A payment credited to a flat by someone who is not its owner: "黎勇代您缴款" / "5-02 ¥6799.60". */
export async function tellOwnerOfPayment(
  db: Db,
  input: { order: PayOrder; now: Date },
): Promise<ActedForOwnerResult> {
  const { order, now } = input;
  try {
    const unit = await docs(db).get<Unit>('units', order.unitId);
    const owners = unit?.ownerIds ?? [];
    if (order.payer.personId && owners.includes(order.payer.personId)) return { outcomes: [] };
    const openids = await ownersWeChat(db, owners, order.payer.openid);
    return await sendToAll(
      db,
      openids,
      (openid) => ({
        key: `actedForYou:pay:${order._id}:${openid}`,
        openid,
        templateKey: 'actedForYou',
        page: 'pages/money/index',
        data: {
          thing1: { value: thingValue(`${order.payer.name || '亲友'}代您缴款`) },
          thing2: { value: thingValue(`${order.unitNo} 已入账 ${amountValue(order.amountFen)}`) },
          time3: { value: templateTime(order.paidAt ?? now) },
        },
      }),
      now,
      'funds',
    );
  } catch (error) {
    console.warn(`telling the owners of ${order.unitNo} about a payment failed:`, error);
    return { outcomes: [] };
  }
}
