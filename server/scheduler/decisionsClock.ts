import type { Ballot, Decision, RollEntry } from '../../core/decisions';
import {
  type DueReminder,
  dueDecisionReminders,
  messageKey,
  overdueResults,
  votersToRemind,
} from '../../core/reminders/decisionClocks';
import type { TemplateKey } from '../../core/reminders/templates';
import type { Member, ProxyGrant } from '../../core/registry/model';
import type { Db } from '../cloud';
import { find } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { type Clock, type ClockContext, count, emptyReport } from './clock';

/**
 * The decisions' reminders: voting opened, voting closes within 24 hours (to owners and proxies
 * who subscribed and have not voted), and the result's 3-day posting deadline (to organizers, and
 * noted in the run log once overdue). Only people with a grant left are looked at, so a run reads
 * little when nobody subscribed.
 */

/** `_.in` lists are kept short: the database answers faster and the request stays small. */
const IN_CHUNK = 100;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_CHUNK) out.push(items.slice(i, i + IN_CHUNK));
  return out;
}

async function findIn<T>(
  db: Db,
  collection: 'members' | 'proxies' | 'rolls' | 'ballots' | 'reminderLog',
  field: string,
  values: readonly string[],
  where: Record<string, unknown> = {},
): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks([...new Set(values)])) {
    out.push(
      ...(await find<T>(
        db,
        collection,
        { ...where, [field]: db.command.in(part) },
        { limit: 1000 },
      )),
    );
  }
  return out;
}

/** Openids with at least one grant left for the template. */
async function subscribersOf(db: Db, templateKey: TemplateKey): Promise<string[]> {
  const subs = await readAll<{ openid: string }>(db, 'subscriptions', {
    templateKey,
    remaining: db.command.gt(0),
  });
  return subs.map((s) => s.openid);
}

async function organizersAmong(db: Db, openids: readonly string[]): Promise<string[]> {
  const members = await findIn<Member>(db, 'members', '_id', openids);
  return members
    .filter((m) => m.roles.includes('organizer') || m.roles.includes('admin'))
    .map((m) => m._id);
}

async function votersAmong(
  ctx: ClockContext,
  decisionId: string,
  openids: readonly string[],
): Promise<string[]> {
  if (openids.length === 0) return [];
  const { db } = ctx;
  const [members, proxies] = await Promise.all([
    findIn<Member>(db, 'members', '_id', openids),
    findIn<ProxyGrant>(db, 'proxies', 'proxyOpenid', openids, { status: 'active' }),
  ]);
  const personOf = new Map(members.map((m) => [m._id, m.personId]));
  const personIds = [
    ...members.map((m) => m.personId).filter((p): p is string => !!p),
    ...proxies.map((p) => p.ownerPersonId),
  ];
  if (personIds.length === 0) return [];
  const roll = await findIn<RollEntry>(db, 'rolls', 'voterId', personIds, { decisionId });
  const ballots = await findIn<Pick<Ballot, 'personKey'>>(
    db,
    'ballots',
    'personKey',
    roll.map((e) => e.personKey),
    { decisionId },
  );
  return votersToRemind({
    decisionId,
    candidates: openids.map((openid) => ({ openid, personId: personOf.get(openid) ?? null })),
    roll,
    proxies,
    votedPersonKeys: new Set(ballots.map((b) => b.personKey)),
    now: ctx.now,
  });
}

async function recipientsOf(
  ctx: ClockContext,
  reminder: DueReminder,
  subscribers: readonly string[],
): Promise<string[]> {
  if (reminder.audience === 'organizers') return organizersAmong(ctx.db, subscribers);
  return votersAmong(ctx, reminder.decisionId, subscribers);
}

export const decisionsClock: Clock = {
  name: 'decisions',
  async run(ctx) {
    const report = emptyReport();
    const decisions = await find<Decision>(
      ctx.db,
      'decisions',
      { status: ctx.db.command.in(['open', 'closed']) },
      { limit: 1000 },
    );
    const titles = new Map(decisions.map((d) => [d._id, d.title]));
    for (const id of overdueResults(decisions, ctx.now)) {
      report.notes.push(`表决结果公示已逾期：${titles.get(id) ?? id}`);
    }
    const subscribers = new Map<TemplateKey, string[]>();
    for (const reminder of dueDecisionReminders(decisions, ctx.now)) {
      let subs = subscribers.get(reminder.templateKey);
      if (!subs) {
        subs = await subscribersOf(ctx.db, reminder.templateKey);
        subscribers.set(reminder.templateKey, subs);
      }
      const recipients = await recipientsOf(ctx, reminder, subs);
      // Keys already in the log are skipped in bulk: a person with grants left would otherwise
      // cost a transaction on every run just to learn the message went out before.
      const logged = new Set(
        (
          await findIn<{ _id: string }>(
            ctx.db,
            'reminderLog',
            '_id',
            recipients.map((openid) => messageKey(reminder, openid)),
          )
        ).map((e) => e._id),
      );
      for (const openid of recipients) {
        const key = messageKey(reminder, openid);
        if (logged.has(key)) {
          count(report, 'already-sent');
          continue;
        }
        if (ctx.outOfTime()) {
          report.notes.push('本次运行时间已到，其余提醒下次运行时继续发送');
          return report;
        }
        count(
          report,
          await ctx.send({
            key,
            openid,
            templateKey: reminder.templateKey,
            page: reminder.page,
            data: reminder.data,
          }),
        );
      }
    }
    return report;
  },
};
