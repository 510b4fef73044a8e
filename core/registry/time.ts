import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

/**
 * Times of the registry, in the building's own zone. Instants are stored as ISO text with the
 * +08:00 offset (so they read as local time and sort as text); calendar days ("valid until",
 * "ownership ends") as YYYY-MM-DD in Shanghai. Core never reads a clock: callers pass `now`.
 */
dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type Instant = Date | number | string;

/** `2026-11-29T19:37:46+08:00`. */
export function shanghaiIso(instant: Instant): string {
  return dayjs(instant).tz(ZONE).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** How residents read a day: `11月29日`. */
export function shanghaiMonthDay(instant: Instant): string {
  return dayjs(instant).tz(ZONE).format('M月D日');
}

/** The calendar day in Shanghai at `instant`: `2026-11-29`. */
export function shanghaiDate(instant: Instant): string {
  return dayjs(instant).tz(ZONE).format('YYYY-MM-DD');
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const parsed = dayjs.tz(text, ZONE);
  return parsed.isValid() && parsed.format('YYYY-MM-DD') === text;
}

/** The day `days` after the Shanghai day of `instant`. */
export function addDays(instant: Instant, days: number): string {
  return dayjs(instant).tz(ZONE).add(days, 'day').format('YYYY-MM-DD');
}

/** `instant` plus `hours`, as Shanghai ISO text. */
export function addHours(instant: Instant, hours: number): string {
  return shanghaiIso(dayjs(instant).add(hours, 'hour').valueOf());
}

/** True when `a` is strictly before `b` (both instants). */
export function isBefore(a: Instant, b: Instant): boolean {
  return dayjs(a).valueOf() < dayjs(b).valueOf();
}

/**
 * How every date a person reads is written, in messages built on the server too:
 * `12月13日 12:23`, with the year (`2027年1月5日 09:00`) when it is not the year of `now`.
 */
export function readableAt(instant: Instant, now: Instant): string {
  const at = dayjs(instant).tz(ZONE);
  const year = at.year() === dayjs(now).tz(ZONE).year() ? '' : `${at.year()}年`;
  return `${year}${at.format('M月D日 HH:mm')}`;
}

/** A day where the time means nothing, the same way: `12月13日`, or `2027年1月5日` another year. */
export function readableDay(instant: Instant, now: Instant): string {
  const at = dayjs(instant).tz(ZONE);
  const year = at.year() === dayjs(now).tz(ZONE).year() ? '' : `${at.year()}年`;
  return `${year}${at.format('M月D日')}`;
}

/**
 * A subscription message's `time` keyword: WeChat renders it in its own card and documents it as
 * a 24-hour time with the date in front, so it always carries the year: `2026年12月13日 12:23`.
 */
export function templateTime(instant: Instant): string {
  return dayjs(instant).tz(ZONE).format('YYYY年M月D日 HH:mm');
}

/** A `time` keyword holding a calendar day (YYYY-MM-DD in Shanghai): `2026年12月13日`. */
export function templateDay(date: string): string {
  return dayjs.tz(date, ZONE).format('YYYY年M月D日');
}
