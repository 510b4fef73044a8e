/**
 * Display formatting for money, areas and dates. Money and areas arrive as integers (fen and
 * hundredths of a square metre) and are formatted with integer arithmetic only, so a displayed
 * figure is never off by a floating-point cent. Dates are shown in Asia/Shanghai whatever the
 * phone's time zone, without dayjs: DevTools does not bundle node_modules for us (and the mini
 * program may not import core/, where the server's dayjs twin `readableAt` lives).
 */

const SHANGHAI_OFFSET_MINUTES = 8 * 60;
const MINUTE_MS = 60 * 1000;

function assertInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`${what} must be an integer, got ${value}`);
  }
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Splits a non-negative integer count of hundredths into "1,234" and "56". */
function splitHundredths(value: number): [string, string] {
  const whole = Math.floor(value / 100);
  const cents = value % 100;
  return [groupThousands(String(whole)), String(cents).padStart(2, '0')];
}

/** 123456 → "¥1,234.56"; negative amounts (refunds) → "-¥12.00". */
export function formatFen(fen: number): string {
  assertInteger(fen, 'fen');
  const [whole, cents] = splitHundredths(Math.abs(fen));
  return `${fen < 0 ? '-' : ''}¥${whole}.${cents}`;
}

const TEN_THOUSAND_M2 = 10000 * 100;

/**
 * 8912 → "89.12 m²"; from 10,000 m² on, in 万 with two decimals rounded half up:
 * 1234567 (12,345.67 m²) → "1.23 万 m²".
 */
export function formatArea(hundredths: number): string {
  assertInteger(hundredths, 'area');
  if (hundredths < 0) throw new RangeError(`area must not be negative, got ${hundredths}`);
  if (hundredths < TEN_THOUSAND_M2) {
    const [whole, cents] = splitHundredths(hundredths);
    return `${whole}.${cents} m²`;
  }
  // One unit here is 0.01 万 m² = 100 m² = 10,000 hundredths.
  const hundredthsOfWan = Math.floor((hundredths + 5000) / 10000);
  const [whole, cents] = splitHundredths(hundredthsOfWan);
  return `${whole}.${cents} 万 m²`;
}

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** Minutes east of UTC written in an ISO offset ("Z", "+08:00", "-0330"). */
function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

interface ShanghaiDate {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * Reads an ISO 8601 date or date-time; one without an offset is taken as Shanghai time (that is
 * how residents write dates). Parsed by hand because iOS's engine rejects "2026-11-29 10:00".
 */
function toShanghai(iso: string): ShanghaiDate | null {
  const m = ISO_PATTERN.exec(iso.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = m;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)];
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls "02-30" over into March: a changed calendar day means the input was invalid.
  const check = new Date(wallMs);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const utcMs =
    wallMs - (zone === undefined ? SHANGHAI_OFFSET_MINUTES : offsetMinutes(zone)) * MINUTE_MS;
  const local = new Date(utcMs + SHANGHAI_OFFSET_MINUTES * MINUTE_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/** The year in Shanghai at `now` (milliseconds or ISO text): decides whether a date shows its year. */
function shanghaiYear(now: number | string): number | null {
  if (typeof now === 'number')
    return new Date(now + SHANGHAI_OFFSET_MINUTES * MINUTE_MS).getUTCFullYear();
  return toShanghai(now)?.year ?? null;
}

function yearPrefix(date: ShanghaiDate, now: number | string): string {
  return date.year === shanghaiYear(now) ? '' : `${date.year}年`;
}

/**
 * The one way a day is written where the time of day means nothing: "12月13日", with the year
 * when it is not the year of `now` ("2027年1月5日"); unreadable input → "".
 */
export function formatDate(iso: string, now: number | string = Date.now()): string {
  const date = toShanghai(iso);
  return date ? `${yearPrefix(date, now)}${date.month}月${date.day}日` : '';
}

/**
 * The one way an instant is written for people: "12月13日 12:23" in Shanghai, with the year when
 * it is not the year of `now` ("2025年12月13日 12:23"); unreadable input → "". The server's
 * messages use core/registry/time.ts `readableAt`, and a test holds the two to the same text.
 */
export function formatDateTime(iso: string, now: number | string = Date.now()): string {
  const date = toShanghai(iso);
  if (!date) return '';
  const hh = String(date.hour).padStart(2, '0');
  const mm = String(date.minute).padStart(2, '0');
  return `${yearPrefix(date, now)}${date.month}月${date.day}日 ${hh}:${mm}`;
}

/**
 * A line that must not break inside a figure: a number keeps its unit ("30 天", "138 户", with a
 * no-break space) and a year its 年 (a word joiner), so at large type "共 30 天" never ends a line
 * with "30" and "2027年" never splits. Invisible to readers; `\s` still matches the space.
 */
export function keepFiguresWhole(text: string): string {
  return text
    .replace(/(\d) (?=[万户位层部天元个次张笔])/g, '$1\u00a0')
    .replace(/(\d)(?=[年月日])/g, '$1\u2060');
}
