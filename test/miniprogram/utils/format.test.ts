import {
  keepFiguresWhole,
  formatArea,
  formatDate,
  formatDateTime,
  formatFen,
} from '../../../miniprogram/utils/format';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [123456, '¥1,234.56'],
    [100000000, '¥1,000,000.00'],
    [-1200, '-¥12.00'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('refuses a fractional amount instead of rounding money', () => {
    expect(() => formatFen(12.5)).toThrow(TypeError);
  });
});

describe('formatArea', () => {
  it.each([
    [8912, '89.12 m²'],
    [8910, '89.10 m²'],
    [987654, '9,876.54 m²'],
    [999999, '9,999.99 m²'],
    [1000000, '1.00 万 m²'],
    [1234567, '1.23 万 m²'],
    // Half up at the 0.01 万 boundary: 12,350 m² is 1.235 万.
    [1235000, '1.24 万 m²'],
    [1234999, '1.23 万 m²'],
  ])('%i hundredths → %s', (hundredths, text) => {
    expect(formatArea(hundredths)).toBe(text);
  });

  it('refuses negative and fractional areas', () => {
    expect(() => formatArea(-1)).toThrow(RangeError);
    expect(() => formatArea(1.5)).toThrow(TypeError);
  });
});

const THIS_YEAR = Date.parse('2026-12-07T12:00:00+08:00');
const LATER = Date.parse('2027-03-01T12:00:00+08:00');

describe('formatDate', () => {
  it.each([
    ['2026-11-29T10:00:00+08:00', '2026年11月29日'],
    // 16:30 UTC is already the next day in Shanghai.
    ['2026-11-28T16:30:00Z', '2026年11月29日'],
    ['2026-11-28T15:59:59Z', '2026年11月28日'],
    ['2026-03-05T07:00:00-0500', '2026年3月5日'],
    ['2026-11-29', '2026年11月29日'],
    ['2026-11-29 23:59', '2026年11月29日'],
    ['2026-11-29T10:00:00.123+08:00', '2026年11月29日'],
  ])('%s → %s (another year) ', (iso, text) => {
    expect(formatDate(iso, LATER)).toBe(text);
    // The same year as `now`: the year goes.
    expect(formatDate(iso, THIS_YEAR)).toBe(text.replace('2026年', ''));
  });

  it.each(['', 'yesterday', '2026-02-30', '2026-13-01', '2026-11-29T24:00:00+08:00'])(
    'answers "" for %p',
    (iso) => {
      expect(formatDate(iso)).toBe('');
    },
  );

  it('adds the Shanghai time of day in formatDateTime', () => {
    expect(formatDateTime('2026-11-29T02:05:00Z', THIS_YEAR)).toBe('11月29日 10:05');
    expect(formatDateTime('2026-11-29T02:05:00Z', LATER)).toBe('2026年11月29日 10:05');
    // `now` may be stored text, and the year is Shanghai's: 16:30 UTC on 31 Dec is already 2027.
    expect(formatDateTime('2026-12-31T18:00:00+08:00', '2026-12-31T16:30:00Z')).toBe(
      '2026年12月31日 18:00',
    );
    expect(formatDateTime('not a date')).toBe('');
  });
});

describe('keepFiguresWhole', () => {
  it('joins each number to its unit and each year to 年, invisibly', () => {
    const kept = keepFiguresWhole('2027年1月26日–2月24日，共 30 天，已出账 138 户');
    expect(kept).toBe(
      '2027\u2060年1\u2060月26\u2060日–2\u2060月24\u2060日，共 30\u00a0天，已出账 138\u00a0户',
    );
    // What a person reads is unchanged.
    expect(kept.replace(/\u2060/g, '').replace(/\s/g, ' ')).toBe(
      '2027年1月26日–2月24日，共 30 天，已出账 138 户',
    );
  });
});
