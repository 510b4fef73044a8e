/**
 * The rules of a payment: how much may be paid, what our order numbers look like, and what
 * WeChat's answer to queryOrder must say before anything is credited. The payment notification
 * itself is never trusted: any client can invoke the callback function with a "paid" event.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { ZONE, type Instant } from '../registry/time';
import { formatFen } from './money';
import type { PayOrder } from './model';

dayjs.extend(utc);
dayjs.extend(timezone);

/** At least one yuan a payment (WeChat fees make smaller ones pointless)… */
export const MIN_PAYMENT_FEN = 100;

/**
 * Why `amountFen` cannot be paid towards `leftFen`, or null. Partial payments are fine; a
 * remainder under one yuan may be paid exactly, or it could never be settled.
 */
export function amountRefusal(amountFen: number, leftFen: number): string | null {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) return '缴款金额必须是正整数（分）';
  if (leftFen <= 0) return '该房屋目前没有待缴金额';
  if (amountFen > leftFen) return `缴款金额不能超过待缴金额 ${formatFen(leftFen)}`;
  if (amountFen < MIN_PAYMENT_FEN && amountFen !== leftFen) {
    return `每次缴款至少 ${formatFen(MIN_PAYMENT_FEN)}`;
  }
  return null;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * Our order number for one attempt: "TT" + Shanghai time to the second + 12 random characters,
 * 28 characters of [A-Z0-9] (WeChat allows 32 of [A-Za-z0-9_-|*@]). `random` gives the bytes.
 */
export function newOutTradeNo(now: Instant, random: Uint8Array): string {
  if (random.length < 12) throw new RangeError('an order number needs 12 random bytes');
  const stamp = dayjs(now).tz(ZONE).format('YYYYMMDDHHmmss');
  const tail = Array.from(random.slice(0, 12), (b) => ALPHABET[b % ALPHABET.length]).join('');
  return `TT${stamp}${tail}`;
}

export const OUT_TRADE_NO = /^[A-Za-z0-9_]{1,32}$/;

/** What queryOrder said about an order, narrowed to what the decision needs. */
export interface QueriedTrade {
  tradeState: string;
  outTradeNo: string;
  totalFee: number | null;
  transactionId: string | null;
  subMchId: string | null;
}

export type TradeVerdict =
  | { kind: 'credit'; transactionId: string }
  | { kind: 'unpaid' }
  | { kind: 'failed'; tradeState: string }
  | { kind: 'mismatch'; detail: string; reportedFen: number | null };

/**
 * Whether WeChat's own answer lets us credit `order`: paid (SUCCESS), for this very order, of
 * exactly its amount, with a transaction id. A different amount is never credited.
 */
export function verdictOf(
  order: Pick<PayOrder, '_id' | 'amountFen' | 'subMchId'>,
  trade: QueriedTrade,
): TradeVerdict {
  if (trade.outTradeNo !== order._id) {
    return {
      kind: 'mismatch',
      detail: `微信返回的订单号 ${trade.outTradeNo} 与本订单 ${order._id} 不符`,
      reportedFen: trade.totalFee,
    };
  }
  if (trade.tradeState === 'NOTPAY' || trade.tradeState === 'USERPAYING') return { kind: 'unpaid' };
  if (trade.tradeState !== 'SUCCESS') return { kind: 'failed', tradeState: trade.tradeState };
  if (trade.subMchId !== null && trade.subMchId !== order.subMchId) {
    return {
      kind: 'mismatch',
      detail: `收款商户号 ${trade.subMchId} 不是本项目的商户号`,
      reportedFen: trade.totalFee,
    };
  }
  if (trade.totalFee !== order.amountFen) {
    return {
      kind: 'mismatch',
      detail: `微信支付金额 ${trade.totalFee === null ? '未知' : formatFen(trade.totalFee)} 与订单金额 ${formatFen(order.amountFen)} 不符`,
      reportedFen: trade.totalFee,
    };
  }
  if (!trade.transactionId) {
    return { kind: 'mismatch', detail: '微信未返回交易单号', reportedFen: trade.totalFee };
  }
  return { kind: 'credit', transactionId: trade.transactionId };
}

export type UnitPayState = 'no-charge' | 'unpaid' | 'partly' | 'paid' | 'overpaid';

export const PAY_STATE_LABELS: Record<UnitPayState, string> = {
  'no-charge': '暂无应缴',
  unpaid: '未缴',
  partly: '部分缴纳',
  paid: '已缴清',
  overpaid: '多缴',
};

export const PENDING_CASH_LABEL = '现金已收，待入账';

export interface UnitMoney {
  chargedFen: number;
  paidFen: number;
  pendingCashFen: number;
}

/** What is left to pay: pending cash already counts as handed over (never below 0). */
export function leftToPay(money: UnitMoney): number {
  return Math.max(0, money.chargedFen - money.paidFen - money.pendingCashFen);
}

export function payState(money: UnitMoney): UnitPayState {
  if (money.chargedFen === 0 && money.paidFen === 0) return 'no-charge';
  const settled = money.paidFen + money.pendingCashFen;
  if (money.paidFen > money.chargedFen) return 'overpaid';
  if (settled >= money.chargedFen) return 'paid';
  return settled > 0 ? 'partly' : 'unpaid';
}

export function payStateLabel(money: UnitMoney): string {
  const label = PAY_STATE_LABELS[payState(money)];
  return money.pendingCashFen > 0 ? `${label}，${PENDING_CASH_LABEL}` : label;
}
