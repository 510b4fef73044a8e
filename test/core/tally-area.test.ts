import fc from 'fast-check';
import { MAX_UNIT_AREA_HUNDREDTHS, formatArea, parseArea } from '../../core/tally';

function hundredths(input: string | number): number {
  const parsed = parseArea(input);
  if (!parsed.ok) throw new Error(`expected ${String(input)} to parse, got: ${parsed.reason}`);
  return parsed.hundredths;
}

function reason(input: string | number): string {
  const parsed = parseArea(input);
  if (parsed.ok) throw new Error(`expected ${String(input)} to be rejected`);
  return parsed.reason;
}

describe('parseArea', () => {
  it.each<[string | number, number]>([
    ['89.12', 8912],
    [89.12, 8912],
    ['89.1', 8910],
    [89.1, 8910],
    ['89', 8900],
    [89, 8900],
    ['0.01', 1],
    [0.01, 1],
    ['0089.12', 8912],
    ['89.120', 8912],
    ['8.912e1', 8912],
    ['8912E-2', 8912],
    ['1e2', 10000],
    ['1e+2', 10000],
    [1e-2, 1],
    [0.07, 7],
    [3.3, 330],
    ['1000000.00', MAX_UNIT_AREA_HUNDREDTHS],
  ])('reads %p as %p hundredths', (input, expected) => {
    expect(hundredths(input)).toBe(expected);
  });

  it('never rounds a float sum into a plausible area', () => {
    expect(reason(0.1 + 0.2)).toMatch(/at most two decimals/);
    expect(reason(1.1 + 2.2)).toMatch(/at most two decimals/);
  });

  it.each<[string | number, RegExp]>([
    ['89.125', /at most two decimals/],
    [89.125, /at most two decimals/],
    ['1e-3', /at most two decimals/],
    ['1.5e-2', /at most two decimals/],
    ['1e-99999', /at most two decimals/],
    ['0', /greater than zero/],
    [0, /greater than zero/],
    ['0.00', /greater than zero/],
    [-0, /greater than zero/],
    ['-1', /positive/],
    [-89.12, /positive/],
    [Number.NaN, /finite/],
    [Number.POSITIVE_INFINITY, /finite/],
    ['NaN', /decimal number/],
    ['', /decimal number/],
    [' 89.12', /decimal number/],
    ['89,12', /decimal number/],
    ['.5', /decimal number/],
    ['5.', /decimal number/],
    ['0x10', /decimal number/],
    ['1000000.01', /at most 1000000\.00/],
    ['1e7', /at most 1000000\.00/],
    ['1e99999', /at most 1000000\.00/],
    [1e21, /at most 1000000\.00/],
  ])('rejects %p', (input, pattern) => {
    expect(reason(input)).toMatch(pattern);
  });

  it('reads every whole number of hundredths exactly, as text, as a number and in exponent form', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_UNIT_AREA_HUNDREDTHS }), (h) => {
        expect(hundredths(formatArea(h))).toBe(h);
        expect(hundredths(h / 100)).toBe(h);
        expect(hundredths(`${h}e-2`)).toBe(h);
      }),
      { numRuns: 200 },
    );
  });
});

describe('formatArea', () => {
  it.each<[number, string]>([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [8912, '89.12'],
    [8900, '89.00'],
    [138_000_00, '138000.00'],
  ])('formats %p as %p', (h, text) => {
    expect(formatArea(h)).toBe(text);
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses %p', (h) => {
    expect(() => formatArea(h)).toThrow(RangeError);
  });
});
