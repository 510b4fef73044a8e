/**
 * Areas travel as integer hundredths of m². Parsing goes through the decimal text, never through
 * floating-point arithmetic, because one hundredth decides boundary votes (DOMAIN.md).
 */

/** Larger than any exclusive part; keeps every sum and the 4·x products of the tally exact. */
export const MAX_UNIT_AREA_HUNDREDTHS = 100_000_000;

export type AreaParse = { ok: true; hundredths: number } | { ok: false; reason: string };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * Reads an area given as decimal text or a JSON number. A number is read through its shortest
 * round-trip text (String(n)), so 89.12 means exactly 89.12. Exponent forms are accepted when their
 * value is a whole number of hundredths; trailing zeros beyond the second decimal ("89.120") carry
 * no precision and are accepted too. Anything finer than a hundredth is rejected, never rounded.
 */
export function parseArea(input: string | number): AreaParse {
  if (typeof input === 'number' && !Number.isFinite(input)) {
    return { ok: false, reason: `must be a finite number, got ${String(input)}` };
  }
  const text = typeof input === 'number' ? String(input) : input;
  const match = DECIMAL.exec(text);
  if (!match) {
    return { ok: false, reason: `must be a decimal number such as "89.12", got ${quote(text)}` };
  }
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  let digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  if (/^0+$/.test(digits)) return { ok: false, reason: 'must be greater than zero' };
  if (sign === '-') return { ok: false, reason: `must be positive, got ${quote(text)}` };
  const tooFine: AreaParse = {
    ok: false,
    reason: `must have at most two decimals, got ${quote(text)}`,
  };
  // Exponents far beyond any real area are settled before doing arithmetic with them.
  if (exponentText.replace(/^[+-]?0*/, '').length > 4) {
    return exponentText.startsWith('-') ? tooFine : tooLarge(text);
  }
  // value = digits · 10^scale; trailing zeros move into the scale so only real precision remains.
  const trailingZeros = /0*$/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(0, digits.length - trailingZeros);
  const shift = Number(exponentText) - fraction.length + trailingZeros + 2;
  if (shift < 0) return tooFine;
  if (digits.length + shift > String(MAX_UNIT_AREA_HUNDREDTHS).length) return tooLarge(text);
  const hundredths = Number(digits + '0'.repeat(shift));
  if (hundredths > MAX_UNIT_AREA_HUNDREDTHS) return tooLarge(text);
  return { ok: true, hundredths };
}

/** Formats hundredths as text with exactly two decimals: 8912 → "89.12", 0 → "0.00". */
export function formatArea(hundredths: number): string {
  if (!Number.isSafeInteger(hundredths) || hundredths < 0) {
    throw new RangeError(`area must be a non-negative integer of hundredths, got ${hundredths}`);
  }
  const whole = Math.floor(hundredths / 100);
  const rest = hundredths % 100;
  return `${whole}.${rest < 10 ? '0' : ''}${rest}`;
}

function tooLarge(text: string): AreaParse {
  return {
    ok: false,
    reason: `must be at most ${formatArea(MAX_UNIT_AREA_HUNDREDTHS)}, got ${quote(text)}`,
  };
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
