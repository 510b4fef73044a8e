import { accountKind, type AccountId } from './accounts';
import type { UnitPayStatus } from './balances';
import type { LedgerEntry, PayChannel, TransferKind } from './transfers';

/** How the ledger reads to a resident: amounts, kinds, channels, accounts and masked names. */

/** 123456 → ¥1,234.56; negative amounts keep their sign. */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

export const KIND_LABELS: Record<TransferKind, string> = {
  charge: '应缴',
  payment: '缴款',
  cash: '现金',
  deposit: '存入银行',
  expense: '支出',
  refund: '退款',
  correction: '更正',
};

export const CHANNEL_LABELS: Record<PayChannel, string> = {
  wechat: '微信支付',
  'pay-link': '代付链接',
  cash: '现金',
};

export type EntryPhase = 'posted' | 'pending' | 'post' | 'void';

export function phaseOf(
  entry: Pick<LedgerEntry, 'pending' | 'postPendingId' | 'voidPendingId'>,
): EntryPhase {
  if (entry.pending) return 'pending';
  if (entry.postPendingId) return 'post';
  if (entry.voidPendingId) return 'void';
  return 'posted';
}

export const PHASE_LABELS: Record<EntryPhase, string> = {
  posted: '',
  pending: '待确认',
  post: '确认入账',
  void: '作废',
};

/** An account as a resident reads it; units by room number when known. */
export function accountLabel(
  account: AccountId,
  unitNo: (unitId: string) => string | null,
): string {
  switch (accountKind(account)) {
    case 'unit': {
      const id = account.slice('unit:'.length);
      return `${unitNo(id) ?? id} 应缴`;
    }
    case 'cash':
      return '经手人现金';
    case 'assessments':
      return '分摊应收';
    case 'collection':
      return '项目收款账户';
    case 'transit':
      return '在途存款';
    case 'expenses':
      return '工程支出';
    case 'refunds':
      return '退款';
  }
}

/** 钱大康 → 钱*康, 王伟 → 王*, 欧阳娜娜 → 欧**娜: first and (from three characters) last shown. */
export function maskFullName(name: string): string {
  const chars = Array.from(name.trim());
  const first = chars[0];
  if (first === undefined) return '—';
  if (chars.length === 1) return first;
  if (chars.length === 2) return `${first}*`;
  return first + '*'.repeat(chars.length - 2) + (chars[chars.length - 1] ?? '');
}

export function statusLabel(status: UnitPayStatus, pendingCashFen: number): string {
  if (pendingCashFen > 0) return '现金已收，待入账';
  return { none: '无应缴', paid: '已缴清', partly: '部分缴纳', unpaid: '未缴' }[status];
}

/** Progress as 0–100 with one decimal, rounded down so 99.96 % never shows as 100. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((part * 1000) / whole) / 10;
}
