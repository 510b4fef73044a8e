/**
 * The legend's counts over the whole building, each layer in one aggregation request (plus a
 * count or two), so the legend costs the same at 138 units and at 10,000. The statuses follow
 * core/cockpit/map.ts; test/cloud/cockpit.test.ts checks that the counts here equal the cells
 * counted floor by floor.
 */
import { legendOf, type LegendEntry } from '../../core/cockpit/map';
import type { Db } from '../cloud';
import type { CollectionName } from '../collections';
import { countOf } from '../repository/docs';
import type { ResolvedLayer } from './layers';

type Expr = Record<string, unknown>;

const first = (path: string): Expr => ({ $arrayElemAt: [path, 0] });
const any = (path: string): Expr => ({ $in: [true, path] });

async function groupCounts(
  db: Db,
  collection: CollectionName,
  match: Record<string, unknown>,
  stages: ReadonlyArray<[kind: 'lookup' | 'project', value: Expr]>,
): Promise<Map<string, number>> {
  let pipeline = db.collection(collection).aggregate().match(match);
  for (const [kind, value] of stages) {
    pipeline = kind === 'lookup' ? pipeline.lookup(value) : pipeline.project(value);
  }
  const result: unknown = await pipeline
    .group({ _id: '$s', n: { $sum: 1 } })
    .limit(100)
    .end();
  const list = result && typeof result === 'object' ? (result as { list?: unknown }).list : null;
  const counts = new Map<string, number>();
  if (Array.isArray(list)) {
    for (const row of list as Array<{ _id?: unknown; n?: unknown }>) {
      if (typeof row._id === 'string' && typeof row.n === 'number') counts.set(row._id, row.n);
    }
  }
  return counts;
}

/** A decision's roll: each unit by the ballot that covers it, or by whether staff reached it. */
async function voteCounts(db: Db, decisionId: string): Promise<Map<string, number>> {
  return groupCounts(db, 'rolls', { decisionId }, [
    ['lookup', { from: 'ballots', localField: 'unitId', foreignField: 'units.unitId', as: 'b' }],
    ['lookup', { from: 'contacts', localField: 'unitId', foreignField: '_id', as: 'c' }],
    [
      'project',
      {
        b: { $filter: { input: '$b', as: 'x', cond: { $eq: ['$$x.decisionId', decisionId] } } },
        c: first('$c'),
      },
    ],
    [
      'project',
      {
        s: {
          $switch: {
            branches: [
              {
                case: { $gt: [{ $size: '$b' }, 0] },
                then: {
                  $cond: [{ $eq: [first('$b.voice'), 'proxy'] }, 'proxy', first('$b.channel')],
                },
              },
              {
                case: { $and: [{ $eq: ['$c.reached', false] }, { $gt: ['$c.attempts', 0] }] },
                then: 'unreachable',
              },
            ],
            default: 'notYet',
          },
        },
      },
    ],
  ]);
}

async function payCounts(db: Db): Promise<Map<string, number>> {
  return groupCounts(db, 'balances', { kind: 'unit' }, [
    [
      'project',
      {
        s: {
          $switch: {
            branches: [
              { case: { $lte: ['$chargedFen', 0] }, then: 'none' },
              { case: { $lte: ['$postedFen', 0] }, then: 'paid' },
              { case: { $lt: ['$pendingFen', 0] }, then: 'cashPending' },
              { case: { $lt: ['$postedFen', '$chargedFen'] }, then: 'partly' },
            ],
            default: 'unpaid',
          },
        },
      },
    ],
  ]);
}

/** The tracker's rules (core/registry/lastMile.ts): staff's word first, else the registry's. */
async function contactCounts(db: Db, buildingId: string): Promise<Map<string, number>> {
  return groupCounts(db, 'units', { buildingId }, [
    ['lookup', { from: 'people', localField: 'ownerIds', foreignField: '_id', as: 'o' }],
    ['lookup', { from: 'contacts', localField: '_id', foreignField: '_id', as: 'c' }],
    ['project', { o: 1, n: { $size: '$ownerIds' }, c: first('$c') }],
    [
      'project',
      {
        n: 1,
        reached: { $ifNull: ['$c.reached', false] },
        attempts: { $ifNull: ['$c.attempts', 0] },
        overseas: { $ifNull: ['$c.overseas', any('$o.overseas')] },
        visit: {
          $ifNull: ['$c.needsHomeVisit', { $and: [any('$o.elderly'), any('$o.noSmartphone')] }],
        },
      },
    ],
    [
      'project',
      {
        s: {
          $switch: {
            branches: [
              { case: { $eq: ['$n', 0] }, then: 'none' },
              { case: { $eq: ['$visit', true] }, then: 'visit' },
              {
                case: { $and: [{ $ne: ['$reached', true] }, { $gt: ['$attempts', 0] }] },
                then: 'unreached',
              },
              { case: { $eq: ['$overseas', true] }, then: 'abroad' },
              { case: { $eq: ['$reached', true] }, then: 'reached' },
            ],
            default: 'never',
          },
        },
      },
    ],
  ]);
}

export async function legendCounts(
  db: Db,
  buildingId: string,
  layer: ResolvedLayer,
): Promise<{ units: number; entries: LegendEntry[] }> {
  const unitsCount = countOf(db, 'units', { buildingId });
  switch (layer.layer) {
    case 'vote': {
      const [units, onRoll, counts] = await Promise.all([
        unitsCount,
        countOf(db, 'rolls', { decisionId: layer.decision._id }),
        voteCounts(db, layer.decision._id),
      ]);
      if (units > onRoll) counts.set('off', units - onRoll);
      return { units, entries: legendOf('vote', counts) };
    }
    case 'pay': {
      const [units, counts] = await Promise.all([unitsCount, payCounts(db)]);
      const charged = [...counts].reduce((n, [s, c]) => (s === 'none' ? n : n + c), 0);
      counts.set('none', Math.max(0, units - charged));
      return { units, entries: legendOf('pay', counts) };
    }
    case 'contact': {
      const [units, counts] = await Promise.all([unitsCount, contactCounts(db, buildingId)]);
      return { units, entries: legendOf('contact', counts) };
    }
    case 'read': {
      const [units, read] = await Promise.all([
        unitsCount,
        countOf(db, 'articleReads', { articleId: layer.articleId }),
      ]);
      const counts = new Map([
        ['read', read],
        ['unread', Math.max(0, units - read)],
      ]);
      return { units, entries: legendOf('read', counts) };
    }
  }
}
