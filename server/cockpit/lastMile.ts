/**
 * The last mile of the work at hand: for an open decision the owners who have not voted, for the
 * money the units that have not paid — each with the contact row the tracker keeps
 * (households.lastMile, core/registry/lastMile.ts), phones for admins only. Staff log a visit
 * with households.logContact.
 *
 * The walk goes floor by floor from a cursor, a few hundred units a round and a few rounds a
 * call, so a call costs the same requests at 138 units and at 10,000; a building where almost
 * everyone is done takes a few more pages, never a bigger one.
 */
import {
  cursorText,
  parseCursor,
  statusLabel,
  TO_DO,
  type FloorCursor,
} from '../../core/cockpit/map';
import type { Unit } from '../../core/registry/model';
import type {
  CockpitLastMileRequest,
  CockpitLastMileView,
  LastMileWork,
} from '../../typings/cockpit';
import type { UseCaseContext } from '../auth/guard';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { loadBuilding } from '../households/registry';
import { docsOf } from '../repository/results';
import { legendCounts } from './legend';
import { decisionsWithRoll, workAtHand } from './map';
import { contactRowsOf, resolveLayer, statusesOf, type ResolvedLayer } from './layers';

const ROUND = 250;
const ROUNDS = 4;

async function unitsAfter(
  db: Db,
  buildingId: string,
  cursor: FloorCursor | null,
  limit: number,
): Promise<Unit[]> {
  const _ = db.command;
  const where = cursor
    ? _.or([
        { buildingId, floor: _.gt(cursor.floor) },
        { buildingId, floor: cursor.floor, unitNo: _.gt(cursor.unitNo) },
      ])
    : { buildingId };
  return docsOf<Unit>(
    db
      .collection('units')
      .where(where)
      .orderBy('floor', 'asc')
      .orderBy('unitNo', 'asc')
      .limit(limit)
      .get(),
  );
}

export async function cockpitLastMile(
  request: CockpitLastMileRequest,
  ctx: UseCaseContext,
): Promise<CockpitLastMileView> {
  const limit = request.limit ?? 20;
  const caller = await ctx.caller();
  const building = await loadBuilding(ctx.db);
  const asked = request.work ?? workAtHand(await decisionsWithRoll(ctx.db, building._id));
  const layer: ResolvedLayer = await resolveLayer(
    ctx.db,
    asked.kind === 'vote' ? { layer: 'vote', decisionId: asked.decisionId } : { layer: 'pay' },
  );
  if (layer.layer === 'vote' && layer.decision.status !== 'open') {
    throw new AppError('CONFLICT', '这个议题不在投票期，没有要催的票');
  }
  const kind = layer.layer === 'vote' ? 'vote' : 'pay';
  const todo = TO_DO[kind];
  let cursor = parseCursor(request.after);
  if (request.after && !cursor) throw new AppError('INVALID_INPUT', '翻页位置不对，请从头查看');
  const found: Array<{ unit: Unit; status: string }> = [];
  let ended = false;
  for (let round = 0; round < ROUNDS && found.length < limit && !ended; round += 1) {
    const units = await unitsAfter(ctx.db, building._id, cursor, ROUND);
    ended = units.length < ROUND;
    const statuses = await statusesOf(layer, units, ctx);
    for (const unit of units) {
      cursor = { floor: unit.floor, unitNo: unit.unitNo };
      const status = statuses.get(unit._id) ?? '';
      if (todo.includes(status)) found.push({ unit, status });
      if (found.length === limit) {
        ended = ended && unit === units[units.length - 1];
        break;
      }
    }
  }
  const [rows, legend] = await Promise.all([
    contactRowsOf(
      ctx.db,
      found.map((f) => f.unit),
      ctx.now,
      caller.roles.includes('admin'),
    ),
    legendCounts(ctx.db, building._id, layer),
  ]);
  const work: LastMileWork =
    layer.layer === 'vote'
      ? { kind: 'vote', decisionId: layer.decision._id, title: layer.decision.title }
      : { kind: 'money' };
  return {
    work,
    rows: found.flatMap(({ unit, status }) => {
      const contact = rows.get(unit._id);
      return contact ? [{ contact, status, statusLabel: statusLabel(kind, status) }] : [];
    }),
    nextAfter: ended || !cursor ? null : cursorText(cursor),
    remaining: legend.entries
      .filter((e) => todo.includes(e.status))
      .reduce((n, e) => n + e.count, 0),
  };
}
