import { displayWidth, formatTable } from '../../../lib/cli/format-table';

/** The column each line's second cell starts at, in terminal columns. */
const secondColumnStarts = (table: string): number[] =>
  table
    .trimEnd()
    .split('\n')
    .filter((l) => !l.startsWith('-'))
    .map((l) => displayWidth(l.slice(0, l.lastIndexOf('  ') + 2)));

describe('formatTable', () => {
  it('lines up columns when cells hold CJK, full-width and emoji text', () => {
    const table = formatTable(
      [{ header: 'article' }, { header: 'verdict' }],
      [
        ['news/東京の火事.txt', 'rewrite'],
        ['news/ｆｕｌｌ.txt', 'copy'],
        ['news/fire-🔥.txt', 'original'],
        ['news/plain.txt', 'original'],
        ['news/cafe\u0301.txt', 'original'], // e + combining acute: one column
      ],
    );

    expect(new Set(secondColumnStarts(table)).size).toBe(1);
  });

  it('cuts a wide cell from the left to the column width without splitting a character', () => {
    const table = formatTable(
      [{ header: 'article' }, { header: 'v' }],
      [['記事/東京の火事の記事の続き.txt', 'copy']],
      14,
    );
    const cell = table.split('\n')[2]!.split('  ')[0]!;

    expect(cell.startsWith('…')).toBe(true);
    expect(displayWidth(cell)).toBeLessThanOrEqual(12);
    expect(cell.endsWith('続き.txt')).toBe(true);
  });

  it.each([
    ['abc', 3],
    ['東京', 4],
    ['🔥', 2],
    ['👩‍👩‍👧', 2],
    ['e\u0301', 1],
    ['ＡＢ', 4],
  ])('measures %j as %d columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});
