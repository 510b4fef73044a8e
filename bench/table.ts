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
