import type {
  CashReceiptView,
  DepositView,
  ExpenseView,
  PayAnomalyView,
  ReconcileResult,
} from '../../../typings/api';
import { formatFen } from '../../utils/format';
import { dayTime } from '../cash-desk/view';

/** Said beside anything the treasurer recorded: the server refuses it, the page says why first. */
export const OWN_RECORD_NOTE = '这是您本人登记的，须由另一位出纳确认';

export interface QueueCashRow {
  id: string;
  title: string;
  amountText: string;
  recordedLine: string;
  heldText: string;
  overdue: boolean;
  inDeposit: string;
  /** In a bank deposit: confirmed with that deposit, not one by one. */
  deposited: boolean;
  mine: boolean;
}

function heldText(r: CashReceiptView): string {
  if (r.heldDays === 0) return '今天收到';
  return r.overdue ? `已在手 ${r.heldDays} 天，超过 3 天` : `已在手 ${r.heldDays} 天`;
}

export function queueCashRow(
  r: CashReceiptView,
  me: string,
  slipNos: ReadonlyMap<string, string> = new Map(),
): QueueCashRow {
  const slipNo = r.depositId ? (slipNos.get(r.depositId) ?? '') : '';
  return {
    id: r.id,
    title: r.unitNo,
    amountText: r.amountText,
    recordedLine: `收据 ${r.receiptNo} · ${r.recordedByLabel} 登记，收于 ${dayTime(r.receivedAt)}`,
    heldText: heldText(r),
    overdue: r.overdue,
    inDeposit: r.depositId
      ? `已存入银行，随存款单${slipNo ? ` ${slipNo} ` : ''}一并确认`
      : '尚未存入银行',
    deposited: r.depositId !== null,
    mine: r.recordedBy === me,
  };
}

export interface QueueDepositRow {
  id: string;
  title: string;
  amountText: string;
  recordedLine: string;
  receiptsLine: string;
  mine: boolean;
}

export function queueDepositRow(d: DepositView, me: string): QueueDepositRow {
  return {
    id: d.id,
    title: '银行存款单',
    amountText: d.amountText,
    recordedLine: `单号 ${d.slipNo} · ${d.recordedByLabel} 登记，存于 ${dayTime(d.depositedAt)}`,
    receiptsLine: `含收据 ${d.receiptNos.join('、')}（${d.receiptNos.length} 张）`,
    mine: d.recordedBy === me,
  };
}

export interface QueueExpenseRow {
  id: string;
  title: string;
  amountText: string;
  proposedLine: string;
  memo: string;
}

export function queueExpenseRow(e: ExpenseView): QueueExpenseRow {
  return {
    id: e.id,
    title: e.milestoneLabel,
    amountText: e.amountText,
    proposedLine: `付给 ${e.payee} · ${e.proposedByLabel} 提出于 ${dayTime(e.proposedAt)}`,
    memo: e.memo ?? '',
  };
}

export interface AnomalyRow {
  id: string;
  title: string;
  detail: string;
  amounts: string;
  resolved: boolean;
}

export function anomalyRow(a: PayAnomalyView): AnomalyRow {
  const amounts = [
    a.expectedFen === null ? '' : `应为 ${formatFen(a.expectedFen)}`,
    a.reportedFen === null ? '' : `通知 ${formatFen(a.reportedFen)}`,
  ]
    .filter(Boolean)
    .join('，');
  return {
    id: a.id,
    title: `${a.kindLabel}${a.unitNo ? ` · ${a.unitNo}` : ''}`,
    detail: `${dayTime(a.at)} ${a.detail}${a.outTradeNo ? `（订单 ${a.outTradeNo}）` : ''}`,
    amounts,
    resolved: a.resolved,
  };
}

// ---- What each irreversible step says before it happens ---------------------------------------

const FINAL = '此操作记入公开账本，不能撤销。';

export function postCashText(r: CashReceiptView): string {
  return `确认收到 ${r.unitNo} 的现金 ${r.amountText}（收据 ${r.receiptNo}，${r.recordedByLabel} 经手）并入账？入账后该户显示已缴。${FINAL}`;
}

export function voidCashText(r: CashReceiptView, reason: string): string {
  return `作废 ${r.unitNo} 的现金收据 ${r.receiptNo}（${r.amountText}），原因：${reason}。作废后该户不再显示“现金已收”，如确实收过款需重新登记。${FINAL}`;
}

export function confirmDepositText(d: DepositView): string {
  return `确认银行已收到存款单 ${d.slipNo} 的 ${d.amountText}（收据 ${d.receiptNos.join('、')}）？确认后这笔现金转入项目收款账户。${FINAL}`;
}

export function rejectDepositText(d: DepositView, reason: string): string {
  return `退回存款单 ${d.slipNo}（${d.amountText}），原因：${reason}。收据将回到经手人名下，须重新登记存款。${FINAL}`;
}

export function payExpenseText(e: ExpenseView): string {
  return `向 ${e.payee} 支付 ${e.amountText}（${e.milestoneLabel}），从项目收款账户记一笔支出？${FINAL}`;
}

export function rejectExpenseText(e: ExpenseView, reason: string): string {
  return `驳回 ${e.payee} 的 ${e.milestoneLabel} ${e.amountText}，原因：${reason}。${FINAL}`;
}

export function reconcileLine(r: ReconcileResult): string {
  if (r.checked === 0) return '没有需要核对的微信支付订单';
  const parts = [
    `核对 ${r.checked} 笔`,
    `补记到账 ${r.credited} 笔`,
    `仍未支付 ${r.stillUnpaid} 笔`,
  ];
  if (r.failed) parts.push(`查询失败 ${r.failed} 笔`);
  if (r.anomalies) parts.push(`新增异常 ${r.anomalies} 笔`);
  return parts.join('，');
}

export interface QueueCounts {
  line: string;
  empty: boolean;
}

export function queueCounts(
  cash: number,
  overdue: number,
  deposits: number,
  expenses: number,
  anomalies: number,
): QueueCounts {
  const parts = [
    cash ? `现金 ${cash} 笔${overdue ? `（${overdue} 笔超过 3 天）` : ''}` : '',
    deposits ? `存款单 ${deposits} 张` : '',
    expenses ? `工程付款 ${expenses} 笔` : '',
    anomalies ? `支付异常 ${anomalies} 笔` : '',
  ].filter(Boolean);
  return parts.length
    ? { line: `待处理：${parts.join('，')}`, empty: false }
    : { line: '没有待处理的事项', empty: true };
}
