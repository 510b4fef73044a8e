/**
 * One unit's history for the map's unit sheet: its ballots with their channel, its money, the
 * contacts staff logged and the proxies its owners gave. A fixed handful of requests by id or by
 * indexed field, whatever the building's size.
 */
import { channelLabel } from '../../core/cockpit/map';
import { anchorOf, ballotId, type Ballot } from '../../core/decisions';
import type { ContactLogEntry, ProxyGrant, Unit } from '../../core/registry/model';
import { ownersOn, proxyState } from '../../core/registry/rights';
import type { UnitHistoryProxyView, UnitHistoryView } from '../../typings/cockpit';
import type { UseCaseContext } from '../auth/guard';
import { AppError } from '../errors';
import { loadBuilding } from '../households/registry';
import { unitLedger } from '../ledger/reading';
import { docs, find } from '../repository/docs';
import { readByIds } from '../repository/readAll';
import { contactRowsOf } from './layers';
import { decisionsWithRoll } from './map';

const PROXY_STATES = { invited: '待接受', active: '有效', expired: '已过期', revoked: '已撤销' };

function scopeLabel(p: ProxyGrant): string {
  if (p.scope.vote && p.scope.pay) return '投票和缴款';
  return p.scope.vote ? '投票' : '缴款';
}

export async function unitHistory(
  request: { unitId: string },
  ctx: UseCaseContext,
): Promise<UnitHistoryView> {
  const unit = await docs(ctx.db).get<Unit>('units', request.unitId);
  if (!unit) throw new AppError('NOT_FOUND', `没有找到房屋 ${request.unitId}`);
  const caller = await ctx.caller();
  const owners = ownersOn(unit, ctx.now);
  const building = await loadBuilding(ctx.db);
  const [rows, decisions, money, log, proxies] = await Promise.all([
    contactRowsOf(ctx.db, [unit], ctx.now, caller.roles.includes('admin')),
    decisionsWithRoll(ctx.db, building._id),
    unitLedger({ unitId: unit._id }, ctx),
    find<ContactLogEntry>(
      ctx.db,
      'contactLog',
      { unitId: unit._id },
      { orderBy: ['at', 'desc'], limit: 20 },
    ),
    owners.length
      ? find<ProxyGrant>(
          ctx.db,
          'proxies',
          { ownerPersonId: ctx.db.command.in(owners) },
          { limit: 100 },
        )
      : Promise.resolve([]),
  ]);
  const contact = rows.get(unit._id);
  if (!contact) throw new Error('unitHistory: no contact row for the unit');
  const ballots = await readByIds<Ballot>(
    ctx.db,
    'ballots',
    decisions.map((d) =>
      ballotId(d._id, d.electorate ? anchorOf(d.electorate, unit._id) : unit._id),
    ),
  );
  const ballotOf = new Map(ballots.map((b) => [b.decisionId, b]));
  return {
    unitId: unit._id,
    unitNo: unit.unitNo,
    floor: unit.floor,
    contact,
    votes: decisions.map((d) => {
      const b = ballotOf.get(d._id);
      const covers = b?.units.some((u) => u.unitId === unit._id) ?? false;
      return {
        decisionId: d._id,
        decisionTitle: d.title,
        open: d.status === 'open',
        ballot:
          b && covers
            ? {
                decisionId: d._id,
                decisionTitle: d.title,
                channel: b.channel,
                channelLabel: channelLabel(b.channel, b.voice),
                voice: b.voice,
                castAt: b.castAt,
                coveredUnitNos: b.units.filter((u) => u.unitId !== unit._id).map((u) => u.unitNo),
              }
            : null,
      };
    }),
    money: { standing: money.unit, entries: money.entries },
    contacts: log.map((c) => ({
      channel: c.channel,
      reached: c.reached,
      note: c.note,
      byLabel: c.byLabel,
      at: c.at,
    })),
    proxies: proxies
      .filter((p) => p.unitIds.includes(unit._id))
      .map((p): UnitHistoryProxyView => ({
        proxyName: p.proxyName,
        scopeLabel: scopeLabel(p),
        stateLabel: PROXY_STATES[proxyState(p, ctx.now)],
        validUntil: p.validUntil,
      })),
  };
}
