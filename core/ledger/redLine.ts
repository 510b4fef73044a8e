/**
 * The maintenance fund's red line. Nationally a household below 30 % of its first deposit must
 * top up; in Shanghai (art. 65) the owners' assembly decides how to re-collect, and if it does not
 * decide within 90 days, owners must top up to 50 % of the first collection within 90 days. Using
 * the fund for the elevators would push units below the line — the reason the building raises the
 * money itself. Amounts are BigInt-safe here: products of fen can pass 2^53.
 */
export const RED_LINE_PERCENT = 30;
export const TOP_UP_PERCENT = 50;
export const DECIDE_WITHIN_DAYS = 90;

export interface FundRow {
  unitId: string;
  unitNo: string;
  firstDepositFen: number;
  balanceFen: number;
}

export interface RedLineReport {
  units: number;
  belowRedLine: number;
  firstDepositFen: number;
  balanceFen: number;
  percent: number;
  topUpFen: number;
  lowest: Array<{ unitNo: string; percent: number; balanceFen: number; firstDepositFen: number }>;
}

/** balance < 30 % of first deposit, in integers: 100·balance < 30·first. */
export function isBelowRedLine(row: FundRow): boolean {
  return BigInt(row.balanceFen) * 100n < BigInt(row.firstDepositFen) * BigInt(RED_LINE_PERCENT);
}

/** What a unit must add to reach 50 % of its first deposit (rounded up to the fen). */
export function topUpToHalf(row: FundRow): number {
  const target = (BigInt(row.firstDepositFen) * BigInt(TOP_UP_PERCENT) + 99n) / 100n;
  const gap = target - BigInt(row.balanceFen);
  return gap > 0n ? Number(gap) : 0;
}

function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Number((BigInt(part) * 1000n) / BigInt(whole)) / 10;
}

export function redLineReport(rows: readonly FundRow[]): RedLineReport {
  const below = rows.filter(isBelowRedLine);
  const first = rows.reduce((s, r) => s + r.firstDepositFen, 0);
  const balance = rows.reduce((s, r) => s + r.balanceFen, 0);
  const lowest = [...rows]
    .sort(
      (a, b) =>
        Number(
          BigInt(a.balanceFen) * BigInt(b.firstDepositFen) -
            BigInt(b.balanceFen) * BigInt(a.firstDepositFen),
        ) || a.unitNo.localeCompare(b.unitNo),
    )
    .slice(0, 20)
    .map((r) => ({
      unitNo: r.unitNo,
      percent: percent(r.balanceFen, r.firstDepositFen),
      balanceFen: r.balanceFen,
      firstDepositFen: r.firstDepositFen,
    }));
  return {
    units: rows.length,
    belowRedLine: below.length,
    firstDepositFen: first,
    balanceFen: balance,
    percent: percent(balance, first),
    topUpFen: below.reduce((s, r) => s + topUpToHalf(r), 0),
    lowest,
  };
}

/** What using the fund would trigger, in the words a resident reads. */
export function redLineConsequences(report: RedLineReport, topUpText: string): string[] {
  return [
    `${report.units} 户中有 ${report.belowRedLine} 户维修基金余额已低于首期交存额的 ${RED_LINE_PERCENT}%。`,
    `按《上海市住宅物业管理规定》第六十五条：余额低于 ${RED_LINE_PERCENT}% 时，业主大会应当在 ${DECIDE_WITHIN_DAYS} 日内决定续筹方案。`,
    `逾期未决定的，业主应在 ${DECIDE_WITHIN_DAYS} 日内按首期交存额的 ${TOP_UP_PERCENT}% 补足，仅这些户合计约 ${topUpText}。`,
    '动用维修基金更换电梯会让更多房屋跌破红线，因此本楼选择自筹。',
  ];
}
