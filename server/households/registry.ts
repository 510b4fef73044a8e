import type { BindingView, CoOwnerView, ProxyScopeView, ProxyView } from '../../typings/api';
import type { Binding, Building, Person, ProxyGrant, Unit } from '../../core/registry/model';
import { byRoom } from '../../core/registry/lastMile';
import { maskName } from '../../core/registry/privacy';
import { ownersOn, proxyState } from '../../core/registry/rights';
import { isCalendarDate, shanghaiDate, addDays } from '../../core/registry/time';
import type { Caller } from '../auth/caller';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import type { Docs } from '../repository/docs';
import { readByIds } from '../repository/readAll';
import { docsOf } from '../repository/results';

/** Reading the registry, and the views every households action shares. */

export async function loadBuilding(db: Db): Promise<Building> {
  const [building] = await docsOf<Building>(db.collection('buildings').limit(1).get());
  if (!building) throw new AppError('NOT_FOUND', '还没有登记楼栋信息');
  return building;
}

export async function loadUnit(store: Docs, unitId: string): Promise<Unit> {
  const unit = await store.get<Unit>('units', unitId);
  if (!unit) throw new AppError('NOT_FOUND', `没有找到房屋 ${unitId}`);
  return unit;
}

/** The units with these ids, in room order; NOT_FOUND names the first missing one. */
export async function loadUnits(db: Db, unitIds: readonly string[]): Promise<Unit[]> {
  const ids = [...new Set(unitIds)];
  if (!ids.length) return [];
  const units = await readByIds<Unit>(db, 'units', ids);
  const missing = ids.find((id) => !units.some((u) => u._id === id));
  if (missing !== undefined) throw new AppError('NOT_FOUND', `没有找到房屋 ${missing}`);
  return units.sort(byRoom);
}

export async function loadPeople(db: Db, personIds: readonly string[]): Promise<Person[]> {
  return readByIds<Person>(db, 'people', personIds);
}

/** Names as people write them: spaces and letter case do not make another person. */
export function sameName(a: string, b: string): boolean {
  return a.replace(/\s/g, '').toLowerCase() === b.replace(/\s/g, '').toLowerCase();
}

export function isOrganizer(caller: Pick<Caller, 'roles'>): boolean {
  return caller.roles.includes('organizer') || caller.roles.includes('admin');
}

/** The caller owns the unit today, or is an organizer: may manage its owners and proxies. */
export function assertManages(caller: Caller, unit: Unit, now: Date, what: string): void {
  if (isOrganizer(caller)) return;
  const personId = caller.member?.personId;
  if (personId && ownersOn(unit, now).includes(personId)) return;
  throw new AppError('FORBIDDEN', `只有 ${unit.unitNo} 的业主或换梯小组可以${what}`);
}

/**
 * The fields that settle a transfer whose day has come, so a write based on today's owners
 * does not leave the old list behind.
 */
export function settledOwners(unit: Unit, now: Date): Pick<Unit, 'ownerIds' | 'transfer'> {
  const transfer = unit.transfer ?? null;
  if (transfer && shanghaiDate(now) >= transfer.effectiveDate) {
    return { ownerIds: transfer.toOwnerIds, transfer: null };
  }
  return { ownerIds: unit.ownerIds, transfer };
}

export function coOwnersView(
  unit: Unit,
  people: readonly Person[],
  now: Date,
  myPersonId: string | null,
): CoOwnerView[] {
  const byId = new Map(people.map((p) => [p._id, p]));
  return ownersOn(unit, now).map((id, index) => ({
    personId: id,
    name: byId.get(id)?.name ?? '（未登记姓名）',
    isVoter: index === 0,
    isMe: id === myPersonId,
  }));
}

export function bindingView(binding: Binding): BindingView {
  return {
    id: binding._id,
    unitId: binding.unitId,
    unitNo: binding.unitNo,
    as: binding.as,
    name: binding.name,
    method: binding.method,
    status: binding.status,
    requestedAt: binding.requestedAt,
    decidedAt: binding.decidedAt,
    reason: binding.reason,
  };
}

export function proxyView(
  proxy: ProxyGrant,
  context: { units: readonly Unit[]; ownerName: string; now: Date; maskOwner?: boolean },
): ProxyView {
  const unitNos = proxy.unitIds.map(
    (id) => context.units.find((u) => u._id === id)?.unitNo ?? id.replace(/^u/, ''),
  );
  return {
    id: proxy._id,
    unitIds: [...proxy.unitIds],
    unitNos,
    ownerName: context.maskOwner ? maskName(context.ownerName) : context.ownerName,
    proxyName: proxy.proxyName,
    scope: { ...proxy.scope },
    validUntil: proxy.validUntil,
    state: proxyState(proxy, context.now),
    source: proxy.source,
    createdAt: proxy.createdAt,
    acceptedAt: proxy.acceptedAt,
    revokedAt: proxy.revokedAt,
    evidenceFileId: proxy.evidenceFileId,
  };
}

/** How far ahead an authorization may run: long enough for a whole project, not forever. */
const MAX_PROXY_DAYS = 3 * 366;

export function checkProxyTerms(scope: ProxyScopeView, validUntil: string, now: Date): void {
  if (!scope.vote && !scope.pay) {
    throw new AppError('INVALID_INPUT', '请至少选择委托“投票”或“缴款”中的一项');
  }
  if (!isCalendarDate(validUntil)) {
    throw new AppError('INVALID_INPUT', '有效期应为日期，例如 2027-06-30');
  }
  if (validUntil < shanghaiDate(now)) {
    throw new AppError('INVALID_INPUT', '有效期不能早于今天');
  }
  if (validUntil > addDays(now, MAX_PROXY_DAYS)) {
    throw new AppError('INVALID_INPUT', '委托有效期最长三年');
  }
}

/** Person documents by id through a Docs scope (transactions cannot query). */
export async function getPerson(store: Docs, personId: string): Promise<Person | null> {
  return store.get<Person>('people', personId);
}
