/**
 * Each unit's status in a map layer, for a slice of the building (a floor range, a page of the
 * last mile): a few requests by id for the slice, whatever the building's size.
 */
import {
  contactStatus,
  payStatus,
  readStatus,
  voteStatus,
  type MapLayer,
} from '../../core/cockpit/map';
import { anchorOf, ballotId, rollEntryId, type Ballot, type Decision } from '../../core/decisions';
import { unitAccount } from '../../core/ledger/accounts';
import { lastMileRows, type LastMileRow } from '../../core/registry/lastMile';
import type { ContactStatus, Unit } from '../../core/registry/model';
import { ownersOn } from '../../core/registry/rights';
import type { MapLayerRequest } from '../../typings/cockpit';
import type { UseCaseContext } from '../auth/guard';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { loadPeople } from '../households/registry';
import { docs } from '../repository/docs';
import { readByIds } from '../repository/readAll';
import type { BalanceDoc } from '../ledger/store';

/** A layer with the document it is about, read once per call. */
export type ResolvedLayer =
  | { layer: 'vote'; decision: Decision }
  | { layer: 'pay' }
  | { layer: 'contact' }
  | { layer: 'read'; articleId: string };

export function layerName(layer: ResolvedLayer): MapLayer {
  return layer.layer;
}

export async function resolveLayer(db: Db, request: MapLayerRequest): Promise<ResolvedLayer> {
  if (request.layer === 'vote') {
    const decision = await docs(db).get<Decision>('decisions', request.decisionId);
    if (!decision) throw new AppError('NOT_FOUND', '没有找到这个表决议题');
    if (!decision.electorate) {
      throw new AppError('CONFLICT', '这个议题还没有开始投票，没有投票名册');
    }
    return { layer: 'vote', decision };
  }
  if (request.layer === 'read') {
    const article = await docs(db).get<{ status?: string }>('articles', request.articleId);
    if (!article) throw new AppError('NOT_FOUND', '没有找到这篇公告');
    return { layer: 'read', articleId: request.articleId };
  }
  return request;
}

/** The contact rows of some units (owners, reached, overseas, home visit), as the tracker has them. */
export async function contactRowsOf(
  db: Db,
  units: readonly Unit[],
  now: Date,
  includePhones: boolean,
): Promise<Map<string, LastMileRow>> {
  if (!units.length) return new Map();
  const [people, contacts] = await Promise.all([
    loadPeople(
      db,
      units.flatMap((u) => ownersOn(u, now)),
    ),
    readByIds<ContactStatus>(
      db,
      'contacts',
      units.map((u) => u._id),
    ),
  ]);
  const rows = lastMileRows({ units, people, contacts, now, includePhones });
  return new Map(rows.map((r) => [r.unitId, r]));
}

async function voteStatuses(
  db: Db,
  decision: Decision,
  units: readonly Unit[],
): Promise<Map<string, string>> {
  const electorate = decision.electorate;
  if (!electorate) throw new AppError('CONFLICT', '这个议题还没有开始投票，没有投票名册');
  const ids = units.map((u) => u._id);
  const [rolls, ballots, contacts] = await Promise.all([
    readByIds<{ unitId: string }>(
      db,
      'rolls',
      ids.map((id) => rollEntryId(decision._id, id)),
    ),
    readByIds<Ballot>(
      db,
      'ballots',
      ids.map((id) => ballotId(decision._id, anchorOf(electorate, id))),
    ),
    readByIds<ContactStatus>(db, 'contacts', ids),
  ]);
  const onRoll = new Set(rolls.map((r) => r.unitId));
  const ballotOf = new Map<string, Ballot>();
  for (const b of ballots) for (const u of b.units) ballotOf.set(u.unitId, b);
  const contactOf = new Map(contacts.map((c) => [c.unitId, c]));
  return new Map(
    ids.map((id) => [
      id,
      voteStatus({
        onRoll: onRoll.has(id),
        ballot: ballotOf.get(id) ?? null,
        contact: contactOf.get(id) ?? null,
      }),
    ]),
  );
}

async function payStatuses(db: Db, units: readonly Unit[]): Promise<Map<string, string>> {
  const balances = await readByIds<BalanceDoc>(
    db,
    'balances',
    units.map((u) => unitAccount(u._id)),
  );
  const byUnit = new Map(balances.map((b) => [b.unitId ?? '', b]));
  return new Map(units.map((u) => [u._id, payStatus(byUnit.get(u._id) ?? null)]));
}

async function readStatuses(
  db: Db,
  articleId: string,
  units: readonly Unit[],
): Promise<Map<string, string>> {
  const reads = await readByIds<{ unitId: string }>(
    db,
    'articleReads',
    units.map((u) => `${articleId}:${u._id}`),
  );
  const read = new Set(reads.map((r) => r.unitId));
  return new Map(units.map((u) => [u._id, readStatus(read.has(u._id))]));
}

/** Every unit's status in the layer; the contact rows too when the layer is contacts. */
export async function statusesOf(
  layer: ResolvedLayer,
  units: readonly Unit[],
  ctx: Pick<UseCaseContext, 'db' | 'now'>,
): Promise<Map<string, string>> {
  if (!units.length) return new Map();
  switch (layer.layer) {
    case 'vote':
      return voteStatuses(ctx.db, layer.decision, units);
    case 'pay':
      return payStatuses(ctx.db, units);
    case 'read':
      return readStatuses(ctx.db, layer.articleId, units);
    case 'contact': {
      const rows = await contactRowsOf(ctx.db, units, ctx.now, false);
      return new Map(
        units.map((u) => {
          const row = rows.get(u._id);
          return [
            u._id,
            contactStatus({
              unsold: !row || row.owners.length === 0,
              reached: row?.reached ?? false,
              attempts: row?.attempts ?? 0,
              overseas: row?.overseas ?? false,
              needsHomeVisit: row?.needsHomeVisit ?? false,
            }),
          ];
        }),
      );
    }
  }
}
