import type {
  CoOwnersResult,
  TransferOwnershipRequest,
  TransferOwnershipResult,
} from '../../typings/api';
import type { Person, Unit } from '../../core/registry/model';
import { newPerson } from '../../core/registry/members';
import { normalizePhone } from '../../core/registry/roster';
import { ownersOn } from '../../core/registry/rights';
import { isCalendarDate, shanghaiDate, shanghaiIso } from '../../core/registry/time';
import type { UseCaseContext } from '../auth/guard';
import { randomId } from '../auth/secrets';
import { AppError } from '../errors';
import { writeAudit } from '../repository/audit';
import { find, inTransaction } from '../repository/docs';
import { assertManages, coOwnersView, loadPeople, loadUnit, settledOwners } from './registry';

/**
 * Who owns a unit: co-owners joining, which of them votes, and a sale or inheritance that ends the
 * old owners' rights on a given day.
 */

function phoneOrNull(text: string | undefined): string | null {
  if (text === undefined || text.trim() === '') return null;
  const phone = normalizePhone(text);
  if (!phone) throw new AppError('INVALID_INPUT', `电话“${text}”无法识别`);
  return phone;
}

async function coOwners(unit: Unit, ctx: UseCaseContext): Promise<CoOwnersResult> {
  const caller = await ctx.caller();
  const people = await loadPeople(ctx.db, ownersOn(unit, ctx.now));
  return {
    unitId: unit._id,
    coOwners: coOwnersView(unit, people, ctx.now, caller.member?.personId ?? null),
  };
}

/** households.addCoOwner: a co-owner joins the unit's owners (after the voter). */
export async function addCoOwner(
  request: { unitId: string; name: string; phone?: string | undefined },
  ctx: UseCaseContext,
): Promise<CoOwnersResult> {
  const caller = await ctx.caller();
  const phone = phoneOrNull(request.phone);
  const name = request.name.trim();
  const unit = await inTransaction(ctx.db, async (tx) => {
    const found = await loadUnit(tx, request.unitId);
    assertManages(caller, found, ctx.now, '添加共有人');
    if (found.status === 'unsold') {
      throw new AppError('INVALID_INPUT', '未售房屋没有业主，请先登记产权转移');
    }
    const owners = ownersOn(found, ctx.now);
    for (const id of owners) {
      const person = await tx.get<Person>('people', id);
      if (person?.name === name)
        throw new AppError('CONFLICT', `${name} 已经是 ${found.unitNo} 的业主`);
    }
    const person = newPerson(randomId('p-'), name, phone);
    await tx.set('people', person._id, person);
    const next: Unit = { ...found, ...settledOwners(found, ctx.now) };
    next.ownerIds = [...next.ownerIds, person._id];
    await tx.update('units', found._id, {
      ownerIds: next.ownerIds,
      transfer: next.transfer ?? null,
    });
    await writeAudit(tx, ctx, caller, 'households.addCoOwner', `unit:${found._id}`, {
      personId: person._id,
    });
    return next;
  });
  return coOwners(unit, ctx);
}

/** households.setVoter: the co-owners' choice of who casts the unit's vote. */
export async function setVoter(
  request: { unitId: string; personId: string },
  ctx: UseCaseContext,
): Promise<CoOwnersResult> {
  const caller = await ctx.caller();
  const unit = await inTransaction(ctx.db, async (tx) => {
    const found = await loadUnit(tx, request.unitId);
    assertManages(caller, found, ctx.now, '指定投票人');
    const settled = settledOwners(found, ctx.now);
    if (!settled.ownerIds.includes(request.personId)) {
      throw new AppError('INVALID_INPUT', `此人不是 ${found.unitNo} 的业主`);
    }
    const ownerIds = [
      request.personId,
      ...settled.ownerIds.filter((id) => id !== request.personId),
    ];
    await tx.update('units', found._id, { ownerIds, transfer: settled.transfer ?? null });
    await writeAudit(tx, ctx, caller, 'households.setVoter', `unit:${found._id}`, {
      personId: request.personId,
    });
    return { ...found, ownerIds, transfer: settled.transfer };
  });
  return coOwners(unit, ctx);
}

/**
 * households.transferOwnership: records a sale or inheritance. On or after its date the registry
 * names the new owners at once; a future date is kept on the unit and takes effect by itself
 * (core/registry/rights.ts ownersOn), so the old owners keep acting until then and not after.
 */
export async function transferOwnership(
  request: TransferOwnershipRequest,
  ctx: UseCaseContext,
): Promise<TransferOwnershipResult> {
  const caller = await ctx.caller();
  if (!isCalendarDate(request.effectiveDate)) {
    throw new AppError('INVALID_INPUT', '生效日期应为日期，例如 2027-01-01');
  }
  const names = request.newOwners.map((o) => o.name.trim());
  if (new Set(names).size !== names.length) {
    throw new AppError('INVALID_INPUT', '新业主姓名重复');
  }
  const phones = request.newOwners.map((o) => phoneOrNull(o.phone));
  const known = phones.some((p) => p !== null)
    ? await find<Person>(
        ctx.db,
        'people',
        { phone: ctx.db.command.in(phones.filter((p): p is string => p !== null)) },
        { limit: 100 },
      )
    : [];
  const immediate = request.effectiveDate <= shanghaiDate(ctx.now);
  const result = await inTransaction(ctx.db, async (tx) => {
    const unit = await loadUnit(tx, request.unitId);
    if (unit.status === 'unsold' && !immediate) {
      throw new AppError('INVALID_INPUT', '未售房屋的出售请在交付当天登记');
    }
    const newOwnerIds: string[] = [];
    for (const [index, name] of names.entries()) {
      const phone = phones[index] ?? null;
      // The same person buying a second unit stays one person (and counts once).
      const same = known.find((p) => p.name === name && p.phone === phone);
      if (same) {
        newOwnerIds.push(same._id);
        continue;
      }
      const person = newPerson(randomId('p-'), name, phone);
      await tx.set('people', person._id, person);
      newOwnerIds.push(person._id);
    }
    const fields: Record<string, unknown> = immediate
      ? {
          ownerIds: newOwnerIds,
          transfer: null,
          status: unit.status === 'unsold' ? 'owned' : unit.status,
        }
      : {
          // Replaced whole: a merge into an earlier transfer (or null) would mix the two.
          transfer: ctx.db.command.set({
            toOwnerIds: newOwnerIds,
            effectiveDate: request.effectiveDate,
            recordedBy: caller.openid,
            recordedAt: shanghaiIso(ctx.now),
          }),
        };
    await tx.update('units', unit._id, fields);
    await writeAudit(tx, ctx, caller, 'households.transferOwnership', `unit:${unit._id}`, {
      from: ownersOn(unit, ctx.now),
      to: newOwnerIds,
      effectiveDate: request.effectiveDate,
    });
    return { unit, newOwnerIds };
  });
  return {
    unitId: result.unit._id,
    unitNo: result.unit.unitNo,
    effectiveDate: request.effectiveDate,
    applied: immediate,
    newOwnerIds: result.newOwnerIds,
  };
}
