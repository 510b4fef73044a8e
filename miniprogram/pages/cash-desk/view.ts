import type {
  CashReceiptView,
  RecordCashRequest,
  RecordDepositRequest,
} from '../../../typings/api';
import { parseYuan } from '../../utils/amount';
import { formatDateTime, formatFen } from '../../utils/format';
import { unitIn } from '../../utils/roomLookup';

/** The desk's dates, in the one format (the year only when it is not this year's). */
export function dayTime(iso: string): string {
  return formatDateTime(iso);
}

const SHANGHAI_MS = 8 * 60 * 60 * 1000;

/** The Shanghai date and time of an instant, as pickers want them ("2026-12-07", "09:30"). */
export function shanghaiParts(epochMs: number): { date: string; time: string } {
  const iso = new Date(epochMs + SHANGHAI_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Picker date and time, read as Shanghai wall time. */
export function shanghaiInstant(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

// ---- My cash ---------------------------------------------------------------------------------

export interface CashRow {
  id: string;
  title: string;
  amountText: string;
  receivedText: string;
  /** "已在手 4 天" while the cash has not gone to the bank; the status otherwise. */
  stateText: string;
  overdue: boolean;
  /** Can go into a new bank deposit. */
  selectable: boolean;
  selected: boolean;
  amountFen: number;
}

function stateText(r: CashReceiptView): string {
  if (r.settlement === 'voided') return `已作废：${r.voidReason ?? ''}`;
  if (r.settlement === 'posted') return '已入账';
  if (r.depositId) return '已存入银行，待出纳确认';
  if (r.overdue) return `已在手 ${r.heldDays} 天，超过 3 天，请尽快存入银行`;
  return r.heldDays === 0 ? '今天收到，待存入银行' : `已在手 ${r.heldDays} 天，待存入银行`;
}

export function cashRow(r: CashReceiptView, selected: readonly string[]): CashRow {
  const selectable = r.settlement === 'pending' && r.depositId === null;
  return {
    id: r.id,
    title: r.unitNo,
    amountText: r.amountText,
    receivedText: `收据 ${r.receiptNo} · 收于 ${dayTime(r.receivedAt)}`,
    stateText: stateText(r),
    overdue: selectable && r.overdue,
    selectable,
    selected: selectable && selected.includes(r.id),
    amountFen: r.amountFen,
  };
}

export interface CashSummary {
  /** "在手现金 3 笔，共 ¥3,000.00，其中 1 笔超过 3 天" */
  line: string;
  overdue: number;
}

export function cashSummary(receipts: CashReceiptView[]): CashSummary {
  const inHand = receipts.filter((r) => r.settlement === 'pending' && r.depositId === null);
  const fen = inHand.reduce((sum, r) => sum + r.amountFen, 0);
  const overdue = inHand.filter((r) => r.overdue).length;
  if (inHand.length === 0) return { line: '手上没有待存入银行的现金', overdue: 0 };
  return {
    line: `在手现金 ${inHand.length} 笔，共 ${formatFen(fen)}${overdue ? `，其中 ${overdue} 笔超过 3 天` : ''}`,
    overdue,
  };
}

// ---- Recording cash at the door ----------------------------------------------------------------

export interface CashForm {
  unitNo: string;
  amountYuan: string;
  date: string;
  time: string;
  receiptNo: string;
  payerName: string;
  photoFileId: string;
}

export function emptyCashForm(nowMs: number): CashForm {
  const { date, time } = shanghaiParts(nowMs);
  return { unitNo: '', amountYuan: '', date, time, receiptNo: '', payerName: '', photoFileId: '' };
}

export type Checked<T> = { ok: true; request: T; summary: string } | { ok: false; message: string };

export function cashRequest(
  form: CashForm,
  unitIdByNo: ReadonlyMap<string, string>,
  nowMs: number,
): Checked<RecordCashRequest> {
  const found = unitIn(form.unitNo, unitIdByNo);
  if (!found.ok) {
    const typed = form.unitNo.trim();
    if (found.reason === 'empty') return { ok: false, message: '请填写房号，如 12-03' };
    if (found.reason === 'ambiguous') return { ok: false, message: found.message };
    return { ok: false, message: `没有找到房号 ${typed}，请按门牌填写，如 12-03` };
  }
  const { unitNo, value: unitId } = found;
  const amountFen = parseYuan(form.amountYuan);
  if (amountFen === null || amountFen <= 0) {
    return { ok: false, message: '请填写收到的金额（元，最多两位小数）' };
  }
  const receivedAt = shanghaiInstant(form.date, form.time);
  if (Date.parse(receivedAt) > nowMs + 60 * 1000) {
    return { ok: false, message: '收款时间不能晚于现在' };
  }
  const receiptNo = form.receiptNo.trim();
  if (!receiptNo) return { ok: false, message: '请填写纸质收据上的编号' };
  if (!form.photoFileId) return { ok: false, message: '请拍摄业主签字的纸质收据' };
  const request: RecordCashRequest = {
    unitId,
    amountFen,
    receivedAt,
    receiptNo,
    photoFileId: form.photoFileId,
  };
  if (form.payerName.trim()) request.payerName = form.payerName.trim();
  return {
    ok: true,
    request,
    summary: `${unitNo} 现金 ${formatFen(amountFen)}，收据 ${receiptNo}`,
  };
}

// ---- Bank deposit ----------------------------------------------------------------------------

export interface DepositForm {
  slipNo: string;
  amountYuan: string;
  date: string;
  time: string;
  slipFileId: string;
}

export function emptyDepositForm(nowMs: number): DepositForm {
  const { date, time } = shanghaiParts(nowMs);
  return { slipNo: '', amountYuan: '', date, time, slipFileId: '' };
}

export interface DepositMatch {
  selectedCount: number;
  selectedFen: number;
  /** What the slip says minus what the receipts add up to; null until an amount is typed. */
  differenceFen: number | null;
  matches: boolean;
  /** Said before submitting: the sums must match. */
  line: string;
}

export function depositMatch(
  receipts: CashReceiptView[],
  selected: readonly string[],
  amountYuan: string,
): DepositMatch {
  const chosen = receipts.filter((r) => selected.includes(r.id));
  const selectedFen = chosen.reduce((sum, r) => sum + r.amountFen, 0);
  const typed = amountYuan.trim() ? parseYuan(amountYuan) : null;
  const picked = `已选 ${chosen.length} 张收据，合计 ${formatFen(selectedFen)}`;
  if (chosen.length === 0) {
    return {
      selectedCount: 0,
      selectedFen,
      differenceFen: null,
      matches: false,
      line: '请勾选这次存入银行的收据',
    };
  }
  if (typed === null) {
    return {
      selectedCount: chosen.length,
      selectedFen,
      differenceFen: null,
      matches: false,
      line: amountYuan.trim() ? `${picked}；存款金额填写有误` : `${picked}；请填写存款单上的金额`,
    };
  }
  const differenceFen = typed - selectedFen;
  let line: string;
  if (differenceFen === 0) line = `${picked}，与存款单金额一致`;
  else if (differenceFen > 0) {
    line = `${picked}；存款单 ${formatFen(typed)}，比收据多 ${formatFen(differenceFen)}，请核对`;
  } else {
    line = `${picked}；存款单 ${formatFen(typed)}，比收据少 ${formatFen(-differenceFen)}，请核对`;
  }
  return {
    selectedCount: chosen.length,
    selectedFen,
    differenceFen,
    matches: differenceFen === 0,
    line,
  };
}

export function depositRequest(
  form: DepositForm,
  receipts: CashReceiptView[],
  selected: readonly string[],
): Checked<RecordDepositRequest> {
  const match = depositMatch(receipts, selected, form.amountYuan);
  if (!match.matches) return { ok: false, message: match.line };
  const slipNo = form.slipNo.trim();
  if (!slipNo) return { ok: false, message: '请填写银行存款单上的编号' };
  if (!form.slipFileId) return { ok: false, message: '请拍摄银行存款单' };
  return {
    ok: true,
    request: {
      slipNo,
      amountFen: match.selectedFen,
      depositedAt: shanghaiInstant(form.date, form.time),
      slipFileId: form.slipFileId,
      receiptIds: receipts.filter((r) => selected.includes(r.id)).map((r) => r.id),
    },
    summary: `存款单 ${slipNo}：${match.selectedCount} 张收据，${formatFen(match.selectedFen)}`,
  };
}
