import type {
  ExpenseView,
  LedgerEntryView,
  LedgerOverviewView,
  UnitStandingView,
} from '../../../typings/api';
import { formatDateTime } from '../../utils/format';
import { progressView, type ProgressView } from '../money/view';

export type GroupKey = 'paid' | 'partly' | 'unpaid';

export interface UnitGroup {
  key: GroupKey;
  title: string;
  count: number;
}

export interface EntryRow {
  seq: number;
  when: string;
  kind: string;
  amount: string;
  /** "5-02 · 代付链接 · 王*明"; empty parts left out. */
  detail: string;
  /** 待确认 / 确认入账 / 作废, or '' for an ordinary entry. */
  phase: string;
  pending: boolean;
}

export interface ExpenseRow {
  id: string;
  title: string;
  payee: string;
  amount: string;
  /** "已付款 · 12月5日 15:00" */
  status: string;
  paid: boolean;
  invoiceFileId: string;
}

export interface LedgerHeadView {
  progress: ProgressView;
  entryCount: string;
  headHash: string;
  groups: UnitGroup[];
}

export function toLedgerHead(overview: LedgerOverviewView): LedgerHeadView {
  return {
    progress: progressView(overview),
    entryCount: `共 ${overview.entryCount} 笔`,
    headHash: overview.headHash,
    groups: [
      { key: 'paid', title: '已缴清', count: overview.units.paid },
      { key: 'partly', title: '部分缴纳', count: overview.units.partly },
      { key: 'unpaid', title: '未缴', count: overview.units.unpaid },
    ],
  };
}

/** "5-02 钟*" — the room number, and the owner's name masked. */
export function unitLine(u: UnitStandingView): string {
  return `${u.unitNo} ${u.ownerMasked}`;
}

/** Expenses paid or awaiting the treasurer; a rejected proposal moved no money. */
export function expenseRows(expenses: readonly ExpenseView[]): ExpenseRow[] {
  return expenses
    .filter((e) => e.status !== 'rejected')
    .map((e) => ({
      id: e.id,
      title: e.milestoneLabel,
      payee: e.payee,
      amount: e.amountText,
      status: `${e.statusLabel} · ${formatDateTime(e.paidAt ?? e.proposedAt)}`,
      paid: e.status === 'paid',
      invoiceFileId: e.invoiceFileId,
    }));
}

export function entryRow(e: LedgerEntryView): EntryRow {
  return {
    seq: e.seq,
    when: formatDateTime(e.at),
    kind: e.kindLabel,
    amount: e.amountText,
    detail: [e.unitNo, e.channelLabel, e.payerMasked]
      .filter((part): part is string => Boolean(part))
      .join(' · '),
    phase: e.phaseLabel,
    pending: e.phase === 'pending',
  };
}

/** Appends a page, skipping entries already shown (a page fetched twice must not repeat rows). */
export function appendEntries(
  shown: readonly EntryRow[],
  page: readonly LedgerEntryView[],
): EntryRow[] {
  const seen = new Set(shown.map((r) => r.seq));
  return [...shown, ...page.filter((e) => !seen.has(e.seq)).map(entryRow)];
}
