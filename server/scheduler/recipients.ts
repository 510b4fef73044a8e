import type { TemplateKey } from '../../core/reminders/templates';
import type { Member, ProxyGrant, Unit } from '../../core/registry/model';
import type { CollectionName } from '../collections';
import type { Db } from '../cloud';
import type { ReminderMessage } from '../reminders/deliver';
import { find } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { type ClockContext, type ClockReport, count } from './clock';

/**
 * What the reminder clocks share: who subscribed (the starting point, so a run reads little when
 * nobody did), their member and proxy documents, and sending a batch of keyed messages while
 * skipping keys already in the log in bulk.
 */

/** `_.in` lists are kept short: the database answers faster and the request stays small. */
const IN_CHUNK = 100;

export async function findIn<T>(
  db: Db,
  collection: CollectionName,
  field: string,
  values: readonly string[],
  where: Record<string, unknown> = {},
): Promise<T[]> {
  const unique = [...new Set(values)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += IN_CHUNK) {
    const part = unique.slice(i, i + IN_CHUNK);
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
export async function subscribersOf(db: Db, templateKey: TemplateKey): Promise<string[]> {
  const subs = await readAll<{ openid: string }>(db, 'subscriptions', {
    templateKey,
    remaining: db.command.gt(0),
  });
  return subs.map((s) => s.openid);
}

export interface Payers {
  members: Member[];
  proxies: ProxyGrant[];
  /** Units any of them may be paying for: their links and their proxies' units. */
  unitIds: string[];
}

/** Subscribers' member documents and active proxies: what decides whom a unit's news goes to. */
export async function payersAmong(db: Db, openids: readonly string[]): Promise<Payers> {
  if (openids.length === 0) return { members: [], proxies: [], unitIds: [] };
  const [members, proxies] = await Promise.all([
    findIn<Member>(db, 'members', '_id', openids),
    findIn<ProxyGrant>(db, 'proxies', 'proxyOpenid', openids, { status: 'active' }),
  ]);
  const unitIds = [
    ...new Set([
      ...members.flatMap((m) => m.links.filter((l) => l.as === 'owner').map((l) => l.unitId)),
      ...proxies.filter((p) => p.scope.pay).flatMap((p) => p.unitIds),
    ]),
  ];
  return { members, proxies, unitIds };
}

export async function unitsById(db: Db, ids: readonly string[]): Promise<Map<string, Unit>> {
  const units = await findIn<Unit>(db, 'units', '_id', ids);
  return new Map(units.map((u) => [u._id, u]));
}

/**
 * Sends each message once: keys already in the log are counted and skipped without a
 * transaction each, the rest go through `ctx.send` (which checks again, and takes a grant).
 * Returns false when the run's time was up before all were tried.
 */
export async function sendAll(
  ctx: ClockContext,
  report: ClockReport,
  messages: readonly ReminderMessage[],
): Promise<boolean> {
  if (messages.length === 0) return true;
  const logged = new Set(
    (
      await findIn<{ _id: string }>(
        ctx.db,
        'reminderLog',
        '_id',
        messages.map((m) => m.key),
      )
    ).map((e) => e._id),
  );
  for (const message of messages) {
    if (logged.has(message.key)) {
      count(report, 'already-sent');
      continue;
    }
    if (ctx.outOfTime()) {
      report.notes.push('本次运行时间已到，其余提醒下次运行时继续发送');
      return false;
    }
    count(report, await ctx.send(message));
  }
  return true;
}
