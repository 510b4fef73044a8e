import type {
  LastMileFilterName,
  LastMileView,
  LogContactRequest,
  LastMileRowView,
} from '../../typings/api';
import {
  afterContact,
  countLastMile,
  filterLastMile,
  lastMileRows,
} from '../../core/registry/lastMile';
import type { ContactLogEntry, ContactStatus, Unit } from '../../core/registry/model';
import { ownersOn } from '../../core/registry/rights';
import { shanghaiIso } from '../../core/registry/time';
import type { UseCaseContext } from '../auth/guard';
import { randomId } from '../auth/secrets';
import { writeAudit } from '../repository/audit';
import { inTransaction } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { loadBuilding, loadPeople, loadUnit } from './registry';

/**
 * The last-mile tracker: staff and organizers see which households were reached and log each
 * call or visit. Phone numbers appear for admins only.
 */
export async function lastMile(
  request: { filter: LastMileFilterName; offset?: number; limit?: number },
  ctx: UseCaseContext,
): Promise<LastMileView> {
  const caller = await ctx.caller();
  const building = await loadBuilding(ctx.db);
  const [units, contacts] = await Promise.all([
    readAll<Unit>(ctx.db, 'units', { buildingId: building._id }),
    readAll<ContactStatus>(ctx.db, 'contacts', { buildingId: building._id }),
  ]);
  const people = await loadPeople(
    ctx.db,
    units.flatMap((u) => ownersOn(u, ctx.now)),
  );
  const rows = lastMileRows({
    units,
    people,
    contacts,
    now: ctx.now,
    includePhones: caller.roles.includes('admin'),
  });
  // A page at a time for the tracker: at 10,000 units the whole list is over a megabyte, more
  // than one answer or one setData may carry.
  const matching = filterLastMile(rows, request.filter);
  const offset = request.offset ?? 0;
  const page =
    request.limit === undefined
      ? matching.slice(offset)
      : matching.slice(offset, offset + request.limit);
  const next = offset + page.length;
  return {
    filter: request.filter,
    counts: countLastMile(rows),
    rows: page,
    total: matching.length,
    nextOffset: next < matching.length ? next : null,
  };
}

/** households.logContact: one call, visit or WeChat message, and the unit's state after it. */
export async function logContact(
  request: LogContactRequest,
  ctx: UseCaseContext,
): Promise<{ row: LastMileRowView }> {
  const caller = await ctx.caller();
  const at = shanghaiIso(ctx.now);
  const { unit, status } = await inTransaction(ctx.db, async (tx) => {
    const unit = await loadUnit(tx, request.unitId);
    const before = await tx.get<ContactStatus>('contacts', unit._id);
    const note = request.note?.trim() ?? '';
    const status = afterContact(
      before,
      { _id: unit._id, buildingId: unit.buildingId, unitId: unit._id },
      {
        channel: request.channel,
        reached: request.reached,
        note,
        overseas: request.overseas,
        needsHomeVisit: request.needsHomeVisit,
        by: caller.label,
        at,
      },
    );
    await tx.set('contacts', unit._id, status);
    const entry: ContactLogEntry = {
      _id: randomId('c'),
      buildingId: unit.buildingId,
      unitId: unit._id,
      channel: request.channel,
      reached: request.reached,
      note,
      byOpenid: caller.openid,
      byLabel: caller.label,
      at,
    };
    await tx.add('contactLog', entry);
    await writeAudit(tx, ctx, caller, 'households.logContact', `unit:${unit._id}`, {
      channel: request.channel,
      reached: request.reached,
    });
    return { unit, status };
  });
  const people = await loadPeople(ctx.db, ownersOn(unit, ctx.now));
  const [row] = lastMileRows({
    units: [unit],
    people,
    contacts: [status],
    now: ctx.now,
    includePhones: caller.roles.includes('admin'),
  });
  if (!row) throw new Error('logContact: no row for the unit');
  return { row };
}
