import dayjs from 'dayjs';
import { type Instant, templateTime } from '../registry/time';
import { amountValue, thingValue } from './templates';

/**
 * "Cash receipt posted": receipts the treasurer posted recently. The window (48 hours back from
 * `now`) rather than a stored "last looked" mark keeps a run free of writes of its own: a run
 * that failed or was skipped is covered by the next, and the message key (receipt and person)
 * stops a second send.
 */
export const RECEIPT_NEWS_MS = 48 * 3600_000;

export interface PostedReceipt {
  _id: string;
  unitId: string;
  unitNo: string;
  amountFen: number;
  settlement: string;
  settledAt: string | null;
}

export interface ReceiptReminder {
  receiptId: string;
  unitId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** The earliest `settledAt` still news at `now` (the query's lower bound). */
export function receiptNewsSince(now: Instant): number {
  return dayjs(now).valueOf() - RECEIPT_NEWS_MS;
}

export function postedReceiptReminders(
  receipts: readonly PostedReceipt[],
  now: Instant,
): ReceiptReminder[] {
  const since = receiptNewsSince(now);
  const until = dayjs(now).valueOf();
  return receipts
    .filter((r) => {
      if (r.settlement !== 'posted' || r.settledAt === null) return false;
      const at = Date.parse(r.settledAt);
      return at >= since && at <= until;
    })
    .map((r) => ({
      receiptId: r._id,
      unitId: r.unitId,
      page: 'pages/ledger/index',
      data: {
        thing1: { value: thingValue(`${r.unitNo}现金收据已入账`) },
        amount2: { value: amountValue(r.amountFen) },
        time3: {
          value: templateTime(r.settledAt ?? now),
        },
      },
    }));
}

export function receiptKey(r: Pick<ReceiptReminder, 'receiptId'>, openid: string): string {
  return `receiptPosted:${r.receiptId}:${openid}`;
}
