/**
 * The registry as the funds area reads it: the building's units in room order (the order that
 * breaks apportionment ties), and the caller's own units with what they may do for each.
 */
import type { Member, Person, ProxyGrant, Unit } from '../../core/registry/model';
import { byRoom } from '../../core/registry/lastMile';
import { ownersOn, unitRights, type UnitRights } from '../../core/registry/rights';
import type { SchemeUnit } from '../../core/funds/schemes';
import type { Caller } from '../auth/caller';
import type { UseCaseContext } from '../auth/guard';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { find, type Docs } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { loadBuilding } from '../households/registry';

export { loadBuilding };

/** Every unit of the building in room order, as the split takes them (a thousand a request). */
export async function buildingUnits(db: Db, buildingId: string): Promise<SchemeUnit[]> {
  const units = await readAll<Unit>(db, 'units', { buildingId });
  return units.sort(byRoom).map((u) => ({
    unitId: u._id,
    unitNo: u.unitNo,
    floor: u.floor,
    areaHundredths: u.areaHundredths,
  }));
}

export async function loadUnit(store: Docs, unitId: string): Promise<Unit> {
  const unit = await store.get<Unit>('units', unitId);
  if (!unit) throw new AppError('NOT_FOUND', '没有找到这套房屋');
  return unit;
}

export interface MyUnit {
  unit: Unit;
  rights: UnitRights;
  /** How the caller is tied to it: 业主 / 代理人 / 住户. */
  asLabel: string;
}

/** Active authorizations the caller holds as a proxy (one request). */
export function proxiesHeld(db: Db, openid: string): Promise<ProxyGrant[]> {
  return find<ProxyGrant>(db, 'proxies', { proxyOpenid: openid, status: 'active' }, { limit: 200 });
}

/**
 * The units the caller owns, lives in or acts for as a proxy today, in room order, each with
 * the caller's rights (computed by the registry's rules against `now`).
 */
export async function myUnits(ctx: UseCaseContext, caller: Caller): Promise<MyUnit[]> {
  const member = caller.member;
  if (!member) return [];
  const held = await proxiesHeld(ctx.db, caller.openid);
  const ids = new Set<string>(member.links.map((l) => l.unitId));
  for (const p of held) p.unitIds.forEach((id) => ids.add(id));
  if (ids.size === 0) return [];
  const units = await find<Unit>(
    ctx.db,
    'units',
    { _id: ctx.db.command.in([...ids]) },
    { limit: 1000 },
  );
  return units
    .sort(byRoom)
    .map((unit) => ({ unit, rights: unitRights({ member, unit, proxies: held, now: ctx.now }) }))
    .filter(({ rights }) => rights.read)
    .map(({ unit, rights }) => ({ unit, rights, asLabel: asLabel(member, unit, rights, ctx.now) }));
}

function asLabel(member: Member, unit: Unit, rights: UnitRights, now: Date): string {
  if (ownersOn(unit, now).includes(member.personId)) return '业主';
  if (rights.pay.kind !== 'none' || rights.vote.kind !== 'none') return '代理人';
  return '住户';
}

/** The person's registered name, for receipts ("who paid"); the member's label otherwise. */
export async function payerName(db: Db, caller: Caller): Promise<string> {
  const personId = caller.member?.personId;
  if (personId) {
    const [person] = await find<Person>(db, 'people', { _id: personId }, { limit: 1 });
    if (person?.name) return person.name;
  }
  return caller.member?.label ?? '微信用户';
}

/** The first owner's name on the day, for masking on pay links and receipts. */
export async function ownerName(db: Db, unit: Unit, now: Date): Promise<string> {
  const [first] = ownersOn(unit, now);
  if (!first) return '开发商';
  const [person] = await find<Person>(db, 'people', { _id: first }, { limit: 1 });
  return person?.name ?? '业主';
}
