import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeReport } from '../../../lib/report/decode-report.js';
import { htmlReportKey, reportKey } from '../../../lib/store/keys.js';
import type { ArticleRead, ArticleSource } from '../../../lib/store/ports.js';
import { ingestArticle } from '../../../lib/use-cases/ingest-article.js';
import { fixtureBytes } from '../../helpers/fixtures.js';
import { foreignMarkup, parsePage, type Element, type ParsedPage } from '../../helpers/html-page.js';
import { memoryDeps, type MemoryDeps } from '../../helpers/memory-deps.js';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples', 'articles');
const example = (name: string): Uint8Array => new Uint8Array(readFileSync(join(EXAMPLES, name)));

/** Memory deps with an article source that has nothing to re-read (each article is ingested once, in order). */
function deps(): MemoryDeps & { source: ArticleSource } {
  const source: ArticleSource = {
    read: async (): Promise<ArticleRead> => ({ kind: 'missing' }),
    exists: async () => false,
  };
  return { ...memoryDeps(), source };
}

/** The page of an article's HTML report as the store holds it. */
async function page(d: MemoryDeps, key: string): Promise<{ html: string; parsed: ParsedPage }> {
  const bytes = await d.store.get(htmlReportKey(key));
  if (!bytes) throw new Error(`no HTML report for ${key}`);
  const html = Buffer.from(bytes).toString('utf8');
  return { html, parsed: parsePage(html) };
}

/** The store key a link on the report of `fromKey` leads to, resolved as a browser does. */
function linkTarget(fromKey: string, a: Element): string {
  const base = `file:///bucket/${htmlReportKey(fromKey)}`;
  return decodeURIComponent(new URL(a.attribs['href']!, base).pathname).slice('/bucket/'.length);
}

const PAIRS = [
  {
    what: 'the port strike example and its spun copy',
    source: { key: 'incoming/2024-03-01-wire-port-strike.txt', bytes: example('2024-03-01-wire-port-strike.txt') },
    rewrite: { key: 'incoming/2024-03-02-spun-port-strike.json', bytes: example('2024-03-02-spun-port-strike.json') },
    title: 'Dock workers walk out at Port Calder as pay talks collapse',
    published: 'not given',
  },
  {
    what: 'a cluttered wire page and a plain-text spin of it',
    source: { key: 'incoming/wire/airline fleet.html', bytes: fixtureBytes('editor/wire-airline-cluttered.html') },
    rewrite: { key: 'incoming/sites/spin/airline.txt', bytes: fixtureBytes('editor/spin-airline.txt') },
    title: 'Northwind Air grounds its whole fleet after a booking and dispatch software fault',
    published: '10 Apr 2024, 06:30 UTC',
  },
];

describe('the report an editor reads', () => {
  it.each(PAIRS)(
    "$what: the rewrite's first screen names the source's real title and links its report; the original lists the rewrite",
    async ({ source, rewrite, title, published }) => {
      const d = deps();
      await ingestArticle(d, { ...source, order: `2024-04-10T07:00:00.000Z|${source.key}` });

      const judged = await ingestArticle(d, { ...rewrite, order: `2024-04-10T09:00:00.000Z|${rewrite.key}` });

      expect(judged.report.verdict).toBe('rewrite');
      const derived = await page(d, rewrite.key);
      expect(foreignMarkup(derived.html)).toEqual([]);
      const { parsed } = derived;
      const answer = parsed.textOf(parsed.byTag('section').find((e) => e.attribs['class']?.startsWith('verdict'))!);
      expect(answer).toContain(`A rewrite of an earlier article: “${title}”.`);
      expect(answer).toMatch(
        /\d+% of the article follows the source sentence by sentence, in the same order; a rewrite needs at least \d+%/,
      );
      expect(answer).toMatch(/\d+ of its \d+ words are in sentences matched to earlier articles\./);
      // the page's word count is the report's, not a second count that may differ by a word
      expect(/\d+ of its (\d+) words/.exec(answer)![1]).toBe(String(judged.report.article.wordCount));
      const facts = parsed.byTag('table').find((e) => e.attribs['class'] === 'facts')!;
      const rows = Object.fromEntries(
        parsed
          .byTag('tr')
          .filter((tr) => tr.parent?.parent === facts)
          .map((tr) => {
            const cells = tr.children.filter((c): c is Element => 'name' in c);
            return [parsed.textOf(cells[0]!), cells.slice(1).map((c) => parsed.textOf(c))];
          }),
      );
      expect(rows['Title']).toEqual([expect.any(String), title]);
      expect(rows['Published']?.[1]).toBe(published);
      expect(rows['Indexed']).toEqual(['10 Apr 2024, 09:00 UTC', '10 Apr 2024, 07:00 UTC']);
      const toSource = parsed.byTag('a').find((a) => parsed.textOf(a) === "open the source's report")!;
      expect(linkTarget(rewrite.key, toSource)).toBe(htmlReportKey(source.key));
      expect(await d.store.get(htmlReportKey(source.key))).toBeDefined();

      const original = await page(d, source.key);
      expect(foreignMarkup(original.html)).toEqual([]);
      const o = original.parsed;
      expect(o.textOf(o.byTag('h1')[0]!)).toBe(title);
      expect(o.textOf(o.byTag('body')[0]!)).toContain('1 later article copies or rewrites it');
      const later = o.byTag('section').find((e) => e.attribs['id'] === 'later-copies')!;
      const back = o.byTag('a').filter((a) => o.textOf(later).includes(o.textOf(a)));
      expect(back.map((a) => linkTarget(source.key, a))).toEqual([htmlReportKey(rewrite.key)]);
      const stored = decodeReport((await d.store.get(reportKey(source.key)))!, reportKey(source.key));
      expect(stored).toMatchObject({ verdict: 'original', laterCopiesTotal: 1 });
      expect(stored.laterCopies).toEqual([
        expect.objectContaining({ key: rewrite.key, verdict: 'rewrite', indexedAt: '2024-04-10T09:00:00.000Z' }),
      ]);
    },
  );
});
