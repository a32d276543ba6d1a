import fc from 'fast-check';
import { renderReportHtml } from '../../../lib/report/render-report-html.js';
import { reportProblems } from '../../../lib/report/validate-report.js';
import { checkArticle } from '../../../lib/use-cases/check-article.js';
import { indexArticle } from '../../../lib/use-cases/index-article.js';
import { articleBytesFor, extension, PROPERTY_RUNS } from '../../helpers/article-arbitraries.js';
import { fixtureBytes } from '../../helpers/fixtures.js';
import { foreignMarkup } from '../../helpers/html-page.js';
import { memoryDeps } from '../../helpers/memory-deps.js';

const WIRE = fixtureBytes('articles/harbour-bridge-wire.txt');

/** An article to judge: a key of any supported or unsupported type, with bytes biased towards that format. */
const article = fc
  .tuple(fc.constantFrom('story', 'farm/story', 'wire/bridge'), extension)
  .chain(([name, ext]) =>
    fc.record({ key: fc.constant(`${name}${ext}`), bytes: articleBytesFor(ext), addToIndex: fc.boolean() }),
  );

describe('indexArticle and checkArticle on any input', () => {
  it('writes a report that validates against the documented layout, and renders to an inert page', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(article, async ({ key, bytes, addToIndex }) => {
        // the wire story is indexed first, so inputs made of its sentences are judged copies or partial reuse of it
        const deps = memoryDeps();
        await indexArticle(deps, {
          key: 'wire/bridge.txt',
          bytes: WIRE,
          order: '2024-05-01T09:00:00.000Z|wire/bridge.txt',
        });

        const { report } = await (addToIndex ? indexArticle : checkArticle)(deps, {
          key,
          bytes,
          order: `2024-05-02T09:00:00.000Z|${key}`,
        });

        seen.add(report.status === 'ok' ? (report.verdict ?? 'null') : report.status);
        // as written to disk: the JSON form is what readers of reports/ get
        expect(reportProblems(JSON.parse(JSON.stringify(report)))).toEqual([]);
        expect(reportProblems(report)).toEqual([]);
        expect(foreignMarkup(renderReportHtml(report))).toEqual([]);
      }),
      PROPERTY_RUNS,
    );
    // the generators reach rejections, originals and derived verdicts alike
    expect([...seen].sort()).toEqual(expect.arrayContaining(['copy', 'original', 'rejected']));
    expect([...seen].some((v) => v === 'partial' || v === 'rewrite')).toBe(true);
  });
});
