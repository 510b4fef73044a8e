/**
 * Reads of the public ledger for residents (the staff desk's ledger calls live in ledger.ts).
 */
import type {
  EntriesPageView,
  ExpenseView,
  LedgerOverviewView,
  UnitsPageView,
} from '../../typings/api';
import { callApi } from './cloud';

export function getLedgerOverview(): Promise<LedgerOverviewView> {
  return callApi('ledger', 'overview', {});
}

/** Entries newest first; pass the previous page's `nextBeforeSeq` for the next (older) page. */
export function getLedgerEntries(
  beforeSeq: number | null,
  limit: number,
): Promise<EntriesPageView> {
  return callApi('ledger', 'entries', beforeSeq === null ? { limit } : { beforeSeq, limit });
}

/** Units of one standing, room numbers with names masked, a page at a time. */
export function getUnitsByStatus(
  status: 'paid' | 'partly' | 'unpaid',
  after: string | null,
  limit: number,
): Promise<UnitsPageView> {
  return callApi('ledger', 'units', after === null ? { status, limit } : { status, after, limit });
}

export function getExpenses(): Promise<ExpenseView[]> {
  return callApi('ledger', 'expenses', {}).then((r) => r.expenses);
}

/** The whole ledger as a spreadsheet in storage, for the residents' committee. */
export function exportLedger(): Promise<{ fileId: string; fileName: string; rows: number }> {
  return callApi('ledger', 'export', { format: 'xlsx' });
}
