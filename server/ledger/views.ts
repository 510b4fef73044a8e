import { heldDays, isOverdue } from '../../core/ledger/custody';
import {
  accountLabel,
  CHANNEL_LABELS,
  KIND_LABELS,
  maskFullName,
  phaseOf,
  PHASE_LABELS,
  statusLabel,
  yuanText,
} from '../../core/ledger/labels';
import type { UnitPayStatus } from '../../core/ledger/balances';
import { shanghaiDate } from '../../core/registry/time';
import type {
  CashReceiptView,
  DepositView,
  ExpenseView,
  LedgerEntryView,
  UnitStandingView,
} from '../../typings/ledger';
import type { LedgerEntry } from '../../core/ledger/transfers';
import type { CashReceiptDoc, DepositDoc, ExpenseDoc } from './documents';

export function entryView(
  entry: LedgerEntry,
  unitNos: ReadonlyMap<string, string>,
): LedgerEntryView {
  const unitNo = (id: string): string | null => unitNos.get(id) ?? null;
  const phase = phaseOf(entry);
  return {
    seq: entry.seq,
    id: entry.id,
    kind: entry.kind,
    kindLabel: KIND_LABELS[entry.kind],
    phase,
    phaseLabel: PHASE_LABELS[phase],
    amountFen: entry.amountFen,
    amountText: yuanText(entry.amountFen),
    at: entry.at,
    date: shanghaiDate(entry.at),
    unitId: entry.unitId,
    unitNo: entry.unitId ? unitNo(entry.unitId) : null,
    channel: entry.channel,
    channelLabel: entry.channel ? CHANNEL_LABELS[entry.channel] : null,
    payerMasked: entry.payer ? maskFullName(entry.payer.name) : null,
    fromLabel: accountLabel(entry.from, unitNo),
    toLabel: accountLabel(entry.to, unitNo),
    memo: entry.memo,
    hash: entry.hash,
  };
}

const SETTLEMENT_LABELS = { pending: '待出纳确认', posted: '已入账', voided: '已作废' } as const;
const DEPOSIT_LABELS = { pending: '待出纳确认', confirmed: '已确认', rejected: '已退回' } as const;
const EXPENSE_LABELS = { proposed: '待出纳付款', paid: '已付款', rejected: '已驳回' } as const;
export const MILESTONE_LABELS = {
  deposit: '合同定金',
  installation: '安装完成款',
  acceptance: '验收后尾款',
} as const;

export function receiptView(doc: CashReceiptDoc, now: Date): CashReceiptView {
  return {
    id: doc._id,
    receiptNo: doc.receiptNo,
    unitId: doc.unitId,
    unitNo: doc.unitNo,
    amountFen: doc.amountFen,
    amountText: yuanText(doc.amountFen),
    receivedAt: doc.receivedAt,
    photoFileId: doc.photoFileId,
    recordedBy: doc.recordedBy,
    recordedByLabel: doc.recordedByLabel,
    settlement: doc.settlement,
    settlementLabel: SETTLEMENT_LABELS[doc.settlement],
    depositId: doc.depositId,
    voidReason: doc.voidReason,
    heldDays: heldDays(doc.receivedAt, now),
    overdue: isOverdue(doc.receivedAt, doc.depositId !== null, doc.settlement === 'voided', now),
  };
}

export function depositView(doc: DepositDoc): DepositView {
  return {
    id: doc._id,
    slipNo: doc.slipNo,
    amountFen: doc.amountFen,
    amountText: yuanText(doc.amountFen),
    slipFileId: doc.slipFileId,
    receiptIds: doc.receiptIds,
    receiptNos: doc.receiptNos,
    depositedAt: doc.depositedAt,
    recordedBy: doc.recordedBy,
    recordedByLabel: doc.recordedByLabel,
    status: doc.status,
    statusLabel: DEPOSIT_LABELS[doc.status],
    reason: doc.reason,
  };
}

export function expenseView(doc: ExpenseDoc): ExpenseView {
  return {
    id: doc._id,
    milestone: doc.milestone,
    milestoneLabel: MILESTONE_LABELS[doc.milestone],
    payee: doc.payee,
    amountFen: doc.amountFen,
    amountText: yuanText(doc.amountFen),
    invoiceFileId: doc.invoiceFileId,
    memo: doc.memo,
    status: doc.status,
    statusLabel: EXPENSE_LABELS[doc.status],
    proposedAt: doc.proposedAt,
    proposedByLabel: doc.proposedByLabel,
    paidAt: doc.paidAt,
    reason: doc.reason,
  };
}

export interface StandingInput {
  unitId: string;
  unitNo: string;
  ownerName: string | null;
  postedFen: number;
  pendingFen: number;
  chargedFen: number;
  status: UnitPayStatus;
}

export function standingView(s: StandingInput): UnitStandingView {
  const paidFen = s.chargedFen - s.postedFen;
  const pendingCashFen = Math.max(0, -s.pendingFen);
  return {
    unitId: s.unitId,
    unitNo: s.unitNo,
    ownerMasked: s.ownerName ? maskFullName(s.ownerName) : '—',
    chargedFen: s.chargedFen,
    paidFen,
    leftFen: Math.max(0, s.postedFen),
    pendingCashFen,
    status: s.status,
    statusLabel: statusLabel(s.status, pendingCashFen),
  };
}
