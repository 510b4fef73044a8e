import type { AccountId, AccountKind } from '../../core/ledger/accounts';
import type { UnitPayStatus } from '../../core/ledger/balances';
import type { TransferKind } from '../../core/ledger/transfers';

/** The ledger's documents besides the entries themselves (core/ledger/transfers.ts EntryDoc). */

export const HEAD_ID = 'head';

/** The chain head: the last entry's seq and hash, and how many units stand where. */
export interface HeadDoc {
  _id: string;
  seq: number;
  hash: string;
  /** Units with a charge, by standing (kept in each posting's transaction). */
  units: { paid: number; partly: number; unpaid: number };
  /** Σ posted from units to anything but 'assessments' (payments, cash posted, less refunds to units). */
  collectedFen?: number;
  /** Σ still pending from units (cash awaiting the treasurer). */
  pendingPaidFen?: number;
  updatedAt: string;
}

export interface BalanceDoc {
  _id: AccountId;
  account: AccountId;
  kind: AccountKind;
  unitId: string | null;
  postedFen: number;
  pendingFen: number;
  chargedFen: number;
  /** Unit accounts only: 'none' until charged. */
  status: UnitPayStatus | null;
  lastSeq: number;
  updatedAt: string;
}

export type PendingStatus = 'pending' | 'posted' | 'voided';

/** A two-phase transfer's state: settled at most once. */
export interface PendingDoc {
  _id: string;
  kind: TransferKind;
  from: AccountId;
  to: AccountId;
  amountFen: number;
  unitId: string | null;
  status: PendingStatus;
  seq: number;
  at: string;
  settledBy: string | null;
  settledAt: string | null;
}
