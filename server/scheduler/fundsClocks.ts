import { type Charge } from '../../core/funds/model';
import { unitAccount } from '../../core/ledger/accounts';
import { payersOf } from '../../core/reminders/payers';
import {
  type PostedReceipt,
  postedReceiptReminders,
  receiptKey,
  receiptNewsSince,
} from '../../core/reminders/receiptPosted';
import { DUE_SOON_DAYS, dueShares, shareDueKey } from '../../core/reminders/shareDue';
import { addDays, shanghaiIso } from '../../core/registry/time';
import { balancesOf } from '../ledger/balances';
import type { ReminderMessage } from '../reminders/deliver';
import { type Clock, emptyReport } from './clock';
import { findIn, payersAmong, sendAll, subscribersOf, unitsById } from './recipients';

/**
 * The money reminders. Both start from the people who subscribed: their units are the only ones
 * looked at, so a run with no subscribers costs one read.
 */

/** "My share is due": charges due within 3 days or overdue, whose unit still owes something. */
export const shareDueClock: Clock = {
  name: 'shareDue',
  async run(ctx) {
    const report = emptyReport();
    const { db, now } = ctx;
    const payers = await payersAmong(db, await subscribersOf(db, 'shareDue'));
    if (payers.unitIds.length === 0) return report;
    const charges = await findIn<Charge>(db, 'charges', 'unitId', payers.unitIds, {
      dueDate: db.command.lte(addDays(now, DUE_SOON_DAYS)),
    });
    if (charges.length === 0) return report;
    const owing = [...new Set(charges.map((c) => c.unitId))];
    const balances = await balancesOf(owing.map(unitAccount), db);
    const leftFen = new Map(
      owing.map((u) => {
        const b = balances.get(unitAccount(u));
        return [u, (b?.postedFen ?? 0) + (b?.pendingFen ?? 0)];
      }),
    );
    const due = dueShares({ charges, leftFen, now });
    const units = await unitsById(db, [...new Set(due.map((d) => d.unitId))]);
    const messages: ReminderMessage[] = [];
    for (const reminder of due) {
      const unit = units.get(reminder.unitId);
      if (!unit) continue;
      const to = payersOf({ unit, decisionId: reminder.decisionId, ...payers, now });
      for (const openid of to) {
        messages.push({
          key: shareDueKey(reminder, openid),
          openid,
          templateKey: 'shareDue',
          page: reminder.page,
          data: reminder.data,
        });
      }
    }
    await sendAll(ctx, report, messages);
    return report;
  },
};

/** "Cash receipt posted": receipts the treasurer posted in the last 48 hours, to the unit's payers. */
export const receiptPostedClock: Clock = {
  name: 'receiptPosted',
  async run(ctx) {
    const report = emptyReport();
    const { db, now } = ctx;
    const payers = await payersAmong(db, await subscribersOf(db, 'receiptPosted'));
    if (payers.unitIds.length === 0) return report;
    const receipts = await findIn<PostedReceipt>(db, 'cashReceipts', 'unitId', payers.unitIds, {
      settlement: 'posted',
      settledAt: db.command.gte(shanghaiIso(receiptNewsSince(now))),
    });
    const news = postedReceiptReminders(receipts, now);
    if (news.length === 0) return report;
    const units = await unitsById(db, [...new Set(news.map((r) => r.unitId))]);
    const messages: ReminderMessage[] = [];
    for (const reminder of news) {
      const unit = units.get(reminder.unitId);
      if (!unit) continue;
      for (const openid of payersOf({ unit, decisionId: null, ...payers, now })) {
        messages.push({
          key: receiptKey(reminder, openid),
          openid,
          templateKey: 'receiptPosted',
          page: reminder.page,
          data: reminder.data,
        });
      }
    }
    await sendAll(ctx, report, messages);
    return report;
  },
};
