/**
 * A unit's money movements as its household reads them, from the ledger entries that touch its
 * account: charges, payments (naming who paid and how), cash at the door with its custody state,
 * corrections and refunds.
 */
import { unitAccount } from '../ledger/accounts';
import type { LedgerEntry, PayChannel } from '../ledger/transfers';
import { formatFen } from './money';
import { PENDING_CASH_LABEL } from './payments';

export type MovementKind = 'charge' | 'payment' | 'cash' | 'correction' | 'refund';

export interface Movement {
  transferId: string;
  at: string;
  kind: MovementKind;
  kindLabel: string;
  amountFen: number;
  amountLabel: string;
  channel: PayChannel | null;
  channelLabel: string | null;
  payerName: string | null;
  pending: boolean;
  statusLabel: string;
  hasReceipt: boolean;
}

export const CHANNEL_LABELS: Record<PayChannel, string> = {
  wechat: '微信支付',
  'pay-link': '代付链接',
  cash: '现金',
};

const KIND_LABELS: Record<MovementKind, string> = {
  charge: '应缴分摊款',
  payment: '缴款',
  cash: '现金缴款',
  correction: '更正',
  refund: '退款',
};

/**
 * The unit's movements, newest first. A cash receipt is one line whatever became of it: the
 * treasurer's posting or voiding (later entries naming it) only changes its status.
 */
export function movementsOf(unitId: string, entries: readonly LedgerEntry[]): Movement[] {
  const settledBy = new Map<string, 'posted' | 'voided'>();
  for (const e of entries) {
    if (e.postPendingId) settledBy.set(e.postPendingId, 'posted');
    if (e.voidPendingId) settledBy.set(e.voidPendingId, 'voided');
  }
  const account = unitAccount(unitId);
  const out: Movement[] = [];
  for (const e of entries) {
    if (e.postPendingId || e.voidPendingId) continue;
    if (e.from !== account && e.to !== account) continue;
    const kind: MovementKind =
      e.kind === 'charge' || e.kind === 'payment' || e.kind === 'cash' || e.kind === 'refund'
        ? e.kind
        : 'correction';
    const state = e.pending ? (settledBy.get(e.id) ?? 'pending') : 'posted';
    const channelLabel = e.channel ? CHANNEL_LABELS[e.channel] : null;
    const statusLabel =
      state === 'pending'
        ? PENDING_CASH_LABEL
        : state === 'voided'
          ? '已作废'
          : kind === 'charge'
            ? '已出具'
            : '已入账';
    out.push({
      transferId: e.id,
      at: e.at,
      kind,
      kindLabel: kind === 'payment' && channelLabel ? channelLabel : KIND_LABELS[kind],
      amountFen: e.amountFen,
      amountLabel: formatFen(e.amountFen),
      channel: e.channel,
      channelLabel,
      payerName: e.payer?.name ?? null,
      pending: state === 'pending',
      statusLabel,
      hasReceipt: (kind === 'payment' || kind === 'cash') && state !== 'voided',
    });
  }
  return out.reverse();
}
