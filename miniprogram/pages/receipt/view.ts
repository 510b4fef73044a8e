import type { MyAccountView, ReceiptView } from '../../../typings/api';
import { formatDateTime } from '../../utils/format';

export interface ReceiptRow {
  key: string;
  label: string;
  value: string;
}

export interface ReceiptPageView {
  amount: string;
  statusLabel: string;
  pending: boolean;
  /**
   * "王小明（朋友） 代 钱*康（5-02） 缴纳": whose share it was, as a proxy says it everywhere; the
   * spaces are where a long line may break at large type (never inside 缴纳).
   */
  behalfLine: string;
  rows: ReceiptRow[];
  /** The full hash, for copying; the rows show it short. */
  entryHash: string;
}

/** "3f2a9c01…bb4e77d0": enough to find the entry on the public ledger at a glance. */
export function shortHash(hash: string): string {
  return hash.length > 20 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash;
}

/** What is still left on the receipt's unit, when the caller can see it (their own unit). */
export function leftOnUnit(account: MyAccountView | null, unitNo: string): string | null {
  return account?.units.find((u) => u.unitNo === unitNo)?.leftLabel ?? null;
}

export function toReceiptView(receipt: ReceiptView, left: string | null): ReceiptPageView {
  const rows: ReceiptRow[] = [
    { key: 'unit', label: '房号', value: receipt.unitNo },
    { key: 'owner', label: '业主', value: receipt.ownerMasked },
    { key: 'payer', label: '付款人', value: receipt.payerName },
    { key: 'channel', label: '方式', value: receipt.channelLabel },
    { key: 'time', label: '时间', value: formatDateTime(receipt.paidAt) },
    { key: 'no', label: '收据号', value: receipt.receiptNo },
  ];
  if (receipt.seq !== null)
    rows.push({ key: 'seq', label: '账本序号', value: `第 ${receipt.seq} 笔` });
  if (receipt.entryHash) {
    rows.push({ key: 'hash', label: '账本哈希', value: shortHash(receipt.entryHash) });
  }
  if (receipt.outTradeNo) rows.push({ key: 'order', label: '订单号', value: receipt.outTradeNo });
  if (left !== null) rows.push({ key: 'left', label: '还需缴纳', value: left });
  return {
    amount: receipt.amountLabel,
    statusLabel: receipt.statusLabel,
    pending: receipt.pending,
    behalfLine: `${receipt.payerName} 代 ${receipt.ownerMasked}（${receipt.unitNo}） 缴纳`,
    rows,
    entryHash: receipt.entryHash ?? '',
  };
}
