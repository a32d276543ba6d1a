import fc from 'fast-check';
import { DomUtils } from 'htmlparser2';
import type { RejectionCode } from '../../../lib/errors.js';
import type { Match, Passage, Report } from '../../../lib/report/report.js';
import { renderReportHtml } from '../../../lib/report/render-report-html.js';
import { rewordedRanges } from '../../../lib/report/reworded-words.js';
import { tokenize } from '../../../lib/text/tokenize.js';
import { anyString, PROPERTY_RUNS } from '../../helpers/article-arbitraries.js';
import { foreignMarkup, parsePage } from '../../helpers/html-page.js';

const share = fc.double({ min: 0, max: 1, noNaN: true });
const count = fc.nat({ max: 10000 });
const codes: RejectionCode[] = [
  'empty',
  'too-short',
  'too-large',
  'binary',
  'bad-encoding',
  'unsupported-type',
  'malformed-json',
  'malformed-html',
  'no-body',
  'not-found',
  'bad-key',
];

const passage: fc.Arbitrary<Passage> = fc.record({
  score: share,
  article: anyString.map((text) => ({ start: 0, end: text.length, text })),
  source: anyString.map((text) => ({ start: 0, end: text.length, text })),
});

const isoDate = fc.oneof(
  fc.constant(null),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  anyString,
);

const match: fc.Arbitrary<Match> = fc.record({
  key: anyString,
  title: anyString,
  indexedAt: isoDate,
  publishedAt: isoDate,
  verdict: fc.constantFrom('copy', 'rewrite', 'partial'),
  score: share,
  measures: fc.record({
    alignedShare: share,
    derivedShare: share,
    containment: share,
    jaccard: share,
    estimatedJaccard: share,
    trigramContainment: share,
    phrasingShare: share,
    orderedFacts: share,
    orderedBareFacts: share,
    alignedSentences: count,
  }),
  passages: fc.array(passage, { maxLength: 4 }),
  counterparts: fc.array(passage, { maxLength: 2 }),
});

/** Any combination of report fields (more than the type allows), every text field drawn from nasty strings (params' names and values too). */
const report: fc.Arbitrary<Report> = fc
  .record({
    article: fc.record({
      key: anyString,
      title: anyString,
      wordCount: count,
      contentHash: fc.oneof(fc.constant(null), anyString),
      text: anyString,
      indexedAt: isoDate,
      publishedAt: isoDate,
    }),
    status: fc.constantFrom('ok', 'rejected', 'withdrawn'),
    error: fc.oneof(fc.constant(null), fc.record({ code: fc.constantFrom(...codes), message: anyString })),
    verdict: fc.constantFrom(null, 'original', 'copy', 'rewrite', 'partial'),
    matches: fc.array(match, { maxLength: 3 }),
    candidates: fc.record({
      found: count,
      verified: count,
      top: fc.array(fc.record({ key: anyString, estimatedSimilarity: share }), { maxLength: 3 }),
    }),
    indexed: fc.boolean(),
    laterCopies: fc.array(
      fc.record({
        key: anyString,
        title: anyString,
        verdict: fc.constantFrom('copy' as const, 'rewrite' as const, 'partial' as const),
        score: share,
        indexedAt: isoDate,
        publishedAt: isoDate,
      }),
      { maxLength: 2 },
    ),
    laterCopiesTotal: count,
    detector: fc.record({
      version: anyString,
      params: fc.dictionary(anyString, fc.oneof(anyString, fc.double(), fc.jsonValue({ maxDepth: 2 })), { maxKeys: 3 }),
    }),
  })
  .map((r): Report => {
    const best = r.matches[0];
    // the renderer must survive whatever a report file holds, so statuses and fields are mixed freely
    return {
      schemaVersion: 2,
      ...r,
      rewriteOf: best ? { key: best.key, verdict: best.verdict, score: best.score } : null,
    } as Report;
  });

describe('renderReportHtml on any report', () => {
  it('never throws, and no text of the report becomes markup', () => {
    fc.assert(
      fc.property(report, (r) => {
        const page = renderReportHtml(r);

        expect(foreignMarkup(page)).toEqual([]);
      }),
      PROPERTY_RUNS,
    );
  });

  it('shows the title and every passage exactly as written (the parser decodes them back), marks included', () => {
    fc.assert(
      fc.property(report, (r) => {
        // without the article's text (a schema 1 report) the page shows exactly the passages, in order
        const parsed = parsePage(
          renderReportHtml({ ...r, status: 'ok', article: { ...r.article, text: '' } } as Report),
        );

        const name = r.article.title !== '' ? r.article.title : r.article.key;
        expect(parsed.textOf(parsed.byTag('h1')[0]!)).toBe(name);
        const cells = parsed
          .byTag('td')
          .filter((td) => td.attribs['class'] === 'text')
          .map((td) =>
            td.children
              .filter((c) => !('attribs' in c && c.attribs['class'] === 'from'))
              .map((c) => DomUtils.textContent(c))
              .join(''),
          );
        expect(cells).toEqual(r.matches.flatMap((m) => m.passages.flatMap((p) => [p.article.text, p.source.text])));
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('rewordedRanges', () => {
  it('returns ordered, disjoint word ranges; a word whose term the other text has is never inside one', () => {
    fc.assert(
      fc.property(anyString, anyString, (a, b) => {
        const ranges = rewordedRanges(a, b);
        const theirs = tokenize(b);
        const known = new Set(Array.from(theirs.term.subarray(0, theirs.count)));
        const ours = tokenize(a);

        for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.start).toBeGreaterThan(ranges[i - 1]!.end);
        for (let i = 0; i < ours.count; i++) {
          const inside = ranges.some((r) => r.start <= ours.start[i]! && ours.end[i]! <= r.end);
          // an unknown term may still be a spelling variant (U.S. = US): unmarked; with nothing to compare to, marked
          if (known.has(ours.term[i]!)) expect(inside).toBe(false);
          else if (theirs.count === 0) expect(inside).toBe(true);
        }
        for (const r of ranges) expect(r.end).toBeLessThanOrEqual(a.length);
      }),
      PROPERTY_RUNS,
    );
  });
});
