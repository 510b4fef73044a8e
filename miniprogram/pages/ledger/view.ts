import type {
  LedgerEntryView,
  LedgerExpenseView,
  LedgerSummaryView,
  LedgerUnitView,
} from '../../services/ledgerReading';
import { formatShortDateTime } from '../../utils/format';
import { progressView, type ProgressView } from '../money/view';

export interface UnitGroup {
  key: 'paid' | 'partly' | 'unpaid';
  title: string;
  count: number;
  /** "5-02 钱*康" — room numbers with names masked. */
  units: string[];
}

export interface EntryRow {
  seq: number;
  when: string;
  kind: string;
  amount: string;
  /** "5-02 · 微信支付"; empty parts left out. */
  detail: string;
  pending: boolean;
}

export interface ExpenseRow {
  id: string;
  title: string;
  amount: string;
  when: string;
  invoiceFileIds: string[];
}

export interface LedgerHeadView {
  progress: ProgressView;
  entryCount: string;
  headHash: string;
  groups: UnitGroup[];
  expenses: ExpenseRow[];
}

function unitLine(u: LedgerUnitView): string {
  return `${u.unitNo} ${u.ownerMasked}`;
}

export function toLedgerHead(summary: LedgerSummaryView): LedgerHeadView {
  const group = (key: UnitGroup['key'], title: string, units: LedgerUnitView[]): UnitGroup => ({
    key,
    title,
    count: units.length,
    units: units.map(unitLine),
  });
  return {
    progress: progressView(summary),
    entryCount: `共 ${summary.entryCount} 笔`,
    headHash: summary.headHash,
    groups: [
      group('paid', '已缴清', summary.paid),
      group('partly', '部分缴纳', summary.partly),
      group('unpaid', '未缴', summary.unpaid),
    ],
    expenses: summary.expenses.map(expenseRow),
  };
}

export function expenseRow(e: LedgerExpenseView): ExpenseRow {
  return {
    id: e.id,
    title: e.title,
    amount: e.amountLabel,
    when: formatShortDateTime(e.paidAt),
    invoiceFileIds: e.invoiceFileIds,
  };
}

export function entryRow(e: LedgerEntryView): EntryRow {
  return {
    seq: e.seq,
    when: formatShortDateTime(e.at),
    kind: e.kindLabel,
    amount: e.amountLabel,
    detail: [e.unitNo, e.channelLabel, e.pending ? '待入账' : null]
      .filter((part): part is string => Boolean(part))
      .join(' · '),
    pending: e.pending,
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
