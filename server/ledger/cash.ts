import { cashAccount, unitAccount, type AccountId } from '../../core/ledger/accounts';
import { depositProblem, samePerson } from '../../core/ledger/custody';
import type { TransferRequest } from '../../core/ledger/transfers';
import type { Unit } from '../../core/registry/model';
import { shanghaiIso } from '../../core/registry/time';
import type {
  CashReceiptView,
  ConfirmDepositRequest,
  DepositView,
  RecordCashRequest,
  RecordDepositRequest,
  SettleCashRequest,
} from '../../typings/ledger';
import type { Caller } from '../auth/caller';
import type { UseCaseContext } from '../auth/guard';
import { AppError } from '../errors';
import { docs, find, type Docs } from '../repository/docs';
import { writeAudit } from '../repository/audit';
import type { CashReceiptDoc, DepositDoc } from './documents';
import { requireEvidence } from './evidence';
import { inLedgerTransaction, postTransfers } from './post';
import { depositView, receiptView } from './views';

/**
 * Cash custody: staff record cash received at the door (a pending transfer unit → their cash),
 * then a bank deposit covering receipts (a pending transfer cash → transit); the treasurer — never
 * the person who recorded it — posts or voids each receipt, and confirms or rejects each deposit.
 * Confirming a deposit posts the receipts it covers that are still pending, then moves the money
 * from transit into the collection account.
 */

/** Cash in someone's hands sits in an account named for the person, else the WeChat account. */
export function holderOf(caller: Caller): AccountId {
  return cashAccount(caller.member?.personId || caller.openid);
}

function actor(caller: Caller): { openid: string; personId: string | null } {
  return { openid: caller.openid, personId: caller.member?.personId ?? null };
}

const MAX_AGE_DAYS = 90;
const CLOCK_SKEW_MS = 5 * 60 * 1000;

function checkWhen(at: string, now: Date, what: string): string {
  const t = Date.parse(at);
  if (Number.isNaN(t)) throw new AppError('INVALID_INPUT', `${what}时间无法识别：${at}`);
  if (t > now.getTime() + CLOCK_SKEW_MS)
    throw new AppError('INVALID_INPUT', `${what}时间不能晚于现在`);
  if (t < now.getTime() - MAX_AGE_DAYS * 24 * 3600 * 1000) {
    throw new AppError('INVALID_INPUT', `${what}时间早于 ${MAX_AGE_DAYS} 天前，请联系出纳更正`);
  }
  return shanghaiIso(t);
}

export async function recordCash(
  request: RecordCashRequest,
  ctx: UseCaseContext,
): Promise<CashReceiptView> {
  const caller = await ctx.caller();
  const receivedAt = checkWhen(request.receivedAt, ctx.now, '收款');
  const id = `receipt:${request.receiptNo}`;
  const at = shanghaiIso(ctx.now);
  const holder = holderOf(caller);
  const existing = await docs(ctx.db).get<CashReceiptDoc>('cashReceipts', id);
  if (!existing) await requireEvidence(request.photoFileId, 'cash');
  const doc = await inLedgerTransaction(ctx.db, async (tx) => {
    const stored = await tx.get<CashReceiptDoc>('cashReceipts', id);
    if (stored) {
      const same =
        stored.unitId === request.unitId &&
        stored.amountFen === request.amountFen &&
        stored.photoFileId === request.photoFileId &&
        stored.recordedBy === caller.openid;
      if (!same)
        throw new AppError('CONFLICT', `收据编号 ${request.receiptNo} 已登记过，请核对收据编号`);
      return stored;
    }
    const unit = await tx.get<Unit>('units', request.unitId);
    if (!unit) throw new AppError('NOT_FOUND', `没有找到房屋 ${request.unitId}`);
    const transfer: TransferRequest = {
      id: `cash:${request.receiptNo}`,
      kind: 'cash',
      from: unitAccount(unit._id),
      to: holder,
      amountFen: request.amountFen,
      pending: true,
      unitId: unit._id,
      channel: 'cash',
      payer: { name: request.payerName?.trim() || '业主' },
      memo: `现金收据 ${request.receiptNo}`,
      refs: { receiptNo: request.receiptNo },
    };
    await postTransfers(tx, [transfer], at);
    const created: CashReceiptDoc = {
      _id: id,
      receiptNo: request.receiptNo,
      unitId: unit._id,
      unitNo: unit.unitNo,
      amountFen: request.amountFen,
      receivedAt,
      photoFileId: request.photoFileId,
      payerName: request.payerName?.trim() || null,
      recordedBy: caller.openid,
      recordedByPerson: caller.member?.personId ?? null,
      recordedByLabel: caller.label,
      recordedAt: at,
      holder,
      transferId: transfer.id,
      settlement: 'pending',
      settledBy: null,
      settledAt: null,
      voidReason: null,
      depositId: null,
    };
    await tx.set('cashReceipts', id, created);
    await writeAudit(tx, ctx, caller, 'ledger.recordCash', id, { amountFen: request.amountFen });
    return created;
  });
  return receiptView(doc, ctx.now);
}

export async function myCash(ctx: UseCaseContext): Promise<{ receipts: CashReceiptView[] }> {
  const caller = await ctx.caller();
  const docs = await find<CashReceiptDoc>(
    ctx.db,
    'cashReceipts',
    { recordedBy: caller.openid, depositId: null, settlement: ctx.db.command.neq('voided') },
    { orderBy: ['receivedAt', 'asc'], limit: 500 },
  );
  return { receipts: docs.map((d) => receiptView(d, ctx.now)) };
}

export async function recordDeposit(
  request: RecordDepositRequest,
  ctx: UseCaseContext,
): Promise<DepositView> {
  const caller = await ctx.caller();
  const depositedAt = checkWhen(request.depositedAt, ctx.now, '存款');
  const id = `deposit:${request.slipNo}`;
  const at = shanghaiIso(ctx.now);
  const holder = holderOf(caller);
  await requireEvidence(request.slipFileId, 'deposits');
  const doc = await inLedgerTransaction(ctx.db, async (tx) => {
    const stored = await tx.get<DepositDoc>('cashDeposits', id);
    if (stored) {
      const same =
        stored.amountFen === request.amountFen &&
        stored.recordedBy === caller.openid &&
        stored.receiptIds.join() === request.receiptIds.join();
      if (!same) throw new AppError('CONFLICT', `存款单号 ${request.slipNo} 已登记过，请核对`);
      return stored;
    }
    const receipts: CashReceiptDoc[] = [];
    for (const receiptId of new Set(request.receiptIds)) {
      const receipt = await tx.get<CashReceiptDoc>('cashReceipts', receiptId);
      if (!receipt) throw new AppError('NOT_FOUND', `没有找到收据 ${receiptId}`);
      if (receipt.holder !== holder) {
        throw new AppError(
          'FORBIDDEN',
          `收据 ${receipt.receiptNo} 的现金不在您手中，须由经手人存款`,
        );
      }
      if (receipt.settlement === 'voided')
        throw new AppError('INVALID_INPUT', `收据 ${receipt.receiptNo} 已作废`);
      if (receipt.depositId) {
        throw new AppError(
          'CONFLICT',
          `收据 ${receipt.receiptNo} 已包含在存款单 ${receipt.depositId} 中`,
        );
      }
      receipts.push(receipt);
    }
    const problem = depositProblem(
      request.amountFen,
      request.receiptIds,
      receipts.map((r) => ({ id: r._id, amountFen: r.amountFen })),
    );
    if (problem) throw new AppError('INVALID_INPUT', problem);
    await postTransfers(
      tx,
      [
        {
          id,
          kind: 'deposit',
          from: holder,
          to: 'transit',
          amountFen: request.amountFen,
          pending: true,
          channel: 'cash',
          memo: `银行存款单 ${request.slipNo}`,
          refs: { slipNo: request.slipNo },
        },
      ],
      at,
    );
    for (const receipt of receipts) await tx.update('cashReceipts', receipt._id, { depositId: id });
    const created: DepositDoc = {
      _id: id,
      slipNo: request.slipNo,
      amountFen: request.amountFen,
      depositedAt,
      slipFileId: request.slipFileId,
      receiptIds: receipts.map((r) => r._id),
      receiptNos: receipts.map((r) => r.receiptNo),
      holder,
      recordedBy: caller.openid,
      recordedByPerson: caller.member?.personId ?? null,
      recordedByLabel: caller.label,
      recordedAt: at,
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
      reason: null,
    };
    await tx.set('cashDeposits', id, created);
    await writeAudit(tx, ctx, caller, 'ledger.recordDeposit', id, { amountFen: request.amountFen });
    return created;
  });
  return depositView(doc);
}

function requireReason(reason: string | undefined, what: string): string {
  const text = reason?.trim() ?? '';
  if (!text) throw new AppError('INVALID_INPUT', `${what}须填写原因`);
  return text;
}

/** The treasurer's post of one receipt's pending cash, inside `tx`. */
async function postReceipt(
  tx: Docs,
  receipt: CashReceiptDoc,
  caller: Caller,
  at: string,
): Promise<CashReceiptDoc> {
  if (
    samePerson(actor(caller), { openid: receipt.recordedBy, personId: receipt.recordedByPerson })
  ) {
    throw new AppError('FORBIDDEN', `收据 ${receipt.receiptNo} 是您本人登记的，须由另一位出纳确认`);
  }
  await postTransfers(
    tx,
    [
      {
        id: `${receipt.transferId}:post`,
        kind: 'cash',
        from: unitAccount(receipt.unitId),
        to: receipt.holder as AccountId,
        amountFen: receipt.amountFen,
        postPendingId: receipt.transferId,
        unitId: receipt.unitId,
        channel: 'cash',
        memo: `出纳确认现金收据 ${receipt.receiptNo}`,
        refs: { receiptNo: receipt.receiptNo },
      },
    ],
    at,
  );
  const posted: CashReceiptDoc = {
    ...receipt,
    settlement: 'posted',
    settledBy: caller.openid,
    settledAt: at,
  };
  await tx.set('cashReceipts', receipt._id, posted);
  return posted;
}

export async function settleCash(
  request: SettleCashRequest,
  ctx: UseCaseContext,
): Promise<CashReceiptView> {
  const caller = await ctx.caller();
  const at = shanghaiIso(ctx.now);
  const reason = request.decision === 'void' ? requireReason(request.reason, '作废现金收款') : null;
  const doc = await inLedgerTransaction(ctx.db, async (tx) => {
    const receipt = await tx.get<CashReceiptDoc>('cashReceipts', request.receiptId);
    if (!receipt) throw new AppError('NOT_FOUND', `没有找到收据 ${request.receiptId}`);
    if (receipt.settlement !== 'pending') {
      throw new AppError(
        'CONFLICT',
        `收据 ${receipt.receiptNo} 已${receipt.settlement === 'posted' ? '入账' : '作废'}`,
      );
    }
    if (request.decision === 'post') return postReceipt(tx, receipt, caller, at);
    if (
      samePerson(actor(caller), { openid: receipt.recordedBy, personId: receipt.recordedByPerson })
    ) {
      throw new AppError(
        'FORBIDDEN',
        `收据 ${receipt.receiptNo} 是您本人登记的，须由另一位出纳处理`,
      );
    }
    if (receipt.depositId) {
      throw new AppError(
        'CONFLICT',
        `收据 ${receipt.receiptNo} 已在存款单 ${receipt.depositId} 中，请先退回该存款单`,
      );
    }
    await postTransfers(
      tx,
      [
        {
          id: `${receipt.transferId}:void`,
          kind: 'cash',
          from: unitAccount(receipt.unitId),
          to: receipt.holder as AccountId,
          amountFen: receipt.amountFen,
          voidPendingId: receipt.transferId,
          unitId: receipt.unitId,
          channel: 'cash',
          memo: `作废现金收据 ${receipt.receiptNo}：${reason ?? ''}`,
          refs: { receiptNo: receipt.receiptNo },
        },
      ],
      at,
    );
    const voided: CashReceiptDoc = {
      ...receipt,
      settlement: 'voided',
      settledBy: caller.openid,
      settledAt: at,
      voidReason: reason,
    };
    await tx.set('cashReceipts', receipt._id, voided);
    await writeAudit(tx, ctx, caller, 'ledger.voidCash', receipt._id, { reason });
    return voided;
  });
  return receiptView(doc, ctx.now);
}

export async function confirmDeposit(
  request: ConfirmDepositRequest,
  ctx: UseCaseContext,
): Promise<DepositView> {
  const caller = await ctx.caller();
  const at = shanghaiIso(ctx.now);
  const reason = request.decision === 'reject' ? requireReason(request.reason, '退回存款单') : null;
  const doc = await inLedgerTransaction(ctx.db, async (tx) => {
    const deposit = await tx.get<DepositDoc>('cashDeposits', request.depositId);
    if (!deposit) throw new AppError('NOT_FOUND', `没有找到存款单 ${request.depositId}`);
    if (deposit.status !== 'pending') {
      throw new AppError(
        'CONFLICT',
        `存款单 ${deposit.slipNo} 已${deposit.status === 'confirmed' ? '确认' : '退回'}`,
      );
    }
    if (
      samePerson(actor(caller), { openid: deposit.recordedBy, personId: deposit.recordedByPerson })
    ) {
      throw new AppError(
        'FORBIDDEN',
        `存款单 ${deposit.slipNo} 是您本人登记的，须由另一位出纳确认`,
      );
    }
    const base = {
      kind: 'deposit' as const,
      amountFen: deposit.amountFen,
      channel: 'cash' as const,
      refs: { slipNo: deposit.slipNo },
    };
    if (request.decision === 'reject') {
      await postTransfers(
        tx,
        [
          {
            ...base,
            id: `${deposit._id}:void`,
            from: deposit.holder as AccountId,
            to: 'transit',
            voidPendingId: deposit._id,
            memo: `退回存款单 ${deposit.slipNo}：${reason ?? ''}`,
          },
        ],
        at,
      );
      for (const receiptId of deposit.receiptIds)
        await tx.update('cashReceipts', receiptId, { depositId: null });
    } else {
      for (const receiptId of deposit.receiptIds) {
        const receipt = await tx.get<CashReceiptDoc>('cashReceipts', receiptId);
        if (receipt && receipt.settlement === 'pending') await postReceipt(tx, receipt, caller, at);
      }
      await postTransfers(
        tx,
        [
          {
            ...base,
            id: `${deposit._id}:post`,
            from: deposit.holder as AccountId,
            to: 'transit',
            postPendingId: deposit._id,
            memo: `出纳确认存款单 ${deposit.slipNo}`,
          },
          {
            ...base,
            id: `${deposit._id}:bank`,
            from: 'transit',
            to: 'collection',
            memo: `存款单 ${deposit.slipNo} 到账`,
          },
        ],
        at,
      );
    }
    const decided: DepositDoc = {
      ...deposit,
      status: request.decision === 'reject' ? 'rejected' : 'confirmed',
      decidedBy: caller.openid,
      decidedAt: at,
      reason,
    };
    await tx.set('cashDeposits', deposit._id, decided);
    await writeAudit(tx, ctx, caller, `ledger.${request.decision}Deposit`, deposit._id, { reason });
    return decided;
  });
  return depositView(doc);
}
