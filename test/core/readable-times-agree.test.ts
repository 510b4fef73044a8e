/**
 * One date format on both sides: the server's messages (core `readableAt`/`readableDay`, dayjs)
 * and the mini program's pages (utils/format.ts, which may not import core or dayjs) write every
 * instant the same way, whatever the offset it was stored with and whatever the year of `now`.
 */
import fc from 'fast-check';
import { readableAt, readableDay, shanghaiIso } from '../../core/registry/time';
import { formatDate, formatDateTime } from '../../miniprogram/utils/format';

// 2020 to 2035, with the boundaries of a year (in UTC and in Shanghai) drawn often.
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
  fc
    .tuple(fc.integer({ min: 2021, max: 2034 }), fc.integer({ min: -20 * 3600, max: 20 * 3600 }))
    .map(([year, seconds]) => Date.UTC(year, 0, 1) + seconds * 1000),
);
const offsets = ['Z', '+08:00', '-05:00', '+05:30'];

function isoWithOffset(ms: number, offset: string): string {
  if (offset === 'Z') return new Date(ms).toISOString();
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return `${new Date(ms + minutes * 60_000).toISOString().slice(0, 19)}${offset}`;
}

it('the mini program writes every instant exactly as the server does', () => {
  fc.assert(
    fc.property(instant, instant, fc.constantFrom(...offsets), (at, now, offset) => {
      const iso = isoWithOffset(at, offset);
      expect(formatDateTime(iso, now)).toBe(readableAt(at, now));
      expect(formatDate(iso, now)).toBe(readableDay(at, now));
      // `now` may be stored text too.
      expect(formatDateTime(iso, shanghaiIso(now))).toBe(readableAt(at, now));
    }),
    { numRuns: 2000 },
  );
});

it('reads as a person writes: 12月13日 12:23, the year only for another year', () => {
  const now = Date.parse('2026-12-07T12:00:00+08:00');
  expect(formatDateTime('2026-12-13T04:23:41Z', now)).toBe('12月13日 12:23');
  expect(formatDateTime('2025-12-13T12:23:00+08:00', now)).toBe('2025年12月13日 12:23');
  expect(formatDate('2027-01-05', now)).toBe('2027年1月5日');
  expect(readableDay('2026-12-13T12:23:00+08:00', now)).toBe('12月13日');
});
