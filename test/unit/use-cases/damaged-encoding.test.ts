import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexArticle } from '../../../lib/use-cases/index-article.js';
import { memoryDeps } from '../../helpers/memory-deps.js';

const EXAMPLES = join(__dirname, '../../../examples/articles');

/** The wire story as a newsroom system writes it: typographic quotes, apostrophes and dashes, in UTF-8. */
function typographic(text: string): string {
  let quotes = 0;
  return text
    .replace(/"/g, () => (quotes++ % 2 === 0 ? '\u201c' : '\u201d'))
    .replace(/'/g, '\u2019')
    .replace(/ - /g, ' \u2014 ');
}

describe('an article with one damaged byte', () => {
  it('a verbatim copy with one invalid UTF-8 byte is still judged a copy of its source', async () => {
    const source = Buffer.from(
      typographic(readFileSync(join(EXAMPLES, '2024-03-01-wire-port-strike.txt'), 'utf8')),
      'utf8',
    );
    const middle = source.indexOf(0x20, source.length >> 1);
    const copy = Buffer.concat([source.subarray(0, middle), Buffer.from([0xff]), source.subarray(middle)]);
    const deps = memoryDeps();
    await indexArticle(deps, {
      key: 'wire/strike.txt',
      bytes: source,
      order: '2024-03-01T09:00:00.000Z|wire/strike.txt',
    });

    const { report } = await indexArticle(deps, {
      key: 'web/strike.txt',
      bytes: copy,
      order: '2024-03-02T09:00:00.000Z|web/strike.txt',
    });

    expect(report.rewriteOf).toMatchObject({ key: 'wire/strike.txt', verdict: 'copy' });
    // read as Windows-1252, each typographic mark became two or three letters and symbols: 0.86
    expect(report.rewriteOf!.score).toBeGreaterThan(0.98);
  });
});
