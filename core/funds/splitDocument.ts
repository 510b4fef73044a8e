/**
 * The JSON document `tongti split --input FILE` reads, turned into a SplitInput with exact integer
 * weights, or the one reason it is not one. Decimals travel as text or JSON numbers and are read
 * digit by digit, never through floating point: an area has at most two decimals (hundredths of
 * m²), a coefficient at most three (thousandths).
 */
import {
  SPLIT_METHODS,
  SplitError,
  describeSplitProblemEn,
  splitCost,
  type SplitInput,
  type SplitMethod,
  type SplitShare,
  type SplitUnit,
} from './split';

export type SplitDocumentOutcome =
  { ok: true; input: SplitInput; shares: SplitShare[] } | { ok: false; message: string };

type Decimal = { ok: true; scaled: number } | { ok: false; reason: string };

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** "85.91" with places 2 → 8591. Trailing zeros past `places` carry no precision and are fine. */
export function parseScaledDecimal(value: unknown, places: number): Decimal {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') return { ok: false, reason: 'must be a decimal number' };
  const match = DECIMAL.exec(text.trim());
  if (!match) return { ok: false, reason: `must be a decimal number, got ${JSON.stringify(text)}` };
  const [, minus, whole = '', rawFraction = ''] = match;
  const fraction = rawFraction.replace(/0+$/, '');
  if (minus && /[1-9]/.test(whole + fraction)) {
    return { ok: false, reason: `must not be negative, got ${JSON.stringify(text)}` };
  }
  if (fraction.length > places) {
    return { ok: false, reason: `has more than ${places} decimals: ${JSON.stringify(text)}` };
  }
  const scaled = Number(whole + fraction.padEnd(places, '0'));
  if (!Number.isSafeInteger(scaled)) return { ok: false, reason: `is too large: ${text}` };
  return { ok: true, scaled };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the document and splits it; every failure is one line of English for the CLI. */
export function splitDocument(raw: unknown): SplitDocumentOutcome {
  const fail = (message: string): SplitDocumentOutcome => ({ ok: false, message });
  if (!isRecord(raw)) return fail('input must be a JSON object');

  const { totalFen, method } = raw;
  if (typeof totalFen !== 'number' || !Number.isSafeInteger(totalFen) || totalFen < 0) {
    return fail(
      `totalFen must be a non-negative integer, got ${JSON.stringify(totalFen) ?? 'nothing'}`,
    );
  }
  if (typeof method !== 'string' || !(SPLIT_METHODS as readonly string[]).includes(method)) {
    return fail(
      `method must be one of ${SPLIT_METHODS.join(', ')}, got ${JSON.stringify(method) ?? 'nothing'}`,
    );
  }
  const splitMethod = method as SplitMethod;

  const coefficients = new Map<number, number>();
  if (raw.coefficients !== undefined && raw.coefficients !== null) {
    if (!isRecord(raw.coefficients)) return fail('coefficients must be an object {floor: "0.7"}');
    for (const [floorText, value] of Object.entries(raw.coefficients)) {
      if (!/^-?\d+$/.test(floorText.trim())) {
        return fail(`coefficients: ${JSON.stringify(floorText)} is not a floor number`);
      }
      const parsed = parseScaledDecimal(value, 3);
      if (!parsed.ok) return fail(`coefficients["${floorText}"] ${parsed.reason}`);
      coefficients.set(Number(floorText.trim()), parsed.scaled);
    }
  }

  const exempt = new Set<string>();
  if (raw.exempt !== undefined && raw.exempt !== null) {
    if (!Array.isArray(raw.exempt)) return fail('exempt must be an array of unit numbers');
    for (const [i, unit] of raw.exempt.entries()) {
      if (typeof unit !== 'string' || unit === '') {
        return fail(`exempt[${i}] must be a unit number (text)`);
      }
      exempt.add(unit);
    }
  }

  if (!Array.isArray(raw.units)) return fail('units must be an array of {unit, floor, area}');
  const units: SplitUnit[] = [];
  for (const [i, entry] of raw.units.entries()) {
    if (!isRecord(entry)) return fail(`units[${i}] must be an object {unit, floor, area}`);
    const { unit, floor, area } = entry;
    if (typeof unit !== 'string' || unit === '') {
      return fail(`units[${i}].unit must be a unit number (text)`);
    }
    let floorNo = 0;
    if (floor !== undefined || splitMethod === 'floor-coefficient') {
      const n = typeof floor === 'string' && /^-?\d+$/.test(floor.trim()) ? Number(floor) : floor;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
        return fail(`units[${i}].floor must be a whole number (unit ${unit})`);
      }
      floorNo = n;
    }
    let areaHundredths = 0;
    if (area !== undefined || splitMethod !== 'equal') {
      const parsed = parseScaledDecimal(area, 2);
      if (!parsed.ok) return fail(`units[${i}].area ${parsed.reason} (unit ${unit})`);
      areaHundredths = parsed.scaled;
    }
    units.push({ unit, floor: floorNo, areaHundredths });
  }

  const input: SplitInput = {
    totalFen,
    method: splitMethod,
    coefficientsThousandths: coefficients,
    exempt,
    units,
  };
  try {
    return { ok: true, input, shares: splitCost(input) };
  } catch (error) {
    if (error instanceof SplitError) return fail(describeSplitProblemEn(error.problem));
    throw error;
  }
}
