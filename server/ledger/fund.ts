import { redLineConsequences, redLineReport } from '../../core/ledger/redLine';
import { yuanText } from '../../core/ledger/labels';
import type { Unit } from '../../core/registry/model';
import { shanghaiIso } from '../../core/registry/time';
import type { FundRowInput, RedLineView } from '../../typings/ledger';
import type { UseCaseContext } from '../auth/guard';
import { AppError } from '../errors';
import { writeAudit } from '../repository/audit';
import { docs } from '../repository/docs';
import { readAll } from '../repository/readAll';
import { balancesOf } from './balances';
import type { FundAccountDoc } from './documents';

/**
 * The maintenance fund beside the self-raised money: organizers import each unit's first deposit
 * and balance (from the fund's statement); everyone sees how many units are below the red line
 * and what using the fund for the elevators would trigger.
 */

export async function importFund(
  request: { rows: FundRowInput[] },
  ctx: UseCaseContext,
): Promise<{ imported: number }> {
  const caller = await ctx.caller();
  const units = await readAll<Unit>(ctx.db, 'units', {});
  const byNo = new Map(units.map((u) => [u.unitNo, u]));
  const seen = new Set<string>();
  const unknown: string[] = [];
  for (const row of request.rows) {
    if (seen.has(row.unitNo)) throw new AppError('INVALID_INPUT', `房号 ${row.unitNo} 重复`);
    seen.add(row.unitNo);
    if (!byNo.has(row.unitNo)) unknown.push(row.unitNo);
  }
  if (unknown.length) {
    throw new AppError(
      'INVALID_INPUT',
      `名册中没有这些房号：${unknown.slice(0, 10).join('、')}${unknown.length > 10 ? ' 等' : ''}`,
    );
  }
  const at = shanghaiIso(ctx.now);
  const store = docs(ctx.db);
  // Each row replaces that unit's record, so importing the same statement twice changes nothing.
  for (const row of request.rows) {
    const unit = byNo.get(row.unitNo) as Unit;
    const doc: FundAccountDoc = {
      _id: unit._id,
      unitId: unit._id,
      unitNo: unit.unitNo,
      firstDepositFen: row.firstDepositFen,
      balanceFen: row.balanceFen,
      importedAt: at,
      importedBy: caller.openid,
    };
    await store.set('fundAccounts', unit._id, doc);
  }
  await writeAudit(store, ctx, caller, 'ledger.importFund', 'fundAccounts', {
    rows: request.rows.length,
  });
  return { imported: request.rows.length };
}

export async function redLine(ctx: UseCaseContext): Promise<RedLineView> {
  const rows = await readAll<FundAccountDoc>(ctx.db, 'fundAccounts', {});
  const report = redLineReport(rows);
  const target = -((await balancesOf(['assessments'], ctx.db)).get('assessments')?.postedFen ?? 0);
  const topUpText = yuanText(report.topUpFen);
  return {
    ...report,
    topUpText,
    selfRaisedTargetFen: target,
    consequences: rows.length ? redLineConsequences(report, topUpText) : ['尚未导入维修基金余额。'],
  };
}
