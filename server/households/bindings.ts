import type {
  BindingRequestResult,
  BindingView,
  RequestBindingByPhoneRequest,
  RequestBindingRequest,
  RoleName,
} from '../../typings/api';
import { normalizeInviteCode } from '../../core/registry/codes';
import { withLink, withoutLink, newMember, newPerson } from '../../core/registry/members';
import type {
  Binding,
  InviteCode,
  LinkKind,
  Member,
  Person,
  Unit,
} from '../../core/registry/model';
import { maskName } from '../../core/registry/privacy';
import { normalizePhone } from '../../core/registry/roster';
import { ownersOn } from '../../core/registry/rights';
import { shanghaiIso } from '../../core/registry/time';
import type { Caller } from '../auth/caller';
import { requireOpenid, type UseCaseContext } from '../auth/guard';
import { hashInviteCode, personIdForOpenid } from '../auth/secrets';
import { AppError } from '../errors';
import { writeAudit } from '../repository/audit';
import { docs, find, inTransaction, type Docs } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { verifiedPhone } from '../platform';
import { bindingView, isOrganizer, loadPeople, loadUnit, sameName } from './registry';

/**
 * Binding a WeChat user to a unit: by the unit's invite code or by a phone number WeChat verified,
 * always approved by an organizer. An owner's claim lives at `own:<unit>:<person>` — one document
 * per owner seat — so when two people race for the same seat the transaction lets one write it
 * and the other reads it back and is told who got there first.
 */

export function ownerSeatId(unitId: string, personId: string): string {
  return `own:${unitId}:${personId}`;
}

export function residentSeatId(unitId: string, openid: string): string {
  return `res:${unitId}:${openid}`;
}

interface Claim {
  id: string;
  unit: Unit;
  as: LinkKind;
  personId: string | null;
  name: string;
}

async function claimSeats(
  ctx: UseCaseContext,
  caller: Caller,
  claims: readonly Claim[],
  method: 'code' | 'phone',
): Promise<BindingView[]> {
  const openid = caller.openid;
  const at = shanghaiIso(ctx.now);
  const results = await inTransaction(ctx.db, async (tx) => {
    const out: Binding[] = [];
    for (const claim of claims) {
      const existing = await tx.get<Binding>('bindings', claim.id);
      const live = existing && (existing.status === 'pending' || existing.status === 'approved');
      if (existing && live && existing.openid !== openid) {
        const who = claim.as === 'owner' ? `业主 ${maskName(claim.name)} ` : '';
        throw new AppError(
          'CONFLICT',
          existing.status === 'approved'
            ? `${claim.unit.unitNo} 的${who}已由另一位微信用户绑定。如果那不是您本人，请联系换梯小组核实。`
            : `${claim.unit.unitNo} 的${who}已由另一位微信用户先一步申请绑定，正在等待换梯小组审核。如果那不是您本人，请联系换梯小组。`,
        );
      }
      if (existing && live) {
        out.push(existing);
        continue;
      }
      const binding: Binding = {
        _id: claim.id,
        buildingId: claim.unit.buildingId,
        unitId: claim.unit._id,
        unitNo: claim.unit.unitNo,
        openid,
        as: claim.as,
        personId: claim.personId,
        name: claim.name,
        method,
        status: 'pending',
        requestedAt: at,
        decidedAt: null,
        decidedBy: null,
        reason: null,
      };
      await tx.set('bindings', claim.id, binding);
      out.push(binding);
    }
    await writeAudit(
      tx,
      ctx,
      caller,
      method === 'code' ? 'households.requestBinding' : 'households.requestBindingByPhone',
      claims.map((c) => `binding:${c.id}`).join(','),
    );
    return out;
  });
  return results.map(bindingView);
}

function resultMessage(bindings: readonly BindingView[]): string {
  if (bindings.every((b) => b.status === 'approved')) return '您已绑定这套房屋';
  const units = bindings.map((b) => b.unitNo).join('、');
  return `已提交 ${units} 的绑定申请，换梯小组核实后即可使用`;
}

/** households.requestBinding: the invite code names the unit; owners give their registered name. */
export async function requestBinding(
  request: RequestBindingRequest,
  ctx: UseCaseContext,
): Promise<BindingRequestResult> {
  requireOpenid(ctx);
  const code = normalizeInviteCode(request.code);
  if (!code) throw new AppError('INVALID_INPUT', '邀请码应为 8 位字母和数字，例如 ABCD-EFGH');
  const store = docs(ctx.db);
  const invite = await store.get<InviteCode>('invites', hashInviteCode(code));
  if (!invite) {
    throw new AppError('NOT_FOUND', '邀请码不正确或已失效，请核对大堂公示的邀请码');
  }
  const unit = await loadUnit(store, invite.unitId);
  const caller = await ctx.caller();
  const name = request.name.trim();
  let claim: Claim;
  if (request.as === 'owner') {
    const people = await loadPeople(ctx.db, ownersOn(unit, ctx.now));
    const person = people.find((p) => sameName(p.name, name));
    if (!person) {
      throw new AppError(
        'INVALID_INPUT',
        `姓名与 ${unit.unitNo} 登记的业主不一致。如果您是家属或租户，请选择“住户”绑定`,
      );
    }
    claim = {
      id: ownerSeatId(unit._id, person._id),
      unit,
      as: 'owner',
      personId: person._id,
      name: person.name,
    };
  } else {
    claim = {
      id: residentSeatId(unit._id, caller.openid),
      unit,
      as: 'resident',
      personId: null,
      name,
    };
  }
  const bindings = await claimSeats(ctx, caller, [claim], 'code');
  return { bindings, message: resultMessage(bindings) };
}

/** households.requestBindingByPhone: the number WeChat verified finds the owner's units. */
export async function requestBindingByPhone(
  request: RequestBindingByPhoneRequest,
  ctx: UseCaseContext,
): Promise<BindingRequestResult> {
  requireOpenid(ctx);
  const verified = await verifiedPhone(request.phoneCode);
  if (!verified) {
    throw new AppError('INVALID_INPUT', '手机号授权已失效，请重新点击“用手机号绑定”');
  }
  const phone =
    verified.countryCode === '86'
      ? normalizePhone(verified.purePhoneNumber)
      : `+${verified.countryCode}${verified.purePhoneNumber}`;
  const people = phone ? await find<Person>(ctx.db, 'people', { phone }, { limit: 20 }) : [];
  const personIds = people.map((p) => p._id);
  const units = personIds.length
    ? await find<Unit>(ctx.db, 'units', { ownerIds: ctx.db.command.in(personIds) }, { limit: 100 })
    : [];
  const claims: Claim[] = [];
  for (const unit of units) {
    for (const person of people) {
      if (ownersOn(unit, ctx.now).includes(person._id)) {
        claims.push({
          id: ownerSeatId(unit._id, person._id),
          unit,
          as: 'owner',
          personId: person._id,
          name: person.name,
        });
      }
    }
  }
  if (!claims.length) {
    throw new AppError(
      'NOT_FOUND',
      '没有找到登记了这个手机号的业主。请使用大堂公示的邀请码绑定，或联系换梯小组',
    );
  }
  const caller = await ctx.caller();
  const bindings = await claimSeats(ctx, caller, claims, 'phone');
  return { bindings, message: resultMessage(bindings) };
}

/** households.listBindingRequests: the organizers' approvals queue, oldest first. */
export async function listBindingRequests(
  ctx: UseCaseContext,
): Promise<{ requests: BindingView[] }> {
  // The whole queue: right after a roster goes out, more than a page of owners may be waiting.
  const pending = await readAll<Binding>(ctx.db, 'bindings', { status: 'pending' });
  pending.sort((a, b) =>
    a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : 0,
  );
  return { requests: pending.map(bindingView) };
}

function memberLabel(name: string, member: Member, unitNos: Map<string, string>): string {
  const owned = member.links
    .filter((l) => l.as === 'owner')
    .map((l) => unitNos.get(l.unitId) ?? l.unitId);
  const lived = member.links
    .filter((l) => l.as === 'resident')
    .map((l) => unitNos.get(l.unitId) ?? l.unitId);
  const parts: string[] = [];
  if (owned.length) parts.push(`业主 ${owned.join('、')}`);
  if (lived.length) parts.push(`住户 ${lived.join('、')}`);
  return parts.length ? `${name}（${parts.join('，')}）` : name;
}

/** households.decideBinding: an organizer approves (the member gets the unit) or turns it down. */
export async function decideBinding(
  request: { bindingId: string; approve: boolean; reason?: string | undefined },
  ctx: UseCaseContext,
): Promise<{ binding: BindingView }> {
  const caller = await ctx.caller();
  const at = shanghaiIso(ctx.now);
  const binding = await inTransaction(ctx.db, async (tx) => {
    const found = await tx.get<Binding>('bindings', request.bindingId);
    if (!found) throw new AppError('NOT_FOUND', '没有找到这条绑定申请');
    if (found.status !== 'pending') throw new AppError('CONFLICT', '这条申请已经处理过了');
    // Separation of duties: an organizer's own unit is vouched for by someone else.
    // Also from another phone: an owner seat of the organizer's own person is theirs too.
    const mine =
      found.openid === caller.openid ||
      (found.personId !== null && found.personId === caller.member?.personId);
    if (mine) {
      throw new AppError('FORBIDDEN', '不能审批自己的绑定申请，须由另一位组织者审批');
    }
    const decided: Binding = {
      ...found,
      decidedAt: at,
      decidedBy: caller.openid,
      reason: request.reason?.trim() || null,
      status: request.approve ? 'approved' : 'rejected',
    };
    if (request.approve) {
      const unit = await loadUnit(tx, found.unitId);
      decided.personId = await linkMember(tx, found, unit, ctx);
    }
    await tx.set('bindings', found._id, decided);
    await writeAudit(tx, ctx, caller, 'households.decideBinding', `binding:${found._id}`, {
      approve: request.approve,
      unitId: found.unitId,
      openid: found.openid,
    });
    return decided;
  });
  return { binding: bindingView(binding) };
}

/** Creates or updates the member of an approved binding; returns its person id. */
async function linkMember(
  tx: Docs,
  binding: Binding,
  unit: Unit,
  ctx: UseCaseContext,
): Promise<string> {
  let member = await tx.get<Member>('members', binding.openid);
  let personId: string;
  let name = binding.name;
  if (binding.as === 'owner') {
    personId = binding.personId ?? '';
    if (!ownersOn(unit, ctx.now).includes(personId)) {
      throw new AppError(
        'CONFLICT',
        `${binding.name} 已不再是 ${unit.unitNo} 的业主（产权已转移），不能批准`,
      );
    }
    if (member && member.personId !== personId && member.links.some((l) => l.as === 'owner')) {
      throw new AppError('CONFLICT', '这个微信已绑定为另一位业主，不能再以其他业主身份绑定');
    }
    const person = await tx.get<Person>('people', personId);
    name = person?.name ?? name;
  } else if (member) {
    personId = member.personId;
  } else {
    personId = personIdForOpenid(binding.openid);
    const person = newPerson(personId, binding.name);
    await tx.set('people', personId, person);
  }
  member = member ? { ...member, personId } : newMember(binding.openid, personId, name);
  member = withLink(member, unit._id, binding.as);
  const unitNos = new Map([[unit._id, unit.unitNo]]);
  member.label = memberLabel(name, member, unitNos);
  await tx.set('members', binding.openid, member);
  return personId;
}

/**
 * households.unbind: a member leaves a unit (or an organizer unlinks someone). The seat is freed,
 * so the owner can bind again from a new phone.
 */
export async function unbind(
  request: { unitId: string; openid?: string | undefined },
  ctx: UseCaseContext,
): Promise<{ unitId: string; openid: string; roles: RoleName[] }> {
  const caller = await ctx.caller();
  const target = request.openid ?? caller.openid;
  if (target !== caller.openid && !isOrganizer(caller)) {
    throw new AppError('FORBIDDEN', '只能解除您自己的绑定');
  }
  const at = shanghaiIso(ctx.now);
  const member = await inTransaction(ctx.db, async (tx) => {
    const found = await tx.get<Member>('members', target);
    const link = found?.links.find((l) => l.unitId === request.unitId);
    if (!found || !link) throw new AppError('NOT_FOUND', '没有找到这套房屋的绑定');
    const next = withoutLink(found, request.unitId);
    await tx.set('members', target, next);
    const seat =
      link.as === 'owner'
        ? ownerSeatId(request.unitId, found.personId)
        : residentSeatId(request.unitId, target);
    const binding = await tx.get<Binding>('bindings', seat);
    if (binding && binding.openid === target) {
      await tx.update('bindings', seat, {
        status: 'ended',
        decidedAt: at,
        decidedBy: caller.openid,
      });
    }
    await writeAudit(tx, ctx, caller, 'households.unbind', `unit:${request.unitId}`, {
      openid: target,
      as: link.as,
    });
    return next;
  });
  return { unitId: request.unitId, openid: target, roles: member.roles };
}
