/**
 * Calendar days (YYYY-MM-DD, the building's own days as the server counts them) as residents
 * read them: 12月13日, the year only when it is not this year's, and how many days away.
 */

function parts(date: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** "2026-12-13" → "12月13日"; another year than `today`'s → "2027年1月5日"; unreadable → "". */
export function monthDay(date: string, today: string): string {
  const d = parts(date);
  if (!d) return '';
  const sameYear = parts(today)?.[0] === d[0];
  return `${sameYear ? '' : `${d[0]}年`}${d[1]}月${d[2]}日`;
}

/** Whole days from `today` to `date` (negative when past). */
export function daysFrom(today: string, date: string): number {
  const a = parts(today);
  const b = parts(date);
  if (!a || !b) return 0;
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

/** "今天", "明天", "还有 11 天", "3 天前". */
export function countdown(today: string, date: string): string {
  const days = daysFrom(today, date);
  if (days === 0) return '今天';
  if (days === 1) return '明天';
  return days > 0 ? `还有 ${days} 天` : `${-days} 天前`;
}

/**
 * An instant the server wrote in Shanghai time ("2026-12-03T19:05:00+08:00") → "12月3日 19:05".
 * Other offsets fall back to the full date-time formatter's reading.
 */
export function monthDayTime(iso: string, today: string): string {
  if (!/\+08:00$/.test(iso)) return '';
  return `${monthDay(iso.slice(0, 10), today)} ${iso.slice(11, 16)}`;
}
