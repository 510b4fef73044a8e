/** Prints rows of figures as an aligned plain-text table (what `npm run bench` reports). */
export type Row = Record<string, string | number>;

export function printTable(title: string, rows: readonly Row[]): void {
  console.log(`\n${title}`);
  if (!rows.length) {
    console.log('  (no rows)');
    return;
  }
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: string | number | undefined): string => (v === undefined ? '' : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (values: string[]): string =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log('  ' + line(columns));
  console.log('  ' + line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log('  ' + line(columns.map((c) => cell(r[c]))));
}

/**
 * A row builder for figures measured at several building sizes: one row per measure, one column
 * per size ("10,000 units"), then the target.
 */
export function rowsBySize<S extends { size: number }>(
  sized: readonly S[],
): (measure: string, target: string, value: (s: S) => string | number) => Row {
  return (measure, target, value) => {
    const r: Row = { measure };
    for (const s of sized) r[`${s.size.toLocaleString('en-US')} units`] = value(s);
    r.target = target;
    return r;
  };
}

/**
 * The performance budget's shape: `measure | value(s) | target | within?`. Every budget row has
 * these four columns, so rows from any bench (including `rowsBySize` rows, through
 * `toBudgetRow`) print as one table.
 */
export const BUDGET_COLUMNS = ['measure', 'value(s)', 'target', 'within?'] as const;

export type Verdict = 'yes' | 'OVER' | '';

/**
 * Whether every figure meets a target written as `≤ N` or `≥ N` (a unit after N, such as KB,
 * ms or ×, is the figures' unit too). A target without a bound ("reported") or a figure that is
 * not a number gives no verdict.
 */
export function withinTarget(values: readonly (string | number)[], target: string): Verdict {
  const bound = /^\s*(≤|<=|≥|>=)\s*([\d,]+(?:\.\d+)?)/.exec(target);
  if (!bound?.[1] || !bound[2] || !values.length) return '';
  const limit = Number(bound[2].replace(/,/g, ''));
  const atMost = bound[1] === '≤' || bound[1] === '<=';
  const figures = values.map((v) => (typeof v === 'number' ? v : Number(v.replace(/,/g, ''))));
  if (figures.some((n) => !Number.isFinite(n))) return '';
  return figures.every((n) => (atMost ? n <= limit : n >= limit)) ? 'yes' : 'OVER';
}

/**
 * One budget row. `values` is a single figure or labelled figures ("demo", "10,000 units"),
 * all in the unit the target names; `unit` is appended to each figure shown.
 */
export function budgetRow(
  measure: string,
  values: number | ReadonlyArray<readonly [string, number]>,
  target: string,
  unit = '',
): Row {
  const labelled = typeof values === 'number' ? [['', values] as const] : values;
  const shown = labelled
    .map(([label, n]) => `${label ? `${label}: ` : ''}${n.toLocaleString('en-US')}${unit}`)
    .join(' · ');
  return {
    measure,
    'value(s)': shown,
    target,
    'within?': withinTarget(
      labelled.map(([, n]) => n),
      target,
    ),
  };
}

/** A row of figures by building size (`rowsBySize`) in the budget's shape. */
export function toBudgetRow(row: Row): Row {
  const { measure, target, ...figures } = row;
  const entries = Object.entries(figures);
  const targetText = target === undefined ? 'reported' : String(target);
  return {
    measure: String(measure ?? ''),
    'value(s)': entries.map(([label, v]) => `${label}: ${String(v)}`).join(' · '),
    target: targetText,
    'within?': withinTarget(
      entries.map(([, v]) => v),
      targetText,
    ),
  };
}
