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
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? ''))));
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
        const padding = ' '.repeat(Math.max(0, w - displayWidth(cell)));
        return c.align === 'right' ? padding + cell : cell + padding;
      })
      .join(GAP)
      .trimEnd();
  return (
    [line(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join(GAP), ...rows.map(line)].join('\n') +
    '\n'
  );
}

/** Keeps the end of text that fits `width` columns, marking the cut with '…'. */
function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const kept: string[] = [];
  let used = 1; // the '…'
  for (const g of graphemes(text).reverse()) {
    if (used + graphemeWidth(g) > width) break;
    kept.unshift(g);
    used += graphemeWidth(g);
  }
  return `…${kept.join('')}`;
}

const segmenter = new Intl.Segmenter();

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Terminal columns a text takes: CJK, full-width forms and emoji take two, combining marks none. */
export function displayWidth(text: string): number {
  // printable ASCII, the usual case, is one column a character
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  return graphemes(text).reduce((sum, g) => sum + graphemeWidth(g), 0);
}

/** Wide: East Asian Wide and Fullwidth blocks, and pictographs from U+1F000 (shown as emoji). */
const WIDE =
  /^(?:[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]|(?=[\u{1f000}-\u{1faff}])\p{Extended_Pictographic})/u;

function graphemeWidth(g: string): number {
  if (/^[\p{M}\p{Cf}]*$/u.test(g)) return 0;
  return WIDE.test(g) ? 2 : 1;
}
