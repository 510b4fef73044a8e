/**
 * The building map: its layout (one aggregation), a floor range of cells (the range's units and
 * their layer documents by id) and the legend (core/cockpit, legend.ts). Never the whole registry.
 */
import { floorRows } from '../../core/cockpit/map';
import type { Decision } from '../../core/decisions';
import type { Article } from '../../core/articles';
import type { Unit } from '../../core/registry/model';
import { shanghaiMonthDay } from '../../core/registry/time';
import type {
  LastMileWork,
  MapChoiceView,
  MapFloorsRequest,
  MapFloorsView,
  MapLayerRequest,
  MapLayoutView,
  MapLegendView,
  MapOverviewView,
} from '../../typings/cockpit';
import type { UseCaseContext } from '../auth/guard';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { loadBuilding } from '../households/registry';
import { find } from '../repository/docs';
import { docsOf } from '../repository/results';
import { legendCounts } from './legend';
import { resolveLayer, statusesOf } from './layers';

/** The most units one answer carries: a range holding more comes back with fewer floors. */
export const UNITS_PER_ANSWER = 600;
export const FLOORS_PER_ANSWER = 20;

const DECISION_NOTES: Partial<Record<Decision['status'], string>> = {
  open: '投票中',
  closed: '已截止',
  preliminary: '初步结果公示中',
  final: '已公布结果',
};

async function layoutOf(db: Db, buildingId: string): Promise<MapLayoutView> {
  const result: unknown = await db
    .collection('units')
    .aggregate()
    .match({ buildingId })
    .group({ _id: '$floor', n: { $sum: 1 } })
    .group({
      _id: null,
      top: { $max: '$_id' },
      bottom: { $min: '$_id' },
      floors: { $sum: 1 },
      units: { $sum: '$n' },
      columns: { $max: '$n' },
    })
    .limit(1)
    .end();
  const row = (result as { list?: Array<Record<string, unknown>> } | null)?.list?.[0];
  const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
  return {
    topFloor: num(row?.top),
    bottomFloor: num(row?.bottom),
    floorCount: num(row?.floors),
    units: num(row?.units),
    columns: num(row?.columns),
  };
}

/** The vote of an open decision, else the money: what the last mile works on now. */
export function workAtHand(decisions: readonly Decision[]): LastMileWork {
  const open = decisions.find((d) => d.status === 'open');
  return open ? { kind: 'vote', decisionId: open._id, title: open.title } : { kind: 'money' };
}

export async function decisionsWithRoll(db: Db, buildingId: string): Promise<Decision[]> {
  const list = await find<Decision>(
    db,
    'decisions',
    { buildingId },
    { orderBy: ['createdAt', 'desc'], limit: 50 },
  );
  return list.filter((d) => d.electorate !== null);
}

export async function mapOverview(ctx: UseCaseContext): Promise<MapOverviewView> {
  const building = await loadBuilding(ctx.db);
  const [layout, decisions, articles] = await Promise.all([
    layoutOf(ctx.db, building._id),
    decisionsWithRoll(ctx.db, building._id),
    find<Article>(
      ctx.db,
      'articles',
      { buildingId: building._id, status: 'published' },
      { orderBy: ['publishedAt', 'desc'], limit: 10 },
    ),
  ]);
  return {
    layout,
    decisions: decisions.map((d): MapChoiceView => ({
      id: d._id,
      title: d.title,
      note: DECISION_NOTES[d.status] ?? '',
    })),
    articles: articles.map((a): MapChoiceView => ({
      id: a._id,
      title: a.title,
      note: `${shanghaiMonthDay(a.publishedAt)}发布`,
    })),
    work: workAtHand(decisions),
  };
}

/** Units of floors `from` down to `to`, top floor first, in room-number order on each floor. */
export async function unitsOfFloors(
  db: Db,
  buildingId: string,
  from: number,
  to: number,
  limit: number,
): Promise<Unit[]> {
  const _ = db.command;
  return docsOf<Unit>(
    db
      .collection('units')
      .where({ buildingId, floor: _.gte(to).and(_.lte(from)) })
      .orderBy('floor', 'desc')
      .orderBy('unitNo', 'asc')
      .limit(limit)
      .get(),
  );
}

export async function mapFloors(
  request: MapFloorsRequest,
  ctx: UseCaseContext,
): Promise<MapFloorsView> {
  if (request.fromFloor < request.toFloor) {
    throw new AppError('INVALID_INPUT', '楼层范围应从高到低，如 24 层到 15 层');
  }
  if (request.fromFloor - request.toFloor >= FLOORS_PER_ANSWER) {
    throw new AppError('INVALID_INPUT', `一次最多查看 ${FLOORS_PER_ANSWER} 层`);
  }
  const building = await loadBuilding(ctx.db);
  const [layer, fetched] = await Promise.all([
    resolveLayer(ctx.db, request.layer),
    unitsOfFloors(ctx.db, building._id, request.fromFloor, request.toFloor, UNITS_PER_ANSWER + 1),
  ]);
  let units = fetched;
  let nextFloor = request.toFloor - 1;
  if (fetched.length > UNITS_PER_ANSWER) {
    // The range holds more than one answer carries: stop before the floor that did not fit.
    const cut = fetched[UNITS_PER_ANSWER]?.floor ?? request.toFloor;
    const whole = fetched.filter((u) => u.floor > cut);
    units = whole.length ? whole : fetched.slice(0, UNITS_PER_ANSWER);
    nextFloor = whole.length ? cut : cut - 1;
  }
  const statuses = await statusesOf(layer, units, ctx);
  const rows = floorRows(
    units.map((u) => ({ unitId: u._id, unitNo: u.unitNo, floor: u.floor })),
    (id) => statuses.get(id) ?? '',
  );
  return { floors: rows, nextFloor };
}

export async function mapLegend(
  request: { layer: MapLayerRequest },
  ctx: UseCaseContext,
): Promise<MapLegendView> {
  const building = await loadBuilding(ctx.db);
  const layer = await resolveLayer(ctx.db, request.layer);
  const { units, entries } = await legendCounts(ctx.db, building._id, layer);
  return { layer: layer.layer, units, entries };
}
