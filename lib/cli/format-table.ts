/** One column of a text table. */
export interface TableColumn {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

/** Narrowest a column is cut to when the table must fit a width. */
const MIN_COLUMN = 12;
const GAP = '  ';

/**
 * A plain-text table with a header and a rule. With `maxWidth`, the widest columns are cut
 * from the left ('…' + the end, where a path keeps its file name) until the table fits or every
 * column is at its minimum.
 */
export function formatTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  maxWidth?: number,
): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  if (maxWidth !== undefined) {
    const total = (): number => widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
    while (total() > maxWidth) {
      const widest = widths.indexOf(Math.max(...widths));
      if ((widths[widest] ?? 0) <= MIN_COLUMN) break;
      widths[widest] = (widths[widest] ?? 0) - 1;
    }
  }
  const line = (cells: readonly string[]): string =>
    columns
      .map((c, i) => {
        const w = widths[i] ?? 0;
        const cell = fit(cells[i] ?? '', w);
        return c.align === 'right' ? cell.padStart(w) : cell.padEnd(w);
      })
      .join(GAP)
      .trimEnd();
  return (
    [line(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join(GAP), ...rows.map(line)].join('\n') +
    '\n'
  );
}

/** Keeps the last width characters of text, marking the cut with '…'. */
function fit(text: string, width: number): string {
  return text.length <= width ? text : `…${text.slice(text.length - Math.max(0, width - 1))}`;
}
