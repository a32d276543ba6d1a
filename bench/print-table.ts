/** A number with a fixed count of decimals and thousands separators; NaN prints as n/a. */
export function fmt(x: number, digits: number): string {
  return Number.isNaN(x)
    ? 'n/a'
    : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Prints a plain-text table: columns right-aligned, the first left-aligned unless `numericFirst`. */
export function printTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numericFirst = false,
): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (c === 0 && !numericFirst ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** x rounded to `digits` decimals, for the JSON figures. */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
