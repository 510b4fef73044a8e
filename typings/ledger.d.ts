/**
 * ledger: the public, hash-chained ledger of every money movement, cash custody (staff → bank →
 * treasurer), expenses paid to the contractor, and the maintenance-fund red line.
 *
 * Money is integer fen (`…Fen`); `…Text` fields are ready to show (¥1,234.56). Instants are ISO
 * strings with the +08:00 offset; `date` fields are YYYY-MM-DD in Shanghai. Labels a resident
 * reads are in Chinese.
 */

export type TransferKindName =
  'charge' | 'payment' | 'cash' | 'deposit' | 'expense' | 'refund' | 'correction';
export type PayChannelName = 'wechat' | 'pay-link' | 'cash';
/** An ordinary transfer, a pending one (reserved), or the post / void of a pending one. */
export type EntryPhaseName = 'posted' | 'pending' | 'post' | 'void';
export type UnitPayStatusName = 'none' | 'paid' | 'partly' | 'unpaid';

/** One line of the public ledger. */
export interface LedgerEntryView {
  seq: number;
  /** The transfer id (also the entry's `_id`). */
  id: string;
  kind: TransferKindName;
  /** 应缴 / 缴款 / 现金 / 存入银行 / 支出 / 退款 / 更正 */
  kindLabel: string;
  phase: EntryPhaseName;
  /** '' for posted; 待确认 / 确认入账 / 作废 */
  phaseLabel: string;
  amountFen: number;
  amountText: string;
  at: string;
  date: string;
  unitId: string | null;
  unitNo: string | null;
  channel: PayChannelName | null;
  /** 微信支付 / 代付链接 / 现金 */
  channelLabel: string | null;
  /** Who paid, masked (钱*康); null when nobody is named. */
  payerMasked: string | null;
  /** From and to accounts as a resident reads them: 2-01 应缴 → 项目收款账户. */
  fromLabel: string;
  toLabel: string;
  memo: string | null;
  hash: string;
}

export interface LedgerOverviewView {
  /** Σ charges issued (net of corrections). */
  targetFen: number;
  targetText: string;
  /** Σ paid by units (online, proxies, cash posted by the treasurer). */
  collectedFen: number;
  collectedText: string;
  /** 0–100, one decimal; 0 when nothing is charged. */
  percent: number;
  percentText: string;
  /** Units with a charge, by standing. */
  units: { paid: number; partly: number; unpaid: number; charged: number };
  /** Cash received at the door still awaiting the treasurer. */
  pendingCashFen: number;
  /** Paid to the contractor so far. */
  expensesFen: number;
  /** What the collection account holds now (paid out only within it). */
  availableFen: number;
  entryCount: number;
  /** SHA-256 of the newest entry: printed on every money notice. */
  headHash: string;
  updatedAt: string | null;
}

export interface EntriesRequest {
  /** Entries with seq strictly below this, newest first; omit for the newest page. */
  beforeSeq?: number;
  /** 1–50, default 20. */
  limit?: number;
}

export interface EntriesPageView {
  entries: LedgerEntryView[];
  /** Pass as beforeSeq for the next (older) page; null at the first entry. */
  nextBeforeSeq: number | null;
  headHash: string;
  entryCount: number;
}

/** A unit's standing, as the public ledger shows it (name masked). */
export interface UnitStandingView {
  unitId: string;
  unitNo: string;
  ownerMasked: string;
  chargedFen: number;
  paidFen: number;
  /** What is left to pay (0 when paid up; overpayment shows as paidFen > chargedFen). */
  leftFen: number;
  /** Cash received but not yet posted by the treasurer. */
  pendingCashFen: number;
  status: UnitPayStatusName;
  /** 已缴清 / 部分缴纳 / 未缴 / 无应缴; 现金已收，待入账 while cash awaits the treasurer. */
  statusLabel: string;
}

export interface UnitsRequest {
  status: 'paid' | 'partly' | 'unpaid';
  /** The last unitId of the previous page. */
  after?: string;
  /** 1–100, default 50. */
  limit?: number;
}

export interface UnitsPageView {
  units: UnitStandingView[];
  nextAfter: string | null;
}

export interface UnitLedgerView {
  unit: UnitStandingView;
  /** Every entry of the unit, oldest first. */
  entries: LedgerEntryView[];
}

export type CashSettlementName = 'pending' | 'posted' | 'voided';
export type DepositStatusName = 'pending' | 'confirmed' | 'rejected';

export interface CashReceiptView {
  /** `receipt:<receiptNo>` */
  id: string;
  receiptNo: string;
  unitId: string;
  unitNo: string;
  amountFen: number;
  amountText: string;
  receivedAt: string;
  photoFileId: string;
  recordedBy: string;
  recordedByLabel: string;
  settlement: CashSettlementName;
  /** 待出纳确认 / 已入账 / 已作废 */
  settlementLabel: string;
  depositId: string | null;
  voidReason: string | null;
  /** Whole days since received while the cash has not gone to the bank. */
  heldDays: number;
  /** Held more than 3 days without a deposit: shown in red. */
  overdue: boolean;
}

export interface DepositView {
  id: string;
  slipNo: string;
  amountFen: number;
  amountText: string;
  slipFileId: string;
  receiptIds: string[];
  receiptNos: string[];
  depositedAt: string;
  recordedBy: string;
  recordedByLabel: string;
  status: DepositStatusName;
  /** 待出纳确认 / 已确认 / 已退回 */
  statusLabel: string;
  reason: string | null;
}

export type MilestoneName = 'deposit' | 'installation' | 'acceptance';
export type ExpenseStatusName = 'proposed' | 'paid' | 'rejected';

export interface ExpenseView {
  id: string;
  milestone: MilestoneName;
  /** 合同定金 / 安装完成款 / 验收后尾款 */
  milestoneLabel: string;
  payee: string;
  amountFen: number;
  amountText: string;
  invoiceFileId: string;
  memo: string | null;
  status: ExpenseStatusName;
  /** 待出纳付款 / 已付款 / 已驳回 */
  statusLabel: string;
  proposedAt: string;
  proposedByLabel: string;
  paidAt: string | null;
  reason: string | null;
}

/** A payment the funds side could not credit (amount mismatch, forged callback, …). */
export interface AnomalyView {
  id: string;
  at: string;
  summary: string;
  amountFen: number | null;
}

export interface TreasurerQueueView {
  pendingCash: CashReceiptView[];
  /** How many of pendingCash are overdue (held more than 3 days). */
  overdueCount: number;
  depositsAwaiting: DepositView[];
  expensesAwaiting: ExpenseView[];
  anomalies: AnomalyView[];
}

export interface RecordCashRequest {
  unitId: string;
  amountFen: number;
  /** When the cash was handed over (ISO); not in the future. */
  receivedAt: string;
  /** The paper receipt's number: unique, the idempotency key. */
  receiptNo: string;
  /** Photo of the signed paper receipt, already uploaded to storage. */
  photoFileId: string;
  /** The person who handed over the cash (owner or someone for them). */
  payerName?: string;
}

export interface RecordDepositRequest {
  /** The bank slip's number: unique. */
  slipNo: string;
  amountFen: number;
  depositedAt: string;
  slipFileId: string;
  /** The receipts the deposit covers: each once, amounts summing to amountFen. */
  receiptIds: string[];
}

export interface SettleCashRequest {
  receiptId: string;
  decision: 'post' | 'void';
  /** Required to void. */
  reason?: string;
}

export interface ConfirmDepositRequest {
  depositId: string;
  decision: 'confirm' | 'reject';
  /** Required to reject. */
  reason?: string;
}

export interface ProposeExpenseRequest {
  milestone: MilestoneName;
  payee: string;
  amountFen: number;
  /** Photo of the invoice, already uploaded to storage. */
  invoiceFileId: string;
  memo?: string;
}

export interface PayExpenseRequest {
  expenseId: string;
  decision: 'pay' | 'reject';
  /** Required to reject. */
  reason?: string;
}

export interface ExportRequest {
  format: 'csv' | 'xlsx';
}

export interface FundRowInput {
  /** Room number as on the roster ("12-03"). */
  unitNo: string;
  firstDepositFen: number;
  balanceFen: number;
}

export interface RedLineView {
  /** Units with a fund record. */
  units: number;
  /** Below 30 % of their first deposit. */
  belowRedLine: number;
  /** Σ of first deposits and of balances. */
  firstDepositFen: number;
  balanceFen: number;
  /** balance / first deposit over the building, 0–100 one decimal. */
  percent: number;
  /** What the units below 30 % would have to top up to reach 50 % of their first deposit. */
  topUpFen: number;
  topUpText: string;
  /** The self-raised target beside it (Σ charges). */
  selfRaisedTargetFen: number;
  /** What using the fund for the elevators would trigger, in plain words (Shanghai art. 65). */
  consequences: string[];
  /** The lowest units first (at most 20). */
  lowest: Array<{ unitNo: string; percent: number; balanceFen: number; firstDepositFen: number }>;
}

interface ById<K extends string> {
  request: { [P in K]: string };
}

export interface LedgerApi {
  overview: { request: Record<string, never>; response: LedgerOverviewView };
  entries: { request: EntriesRequest; response: EntriesPageView };
  units: { request: UnitsRequest; response: UnitsPageView };
  unitLedger: ById<'unitId'> & { response: UnitLedgerView };
  expenses: { request: Record<string, never>; response: { expenses: ExpenseView[] } };
  redLine: { request: Record<string, never>; response: RedLineView };
  recordCash: { request: RecordCashRequest; response: CashReceiptView };
  myCash: { request: Record<string, never>; response: { receipts: CashReceiptView[] } };
  recordDeposit: { request: RecordDepositRequest; response: DepositView };
  settleCash: { request: SettleCashRequest; response: CashReceiptView };
  confirmDeposit: { request: ConfirmDepositRequest; response: DepositView };
  treasurerQueue: { request: Record<string, never>; response: TreasurerQueueView };
  proposeExpense: { request: ProposeExpenseRequest; response: ExpenseView };
  payExpense: { request: PayExpenseRequest; response: ExpenseView };
  export: { request: ExportRequest; response: { fileId: string; fileName: string; rows: number } };
  importFund: {
    request: { rows: FundRowInput[] };
    response: { imported: number };
  };
}
