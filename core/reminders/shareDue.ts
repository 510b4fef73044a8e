import dayjs from 'dayjs';
import type { Charge } from '../funds/model';
import type { Instant } from '../registry/time';
import { ZONE, shanghaiDate, templateDay } from '../registry/time';
import { amountValue, thingValue } from './templates';

/**
 * "My share is due": which charges to remind of at `now`. A charge is reminded once in the 3 days
 * before its due date (phase `soon`), then, while still owed after it, once per overdue week
 * (phase `overdue-<week>`: days 1–7 late are week 0, 8–14 week 1…). A reminder costs the person a
 * grant, so a daily nag while overdue would spend them all in a few days; once a week keeps one
 * or two accepts useful. Phases are part of the message key, so each goes out once per person.
 */
export const DUE_SOON_DAYS = 3;
export const OVERDUE_EVERY_DAYS = 7;

/** Whole Shanghai days from `today` to `date` (both `YYYY-MM-DD`; negative once past). */
function daysUntil(today: string, date: string): number {
  return dayjs.tz(date, ZONE).diff(dayjs.tz(today, ZONE), 'day');
}

/** The phase a charge is in at `now`, or null when it is not due for a reminder. */
export function shareDuePhase(dueDate: string, now: Instant): string | null {
  const days = daysUntil(shanghaiDate(now), dueDate);
  if (days > DUE_SOON_DAYS) return null;
  if (days >= 0) return 'soon';
  return `overdue-${Math.floor((-days - 1) / OVERDUE_EVERY_DAYS)}`;
}

export interface ShareDueReminder {
  chargeId: string;
  unitId: string;
  decisionId: string | null;
  phase: string;
  page: string;
  data: Record<string, { value: string }>;
}

/**
 * Charges due soon or overdue whose unit still owes something, with what is left (the unit's
 * balance: charged less paid, cash awaiting the treasurer counted as handed over).
 */
export function dueShares(input: {
  charges: readonly Pick<Charge, '_id' | 'unitId' | 'unitNo' | 'dueDate' | 'decisionId'>[];
  /** What each unit still owes, in fen (posted plus pending; ≤ 0 when settled). */
  leftFen: ReadonlyMap<string, number>;
  now: Instant;
}): ShareDueReminder[] {
  const out: ShareDueReminder[] = [];
  for (const c of input.charges) {
    const phase = shareDuePhase(c.dueDate, input.now);
    const left = input.leftFen.get(c.unitId) ?? 0;
    if (phase === null || left <= 0) continue;
    out.push({
      chargeId: c._id,
      unitId: c.unitId,
      decisionId: c.decisionId,
      phase,
      page: 'pages/money/index',
      data: {
        thing1: { value: thingValue(`${c.unitNo}换梯分摊款`) },
        amount2: { value: amountValue(left) },
        time3: { value: templateDay(c.dueDate) },
      },
    });
  }
  return out;
}

export function shareDueKey(
  r: Pick<ShareDueReminder, 'chargeId' | 'phase'>,
  openid: string,
): string {
  return `shareDue:${r.chargeId}:${r.phase}:${openid}`;
}
