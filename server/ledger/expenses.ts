import { randomUUID } from 'node:crypto';
import { samePerson } from '../../core/ledger/custody';
import { shanghaiIso } from '../../core/registry/time';
import type { ExpenseView, PayExpenseRequest, ProposeExpenseRequest } from '../../typings/ledger';
import type { UseCaseContext } from '../auth/guard';
import { AppError } from '../errors';
import { writeAudit } from '../repository/audit';
import { find, inTransaction } from '../repository/docs';
import type { ExpenseDoc } from './documents';
import { requireEvidence } from './evidence';
import { inLedgerTransaction, postTransfers } from './post';
import type { BalanceDoc } from './store';
import { expenseView, MILESTONE_LABELS } from './views';

/**
 * Payments to the contractor by contract milestone: an organizer proposes one with the invoice,
 * the treasurer (another person) pays and records it — a transfer collection → expenses that
 * never takes the collection account below zero.
 */

export async function proposeExpense(
  request: ProposeExpenseRequest,
  ctx: UseCaseContext,
): Promise<ExpenseView> {
  const caller = await ctx.caller();
  const payee = request.payee.trim();
  if (!payee) throw new AppError('INVALID_INPUT', '请填写收款单位');
  await requireEvidence(request.invoiceFileId, 'invoices');
  const at = shanghaiIso(ctx.now);
  const doc: ExpenseDoc = {
    _id: `expense-${randomUUID()}`,
    milestone: request.milestone,
    payee,
    amountFen: request.amountFen,
    invoiceFileId: request.invoiceFileId,
    memo: request.memo?.trim() || null,
    status: 'proposed',
    proposedAt: at,
    proposedBy: caller.openid,
    proposedByPerson: caller.member?.personId ?? null,
    proposedByLabel: caller.label,
    paidAt: null,
    paidBy: null,
    reason: null,
  };
  await inTransaction(ctx.db, async (tx) => {
    await tx.set('expenses', doc._id, doc);
    await writeAudit(tx, ctx, caller, 'ledger.proposeExpense', doc._id, {
      amountFen: doc.amountFen,
    });
  });
  return expenseView(doc);
}

export async function payExpense(
  request: PayExpenseRequest,
  ctx: UseCaseContext,
): Promise<ExpenseView> {
  const caller = await ctx.caller();
  const at = shanghaiIso(ctx.now);
  const reason = request.decision === 'reject' ? request.reason?.trim() || '' : null;
  if (reason === '') throw new AppError('INVALID_INPUT', '驳回付款须填写原因');
  const doc = await inLedgerTransaction(ctx.db, async (tx) => {
    const expense = await tx.get<ExpenseDoc>('expenses', request.expenseId);
    if (!expense) throw new AppError('NOT_FOUND', `没有找到付款申请 ${request.expenseId}`);
    if (expense.status !== 'proposed') {
      throw new AppError('CONFLICT', `这笔付款已${expense.status === 'paid' ? '支付' : '驳回'}`);
    }
    const me = { openid: caller.openid, personId: caller.member?.personId ?? null };
    if (samePerson(me, { openid: expense.proposedBy, personId: expense.proposedByPerson })) {
      throw new AppError('FORBIDDEN', '付款申请是您本人提出的，须由另一位出纳支付');
    }
    if (request.decision === 'pay') {
      const collection = await tx.get<BalanceDoc>('balances', 'collection');
      const available = collection?.postedFen ?? 0;
      if (available < expense.amountFen) {
        throw new AppError(
          'INVALID_INPUT',
          `项目账户余额 ${available} 分不足以支付 ${expense.amountFen} 分`,
        );
      }
      await postTransfers(
        tx,
        [
          {
            id: `pay-${expense._id}`,
            kind: 'expense',
            from: 'collection',
            to: 'expenses',
            amountFen: expense.amountFen,
            memo: `${MILESTONE_LABELS[expense.milestone]}：${expense.payee}`,
            refs: { expenseId: expense._id, milestone: expense.milestone },
          },
        ],
        at,
      );
    }
    const decided: ExpenseDoc = {
      ...expense,
      status: request.decision === 'pay' ? 'paid' : 'rejected',
      paidAt: request.decision === 'pay' ? at : null,
      paidBy: caller.openid,
      reason,
    };
    await tx.set('expenses', expense._id, decided);
    await writeAudit(tx, ctx, caller, `ledger.${request.decision}Expense`, expense._id, { reason });
    return decided;
  });
  return expenseView(doc);
}

export async function listExpenses(ctx: UseCaseContext): Promise<{ expenses: ExpenseView[] }> {
  const docs = await find<ExpenseDoc>(
    ctx.db,
    'expenses',
    {},
    { orderBy: ['proposedAt', 'desc'], limit: 200 },
  );
  return { expenses: docs.map(expenseView) };
}
