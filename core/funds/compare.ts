/**
 * Schemes side by side: the spread of the shares (min / median / max over the units that pay)
 * and each floor's total and average, for the chart residents compare before they vote.
 */

export interface ShareStats {
  payingUnits: number;
  exemptUnits: number;
  minFen: number;
  medianFen: number;
  maxFen: number;
}

/**
 * Over the paying units only (exempt units and zero shares say nothing about what people pay);
 * the median is the lower middle when the count is even, so it is always someone's real share.
 */
export function shareStats(shares: ReadonlyArray<{ fen: number; exempt: boolean }>): ShareStats {
  const paying = shares
    .filter((s) => !s.exempt && s.fen > 0)
    .map((s) => s.fen)
    .sort((a, b) => a - b);
  const exemptUnits = shares.filter((s) => s.exempt).length;
  if (paying.length === 0) {
    return { payingUnits: 0, exemptUnits, minFen: 0, medianFen: 0, maxFen: 0 };
  }
  return {
    payingUnits: paying.length,
    exemptUnits,
    minFen: paying[0] ?? 0,
    medianFen: paying[Math.floor((paying.length - 1) / 2)] ?? 0,
    maxFen: paying[paying.length - 1] ?? 0,
  };
}

export interface FloorTotal {
  floor: number;
  units: number;
  totalFen: number;
  /** Rounded down to the fen. */
  averageFen: number;
}

/** Each floor's units, total and average share, lowest floor first. */
export function floorTotals(shares: ReadonlyArray<{ floor: number; fen: number }>): FloorTotal[] {
  const byFloor = new Map<number, { units: number; totalFen: number }>();
  for (const s of shares) {
    const row = byFloor.get(s.floor) ?? { units: 0, totalFen: 0 };
    row.units += 1;
    row.totalFen += s.fen;
    byFloor.set(s.floor, row);
  }
  return [...byFloor.entries()]
    .sort(([a], [b]) => a - b)
    .map(([floor, { units, totalFen }]) => ({
      floor,
      units,
      totalFen,
      averageFen: Math.floor(totalFen / units),
    }));
}
