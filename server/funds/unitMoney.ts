/**
 * Where a unit stands with its money, as the ledger says, and who may pay for it.
 */
import type { Charge } from '../../core/funds/model';
import { leftToPay } from '../../core/funds/payments';
import { unitAccount } from '../../core/ledger/accounts';
import type { Unit } from '../../core/registry/model';
import { allows, unitRights } from '../../core/registry/rights';
import type { Caller } from '../auth/caller';
import type { UseCaseContext } from '../auth/guard';
import type { Db } from '../cloud';
import { AppError } from '../errors';
import { find } from '../repository/docs';
import { balancesOf } from '../ledger/balances';
import { proxiesHeld } from './registry';

/** What the unit still has to pay, from the ledger (one request). */
export async function leftOf(db: Db, unitId: string): Promise<number> {
  const balance = (await balancesOf([unitAccount(unitId)], db)).get(unitAccount(unitId));
  const posted = balance?.postedFen ?? 0;
  const pending = balance?.pendingFen ?? 0;
  const charged = balance?.chargedFen ?? 0;
  return leftToPay({ chargedFen: charged, paidFen: charged - posted, pendingCashFen: -pending });
}

/** The charges of a unit (one request): a proxy's pay scope may name their decision. */
export function chargesOfUnit(db: Db, unitIds: readonly string[]): Promise<Charge[]> {
  if (!unitIds.length) return Promise.resolve([]);
  return find<Charge>(db, 'charges', { unitId: db.command.in([...unitIds]) }, { limit: 1000 });
}

/** Whether the caller may pay for the unit: an owner, or a proxy whose pay scope covers a charge. */
export async function assertMayPay(ctx: UseCaseContext, caller: Caller, unit: Unit): Promise<void> {
  const member = caller.member;
  if (member) {
    const held = await proxiesHeld(ctx.db, caller.openid);
    const rights = unitRights({ member, unit, proxies: held, now: ctx.now });
    if (rights.pay.kind === 'all') return;
    if (rights.pay.kind === 'only') {
      const charges = await chargesOfUnit(ctx.db, [unit._id]);
      if (charges.some((c) => c.decisionId !== null && allows(rights.pay, c.decisionId))) return;
    }
  }
  throw new AppError(
    'FORBIDDEN',
    `您不是 ${unit.unitNo} 的业主，也没有该业主的代缴委托；可请业主分享代付链接`,
  );
}
