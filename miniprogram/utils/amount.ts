/**
 * Reading amounts people type. A yuan amount ("1234.5", "¥1,234.50") becomes integer fen by
 * string arithmetic, so "0.29" is 29 fen and never 28.999…; anything else is null, and the page
 * says what is wrong instead of guessing.
 */

const YUAN = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/** "1,234.5" → 123450; "", "1.234", "-3", "abc" → null. */
export function parseYuan(text: string): number | null {
  const cleaned = text.trim().replace(/^¥/, '').replace(/,/g, '').trim();
  const m = YUAN.exec(cleaned);
  if (!m) return null;
  const whole = Number(m[1]);
  const cents = Number((m[2] ?? '').padEnd(2, '0'));
  return whole * 100 + cents;
}

const COEFFICIENT = /^(\d{1,2})(?:\.(\d{1,3}))?$/;

/** A floor coefficient with at most three decimals, in thousandths: "0.7" → 700, "1.05" → 1050. */
export function parseCoefficient(text: string): number | null {
  const m = COEFFICIENT.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
}

/** 700 → "0.7", 1050 → "1.05", 1000 → "1". */
export function formatCoefficient(thousandths: number): string {
  const whole = Math.floor(thousandths / 1000);
  const rest = String(thousandths % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}
