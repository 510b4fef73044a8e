/**
 * Elevator outages and the help around them. The schedule of each elevator's stop days is a
 * notice of its own. Households with someone registered as elderly or of limited mobility ask for
 * help on a day and time slot (themselves, or through staff when they have no phone); neighbours
 * sign up for a request; staff and organizers see which requests have someone, which do not, and
 * which registered households have not asked at all.
 */
import type {
  CoverageView,
  HelpKindName,
  HelpRequestView,
  HelpUnitView,
  OutageDetailView,
  OutageView,
  TimeSlotName,
  UnaskedHouseholdView,
} from '../../typings/api';
import {
  MAX_VOLUNTEERS,
  byDaySlotFloor,
  coverageOf,
  helpDateProblem,
  outageProblem,
  type HelpRequest,
  type Outage,
} from '../../core/progress';
import type { Member, Person, Unit } from '../../core/registry/model';
import { byRoom } from '../../core/registry/lastMile';
import { shanghaiDate, shanghaiIso } from '../../core/registry/time';
import type { Caller } from '../auth/caller';
import type { UseCaseContext } from '../auth/guard';
import { randomId } from '../auth/secrets';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { loadBuilding, loadPeople, loadUnits } from '../households/registry';
import { unitByRoom } from '../households/unitByRoom';
import { auditEntry } from '../repository/audit';
import { type Docs, docs, find, inTransaction } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { assertCleanText } from './content';
import { helpView, outageView } from './views';

function isFieldWorker(caller: Pick<Caller, 'roles'>): boolean {
  return ['staff', 'organizer', 'admin'].some((r) =>
    caller.roles.includes(r as Caller['roles'][0]),
  );
}

function isOrganizer(caller: Pick<Caller, 'roles'>): boolean {
  return caller.roles.includes('organizer') || caller.roles.includes('admin');
}

/** Flats the caller lives in or owns (not those they act for as a proxy from afar). */
function linkedUnitIds(caller: Caller): string[] {
  return caller.member?.links.map((l) => l.unitId) ?? [];
}

function viewerOf(caller: Caller): {
  openid: string;
  unitIds: string[];
  organizer: boolean;
  canCancelAny: boolean;
} {
  return {
    openid: caller.openid,
    unitIds: linkedUnitIds(caller),
    organizer: isFieldWorker(caller),
    canCancelAny: isOrganizer(caller),
  };
}

async function loadOutage(store: Docs, outageId: string): Promise<Outage> {
  const outage = await store.get<Outage>('outages', outageId);
  if (!outage) throw new AppError('NOT_FOUND', '没有找到这份停梯安排');
  return outage;
}

/**
 * Why each flat may ask for help: 高龄 / 行动不便 of anyone who owns it or is bound to it as a
 * resident. Flats with no one registered so are absent. Three reads, whatever the flats.
 */
async function householdFlags(db: Db, units: readonly Unit[]): Promise<Map<string, string>> {
  const flags = new Map<string, string>();
  if (!units.length) return flags;
  const ids = units.map((u) => u._id);
  const members = await find<Member>(
    db,
    'members',
    { unitIds: db.command.in(ids) },
    { limit: 1000 },
  );
  const personsOf = new Map<string, Set<string>>(units.map((u) => [u._id, new Set(u.ownerIds)]));
  for (const m of members) {
    for (const link of m.links) personsOf.get(link.unitId)?.add(m.personId);
  }
  const people = await loadPeople(
    db,
    [...personsOf.values()].flatMap((s) => [...s]),
  );
  const byId = new Map(people.map((p) => [p._id, p]));
  for (const [unitId, persons] of personsOf) {
    const found = [...persons].map((id) => byId.get(id)).filter((p): p is Person => !!p);
    const why = [
      found.some((p) => p.elderly) ? '高龄' : null,
      found.some((p) => p.limitedMobility === true) ? '行动不便' : null,
      found.some((p) => (p.elderly || p.limitedMobility === true) && p.noSmartphone)
        ? '无智能手机'
        : null,
    ].filter((w): w is string => w !== null);
    if (why.length && (why[0] === '高龄' || why[0] === '行动不便'))
      flags.set(unitId, why.join('、'));
  }
  return flags;
}

/** Registered households with no open request for this outage, top floors first. */
async function unaskedHouseholds(
  db: Db,
  buildingId: string,
  requests: readonly HelpRequest[],
): Promise<UnaskedHouseholdView[]> {
  const [elderly, mobility] = await Promise.all([
    readAll<Person>(db, 'people', { elderly: true }),
    readAll<Person>(db, 'people', { limitedMobility: true }),
  ]);
  const personIds = [...new Set([...elderly, ...mobility].map((p) => p._id))];
  if (!personIds.length) return [];
  const _ = db.command;
  const [owned, members] = await Promise.all([
    readAll<Unit>(db, 'units', { buildingId, ownerIds: _.in(personIds) }),
    readAll<Member>(db, 'members', { personId: _.in(personIds) }),
  ]);
  const linked = members.flatMap((m) => m.links.map((l) => l.unitId));
  const known = new Set(owned.map((u) => u._id));
  const units = [
    ...owned,
    ...(await loadUnits(
      db,
      linked.filter((id) => !known.has(id)),
    )),
  ];
  const flags = await householdFlags(db, units);
  const asked = new Set(requests.filter((r) => r.status === 'open').map((r) => r.unitId));
  return units
    .filter((u) => flags.has(u._id) && !asked.has(u._id))
    .sort((a, b) => b.floor - a.floor || byRoom(a, b))
    .map((u) => ({ unitNo: u.unitNo, floor: u.floor, why: flags.get(u._id) ?? '' }));
}

/** updates.publishOutage: one elevator's stop days, as a notice of its own. */
export async function publishOutage(
  request: { elevator: string; from: string; to: string; note: string },
  ctx: UseCaseContext,
): Promise<OutageView> {
  const caller = await ctx.caller();
  const building = await loadBuilding(ctx.db);
  const today = shanghaiDate(ctx.now);
  const problem = outageProblem(request.from, request.to, today);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  await assertCleanText([request.elevator, request.note], caller.openid);
  const outage: Outage = {
    _id: randomId('og'),
    buildingId: building._id,
    elevator: request.elevator.trim(),
    from: request.from,
    to: request.to,
    note: request.note.trim(),
    publishedAt: shanghaiIso(ctx.now),
    publishedBy: caller.openid,
  };
  await inTransaction(ctx.db, async (tx) => {
    const { _id, ...fields } = outage;
    await tx.set('outages', _id, fields);
    await tx.add(
      'audit',
      auditEntry(ctx, caller, 'updates.publishOutage', _id, { from: outage.from, to: outage.to }),
    );
  });
  return outageView(outage, today);
}

/** updates.outage: the schedule, its open help requests, and what the caller may do. */
export async function outageDetail(
  request: { outageId: string },
  ctx: UseCaseContext,
): Promise<OutageDetailView> {
  const caller = await ctx.caller();
  const today = shanghaiDate(ctx.now);
  const [outage, all, mine] = await Promise.all([
    loadOutage(docs(ctx.db), request.outageId),
    readAll<HelpRequest>(ctx.db, 'helpRequests', { outageId: request.outageId }),
    loadUnits(ctx.db, linkedUnitIds(caller)),
  ]);
  const open = all.filter((r) => r.status === 'open').sort(byDaySlotFloor);
  const fieldWorker = isFieldWorker(caller);
  const [flags, unasked] = await Promise.all([
    householdFlags(ctx.db, mine),
    fieldWorker ? unaskedHouseholds(ctx.db, outage.buildingId, open) : Promise.resolve([]),
  ]);
  const myUnits: HelpUnitView[] = mine.map((u) => ({
    unitNo: u.unitNo,
    floor: u.floor,
    eligible: flags.has(u._id),
  }));
  const coverage: CoverageView | null = fieldWorker ? { ...coverageOf(open), unasked } : null;
  const viewer = viewerOf(caller);
  return {
    outage: outageView(outage, today),
    today,
    requests: open.map((r) => helpView(r, viewer)),
    myUnits,
    canRequestForOthers: fieldWorker,
    coverage,
  };
}

/** updates.requestHelp: a registered household asks for help on one day and slot. */
export async function requestHelp(
  request: {
    outageId: string;
    unitNo: string;
    kind: HelpKindName;
    date: string;
    slot: TimeSlotName;
    note: string;
  },
  ctx: UseCaseContext,
): Promise<HelpRequestView> {
  const caller = await ctx.caller();
  const today = shanghaiDate(ctx.now);
  const store = docs(ctx.db);
  const outage = await loadOutage(store, request.outageId);
  const problem = helpDateProblem(outage, request.date, today);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  const unit = await unitByRoom(ctx.db, outage.buildingId, request.unitNo);
  if (!isFieldWorker(caller) && !linkedUnitIds(caller).includes(unit._id)) {
    throw new AppError('FORBIDDEN', '只能为自己家申请帮助；邻居需要帮助，请告诉换梯小组');
  }
  const flags = await householdFlags(ctx.db, [unit]);
  if (!flags.has(unit._id)) {
    throw new AppError(
      'FORBIDDEN',
      '停梯期间的上门帮助留给登记为高龄或行动不便的住户；需要登记请联系换梯小组',
    );
  }
  await assertCleanText([request.note], caller.openid);
  // One request per household, day, slot and kind: asking twice meets the first in the transaction.
  const id = `${outage._id}:${unit._id}:${request.date}:${request.slot}:${request.kind}`;
  const help: HelpRequest = {
    _id: id,
    buildingId: outage.buildingId,
    outageId: outage._id,
    unitId: unit._id,
    unitNo: unit.unitNo,
    floor: unit.floor,
    kind: request.kind,
    date: request.date,
    slot: request.slot,
    note: request.note.trim(),
    requestedBy: caller.openid,
    requestedAt: shanghaiIso(ctx.now),
    status: 'open',
    volunteers: [],
  };
  await inTransaction(ctx.db, async (tx) => {
    const existing = await tx.get<HelpRequest>('helpRequests', id);
    if (existing && existing.status === 'open') {
      throw new AppError('CONFLICT', '这一天这个时段已经申请过同样的帮助');
    }
    const { _id, ...fields } = help;
    await tx.set('helpRequests', _id, fields);
    await tx.add(
      'audit',
      auditEntry(ctx, caller, 'updates.requestHelp', _id, { unitId: unit._id }),
    );
  });
  return helpView(help, viewerOf(caller));
}

type HelpChange = (request: HelpRequest, caller: Caller, today: string) => Partial<HelpRequest>;

/** Reads the request in a transaction, lets `change` decide, writes it with an audit entry. */
async function changeHelp(
  requestId: string,
  ctx: UseCaseContext,
  action: string,
  change: HelpChange,
): Promise<HelpRequestView> {
  const caller = await ctx.caller();
  const today = shanghaiDate(ctx.now);
  const changed = await inTransaction(ctx.db, async (tx) => {
    const found = await tx.get<HelpRequest>('helpRequests', requestId);
    if (!found) throw new AppError('NOT_FOUND', '没有找到这条求助');
    const fields = change({ ...found, _id: requestId }, caller, today);
    await tx.update('helpRequests', requestId, fields);
    await tx.add('audit', auditEntry(ctx, caller, action, requestId, null));
    return { ...found, ...fields, _id: requestId };
  });
  return helpView(changed, viewerOf(caller));
}

export function cancelHelp(
  request: { requestId: string },
  ctx: UseCaseContext,
): Promise<HelpRequestView> {
  return changeHelp(request.requestId, ctx, 'updates.cancelHelp', (help, caller) => {
    const own = help.requestedBy === caller.openid || linkedUnitIds(caller).includes(help.unitId);
    if (!own && !isOrganizer(caller)) {
      throw new AppError('FORBIDDEN', '只有申请的住户或换梯小组可以取消这条求助');
    }
    if (help.status === 'cancelled') throw new AppError('CONFLICT', '这条求助已经取消了');
    return { status: 'cancelled' };
  });
}

export function volunteer(
  request: { requestId: string },
  ctx: UseCaseContext,
): Promise<HelpRequestView> {
  return changeHelp(request.requestId, ctx, 'updates.volunteer', (help, caller, today) => {
    if (help.status !== 'open') throw new AppError('CONFLICT', '这条求助已经取消了');
    if (help.date < today) throw new AppError('CONFLICT', '这一天已经过去了');
    if (linkedUnitIds(caller).includes(help.unitId)) {
      throw new AppError('FORBIDDEN', '这是您家的求助，请邻居来报名');
    }
    if (help.volunteers.some((v) => v.openid === caller.openid)) {
      throw new AppError('CONFLICT', '您已经报名了');
    }
    if (help.volunteers.length >= MAX_VOLUNTEERS) {
      throw new AppError('CONFLICT', `已有 ${MAX_VOLUNTEERS} 位邻居报名，人够了，谢谢您`);
    }
    return {
      volunteers: [
        ...help.volunteers,
        { openid: caller.openid, label: caller.label, at: shanghaiIso(ctx.now) },
      ],
    };
  });
}

export function unvolunteer(
  request: { requestId: string },
  ctx: UseCaseContext,
): Promise<HelpRequestView> {
  return changeHelp(request.requestId, ctx, 'updates.unvolunteer', (help, caller) => {
    if (!help.volunteers.some((v) => v.openid === caller.openid)) {
      throw new AppError('CONFLICT', '您没有报名这条求助');
    }
    return { volunteers: help.volunteers.filter((v) => v.openid !== caller.openid) };
  });
}
