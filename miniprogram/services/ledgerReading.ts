/**
 * Reads of the public ledger for residents (the staff desk's ledger calls live in ledger.ts).
 *
 * The ledger function's contract (typings/ledger.d.ts) had no actions yet when these pages were
 * written, so the shapes the pages need are declared here and the calls are typed against them.
 * When the contract gains its read actions, these types should become re-exports of it and the
 * cast below should go.
 */
import { callApi } from './cloud';

/** A unit on the public list: its room number and its owner's name masked (钱*康). */
export interface LedgerUnitView {
  unitNo: string;
  ownerMasked: string;
}

export interface LedgerExpenseView {
  id: string;
  /** 定金 / 安装完成款 / 验收尾款 */
  title: string;
  amountFen: number;
  amountLabel: string;
  paidAt: string;
  /** Photos of the contractor's invoices, in cloud storage. */
  invoiceFileIds: string[];
}

export interface LedgerSummaryView {
  targetFen: number;
  targetLabel: string;
  collectedFen: number;
  collectedLabel: string;
  /** Cash at the door that the treasurer has not posted yet. */
  pendingCashFen: number;
  pendingCashLabel: string;
  entryCount: number;
  /** The newest entry's hash: anyone can compare it with the one printed on money notices. */
  headHash: string;
  paid: LedgerUnitView[];
  partly: LedgerUnitView[];
  unpaid: LedgerUnitView[];
  expenses: LedgerExpenseView[];
}

export interface LedgerEntryView {
  seq: number;
  at: string;
  /** 应缴分摊款 / 微信支付 / 代付链接 / 现金 / 存入银行 / 支出 / 更正 / 退款 */
  kindLabel: string;
  amountFen: number;
  amountLabel: string;
  unitNo: string | null;
  channelLabel: string | null;
  pending: boolean;
  hash: string;
}

export interface LedgerEntriesPage {
  entries: LedgerEntryView[];
  offset: number;
  total: number;
}

type LedgerRead = <T>(fn: 'ledger', action: string, request: object) => Promise<T>;

// The contract has no ledger actions to check these calls against yet (see above).
const callLedger = callApi as unknown as LedgerRead;

export function getLedgerSummary(): Promise<LedgerSummaryView> {
  return callLedger<LedgerSummaryView>('ledger', 'publicSummary', {});
}

/** Entries newest first, a page at a time. */
export function getLedgerEntries(offset: number, limit: number): Promise<LedgerEntriesPage> {
  return callLedger<LedgerEntriesPage>('ledger', 'publicEntries', { offset, limit });
}
