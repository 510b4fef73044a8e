/**
 * Apportionment of a cost among units (民法典 art. 283): by area (the default without an
 * agreement), by floor coefficient × area, or equally per unit; exempt units pay nothing.
 *
 * Weights are exact integers — area in hundredths of m², coefficients in thousandths — and every
 * product goes through BigInt, since total × weight passes 2^53 long before a real building's
 * numbers do (¥100 million over 10,000 units). Shares are ⌊T·w/W⌋ and the fen left over go one
 * each to the largest remainders T·w mod W, ties to the unit listed first, so Σ shares = T always
 * and the rule can be stated to residents in one sentence (SPLIT_RULE).
 */

export const SPLIT_METHODS = ['area', 'floor-coefficient', 'equal'] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];

export const SPLIT_METHOD_LABELS: Record<SplitMethod, string> = {
  area: '按面积分摊',
  'floor-coefficient': '按楼层系数×面积分摊',
  equal: '按户平均分摊',
};

/** What residents read under every scheme: the rounding rule, exactly as the code applies it. */
export const SPLIT_RULE =
  '每户应摊 = 总额 × 本户权重 ÷ 全部权重，先取整到分；剩下的几分钱按余数从大到小每户补 1 分，余数相同先补名单靠前的房屋。合计恰好等于总额。';

export interface SplitUnit {
  unit: string;
  floor: number;
  /** Hundredths of m²; 0 is allowed (pays nothing by area). Unused by `equal`. */
  areaHundredths: number;
}

export interface SplitInput {
  totalFen: number;
  method: SplitMethod;
  /** Floor → coefficient in thousandths (0.7 → 700). Only `floor-coefficient` reads it. */
  coefficientsThousandths: ReadonlyMap<number, number>;
  exempt: ReadonlySet<string>;
  units: readonly SplitUnit[];
}

export interface SplitShare {
  unit: string;
  fen: number;
}

export type SplitProblem =
  | { kind: 'bad-total'; totalFen: number }
  | { kind: 'no-units' }
  | { kind: 'duplicate-unit'; unit: string }
  | { kind: 'unknown-exempt'; unit: string }
  | { kind: 'no-coefficient'; unit: string; floor: number }
  | { kind: 'bad-weight'; unit: string }
  | { kind: 'nobody-pays' };

/** A split that cannot be made; `message` is Chinese (shown to organizers), `problem` is data. */
export class SplitError extends Error {
  constructor(readonly problem: SplitProblem) {
    super(describeSplitProblemZh(problem));
    this.name = 'SplitError';
  }
}

export function describeSplitProblemZh(problem: SplitProblem): string {
  switch (problem.kind) {
    case 'bad-total':
      return `总额必须是不小于 0 的整数（分），收到 ${problem.totalFen}`;
    case 'no-units':
      return '没有参与分摊的房屋';
    case 'duplicate-unit':
      return `房屋 ${problem.unit} 重复出现`;
    case 'unknown-exempt':
      return `免摊房屋 ${problem.unit} 不在房屋名单中`;
    case 'no-coefficient':
      return `房屋 ${problem.unit} 所在的 ${problem.floor} 楼没有楼层系数`;
    case 'bad-weight':
      return `房屋 ${problem.unit} 的面积或系数不是非负整数`;
    case 'nobody-pays':
      return '没有需要分摊的房屋（全部免摊或权重为 0）';
  }
}

export function describeSplitProblemEn(problem: SplitProblem): string {
  switch (problem.kind) {
    case 'bad-total':
      return `totalFen must be a non-negative integer, got ${problem.totalFen}`;
    case 'no-units':
      return 'units: no units to split among';
    case 'duplicate-unit':
      return `units: unit ${JSON.stringify(problem.unit)} is listed twice`;
    case 'unknown-exempt':
      return `exempt: unit ${JSON.stringify(problem.unit)} is not in units`;
    case 'no-coefficient':
      return `coefficients: floor ${problem.floor} (unit ${JSON.stringify(problem.unit)}) has no coefficient`;
    case 'bad-weight':
      return `units: unit ${JSON.stringify(problem.unit)} has an area or coefficient that is not a non-negative integer`;
    case 'nobody-pays':
      return 'nobody left to pay: every unit is exempt or weighs nothing';
  }
}

/** The weight of each unit under the method (exempt units weigh 0), as exact integers. */
export function splitWeights(input: SplitInput): bigint[] {
  return input.units.map((u) => {
    if (input.exempt.has(u.unit)) return 0n;
    if (input.method === 'equal') return 1n;
    if (!Number.isSafeInteger(u.areaHundredths) || u.areaHundredths < 0) {
      throw new SplitError({ kind: 'bad-weight', unit: u.unit });
    }
    if (input.method === 'area') return BigInt(u.areaHundredths);
    const k = input.coefficientsThousandths.get(u.floor);
    if (k === undefined)
      throw new SplitError({ kind: 'no-coefficient', unit: u.unit, floor: u.floor });
    if (!Number.isSafeInteger(k) || k < 0)
      throw new SplitError({ kind: 'bad-weight', unit: u.unit });
    return BigInt(k) * BigInt(u.areaHundredths);
  });
}

/** Every unit's share in input order; Σ fen = totalFen exactly. Throws SplitError. */
export function splitCost(input: SplitInput): SplitShare[] {
  if (!Number.isSafeInteger(input.totalFen) || input.totalFen < 0) {
    throw new SplitError({ kind: 'bad-total', totalFen: input.totalFen });
  }
  if (input.units.length === 0) throw new SplitError({ kind: 'no-units' });
  const seen = new Set<string>();
  for (const u of input.units) {
    if (seen.has(u.unit)) throw new SplitError({ kind: 'duplicate-unit', unit: u.unit });
    seen.add(u.unit);
  }
  for (const unit of input.exempt) {
    if (!seen.has(unit)) throw new SplitError({ kind: 'unknown-exempt', unit });
  }
  const weights = splitWeights(input);
  const total = BigInt(input.totalFen);
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new SplitError({ kind: 'nobody-pays' });

  const floors = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w) => (total * w) % sum);
  let left = total - floors.reduce((a, b) => a + b, 0n);
  // Σ remainders = left · sum and each remainder < sum, so only units with a remainder get a fen.
  const order = remainders
    .map((r, index) => ({ r, index }))
    .sort((a, b) => (a.r === b.r ? a.index - b.index : a.r > b.r ? -1 : 1));
  const extra = new Array<bigint>(weights.length).fill(0n);
  for (const { index } of order) {
    if (left === 0n) break;
    extra[index] = 1n;
    left -= 1n;
  }
  return input.units.map((u, i) => ({
    unit: u.unit,
    fen: Number((floors[i] ?? 0n) + (extra[i] ?? 0n)),
  }));
}
