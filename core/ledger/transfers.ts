import { isAccountId, isValidName, unitIdOfAccount, type AccountId } from './accounts';

/**
 * Transfers, after TigerBeetle: immutable, one id per transfer (THE idempotency key, chosen where
 * the action starts), two-phase when `pending` (later posted or voided, exactly once, by a new
 * transfer naming it), corrections by new transfers in the opposite direction.
 */
export type TransferKind =
  'charge' | 'payment' | 'cash' | 'deposit' | 'expense' | 'refund' | 'correction';
export type PayChannel = 'wechat' | 'pay-link' | 'cash';

export interface Payer {
  openid?: string;
  personId?: string;
  name: string;
}

export interface TransferRequest {
  /** Unique transfer id, chosen where the action starts: THE idempotency key. */
  id: string;
  kind: TransferKind;
  from: AccountId;
  to: AccountId;
  /** Positive safe integer. */
  amountFen: number;
  /** Two-phase: reserved until posted or voided (at most once). */
  pending?: boolean;
  /** Posts the pending transfer with this id (same from, to and amount). */
  postPendingId?: string;
  /** Voids the pending transfer with this id (same from, to and amount). */
  voidPendingId?: string;
  /** The unit it belongs to (payments by a proxy still belong to the owner's unit). */
  unitId?: string;
  channel?: PayChannel;
  /** Who actually paid (proxy, friend, staff on behalf). */
  payer?: Payer;
  memo?: string;
  /** e.g. { orderNo, transactionId, schemeId, chargeId, receiptNo, corrects } */
  refs?: Record<string, string>;
}

/** What a transfer is in the chain: one document of `entries`, never updated or removed. */
export interface LedgerEntry {
  /** 1, 2, 3, … without gaps. */
  seq: number;
  /** The transfer id; also the document's `_id`. */
  id: string;
  kind: TransferKind;
  from: AccountId;
  to: AccountId;
  amountFen: number;
  pending: boolean;
  postPendingId: string | null;
  voidPendingId: string | null;
  unitId: string | null;
  channel: PayChannel | null;
  payer: Payer | null;
  memo: string | null;
  refs: Record<string, string>;
  /** ISO instant (+08:00) from the poster's clock. */
  at: string;
  /** The previous entry's hash (GENESIS for seq 1). */
  prevHash: string;
  /** SHA-256 (hex) of the canonical form of every field above. */
  hash: string;
}

/** An entry as stored: its `_id` is the transfer id. */
export interface EntryDoc extends LedgerEntry {
  _id: string;
}

export const TRANSFER_KINDS: readonly TransferKind[] = [
  'charge',
  'payment',
  'cash',
  'deposit',
  'expense',
  'refund',
  'correction',
];
export const PAY_CHANNELS: readonly PayChannel[] = ['wechat', 'pay-link', 'cash'];

/** Why a request can never be posted (in Chinese, for whoever reads the refusal), or null. */
export function requestProblem(req: TransferRequest): string | null {
  if (!isValidName(req.id)) return `转账编号不合法：${req.id}`;
  if (!TRANSFER_KINDS.includes(req.kind)) return `未知的转账类型：${String(req.kind)}`;
  if (!isAccountId(req.from) || !isAccountId(req.to)) return `账户不合法：${req.from} → ${req.to}`;
  if (req.from === req.to) return '转出和转入账户不能相同';
  if (!Number.isSafeInteger(req.amountFen) || req.amountFen <= 0) {
    return `金额必须是正整数（分）：${req.amountFen}`;
  }
  const phases = [req.pending === true, Boolean(req.postPendingId), Boolean(req.voidPendingId)];
  if (phases.filter(Boolean).length > 1) return '一笔转账只能是待确认、确认或作废中的一种';
  for (const ref of [req.postPendingId, req.voidPendingId]) {
    if (ref !== undefined && !isValidName(ref)) return `引用的转账编号不合法：${ref}`;
  }
  if (req.channel !== undefined && !PAY_CHANNELS.includes(req.channel)) {
    return `未知的付款渠道：${String(req.channel)}`;
  }
  return null;
}

/** The fields that make two requests with one id the same transfer (a retry, not a clash). */
export function sameTransfer(entry: LedgerEntry, req: TransferRequest): boolean {
  return (
    entry.kind === req.kind &&
    entry.from === req.from &&
    entry.to === req.to &&
    entry.amountFen === req.amountFen &&
    entry.pending === (req.pending === true) &&
    entry.postPendingId === (req.postPendingId ?? null) &&
    entry.voidPendingId === (req.voidPendingId ?? null)
  );
}

/** The entry a request becomes at `seq`, before hashing. */
export function entryOf(
  req: TransferRequest,
  seq: number,
  at: string,
  prevHash: string,
): Omit<LedgerEntry, 'hash'> {
  return {
    seq,
    id: req.id,
    kind: req.kind,
    from: req.from,
    to: req.to,
    amountFen: req.amountFen,
    pending: req.pending === true,
    postPendingId: req.postPendingId ?? null,
    voidPendingId: req.voidPendingId ?? null,
    unitId: req.unitId ?? unitIdOfAccount(req.from) ?? unitIdOfAccount(req.to),
    channel: req.channel ?? null,
    payer: req.payer
      ? {
          ...(req.payer.openid !== undefined ? { openid: req.payer.openid } : {}),
          ...(req.payer.personId !== undefined ? { personId: req.payer.personId } : {}),
          name: req.payer.name,
        }
      : null,
    memo: req.memo ?? null,
    refs: { ...(req.refs ?? {}) },
    at,
    prevHash,
  };
}
