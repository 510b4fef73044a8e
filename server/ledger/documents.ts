import type {
  CashSettlementName,
  DepositStatusName,
  ExpenseStatusName,
  MilestoneName,
} from '../../typings/ledger';

/** Cash custody and expense documents (the entries and balances live in store.ts). */

export interface CashReceiptDoc {
  /** `receipt:<receiptNo>` */
  _id: string;
  receiptNo: string;
  unitId: string;
  unitNo: string;
  amountFen: number;
  receivedAt: string;
  photoFileId: string;
  payerName: string | null;
  recordedBy: string;
  recordedByPerson: string | null;
  recordedByLabel: string;
  recordedAt: string;
  /** The cash account it sits in: `cash:<personId or openid>`. */
  holder: string;
  /** The pending transfer `cash:<receiptNo>`. */
  transferId: string;
  settlement: CashSettlementName;
  settledBy: string | null;
  settledAt: string | null;
  voidReason: string | null;
  depositId: string | null;
}

export interface DepositDoc {
  /** `deposit:<slipNo>` */
  _id: string;
  slipNo: string;
  amountFen: number;
  depositedAt: string;
  slipFileId: string;
  receiptIds: string[];
  receiptNos: string[];
  holder: string;
  recordedBy: string;
  recordedByPerson: string | null;
  recordedByLabel: string;
  recordedAt: string;
  status: DepositStatusName;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

export interface ExpenseDoc {
  _id: string;
  milestone: MilestoneName;
  payee: string;
  amountFen: number;
  invoiceFileId: string;
  memo: string | null;
  status: ExpenseStatusName;
  proposedAt: string;
  proposedBy: string;
  proposedByPerson: string | null;
  proposedByLabel: string;
  paidAt: string | null;
  paidBy: string | null;
  reason: string | null;
}

export interface FundAccountDoc {
  /** The unit's id. */
  _id: string;
  unitId: string;
  unitNo: string;
  firstDepositFen: number;
  balanceFen: number;
  importedAt: string;
  importedBy: string;
}
