/**
 * The thresholds of art. 278 as integer comparisons (3·x ≥ 2·y, 4·x ≥ 3·y, 2·x > y), and how far
 * a count is from each. "At least" includes the boundary, "more than" excludes it (art. 1259).
 * The same functions serve both axes: owners (a headcount) and area (hundredths of m²).
 */
import type { Rule } from './matters';

/** Turnout: at least two thirds of the total took part. */
export function turnoutMet(voted: number, total: number): boolean {
  return 3 * voted >= 2 * total;
}

/** The smallest k with 3·(voted + k) ≥ 2·total; 0 when turnout is already met. */
export function turnoutShort(voted: number, total: number): number {
  const gap = 2 * total - 3 * voted;
  return gap <= 0 ? 0 : Math.ceil(gap / 3);
}

/** Approval among those who took part; abstentions are in `voted` but not in `yes`. */
export function approvalMet(rule: Rule, yes: number, voted: number): boolean {
  return rule === 'three-quarters' ? 4 * yes >= 3 * voted : 2 * yes > voted;
}

/**
 * The yes votes still needed from those who have not voted yet: each such vote raises both yes
 * and voted by the same amount, so 4(Y+k) ≥ 3(V+k) ⇔ k ≥ 3V − 4Y and 2(Y+k) > V+k ⇔ k ≥ V − 2Y + 1.
 * The answer may exceed the non-voters that are left: then only changed minds can carry it.
 */
export function approvalShort(rule: Rule, yes: number, voted: number): number {
  const needed = rule === 'three-quarters' ? 3 * voted - 4 * yes : voted - 2 * yes + 1;
  return Math.max(0, needed);
}
