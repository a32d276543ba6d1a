import type { DetectorParams } from '../../../lib/detect/detector-params.js';
import type { Report } from '../../../lib/report/report.js';
import { escapeHtml } from '../../../lib/report/escape-html.js';
import { renderReportHtml } from '../../../lib/report/render-report-html.js';
import { indexArticle } from '../../../lib/use-cases/index-article.js';
import { fixtureText } from '../../helpers/fixtures.js';
import { foreignMarkup, parsePage, type ParsedPage } from '../../helpers/html-page.js';
import { memoryDeps, type MemoryDeps } from '../../helpers/memory-deps.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const HANDLER = "' onmouseover='";
const ENTITY = '&amp;';
const CURLY = '\u201cCurly\u201d \u2018quotes\u2019';
const HOSTILE = `${SCRIPT} ${IMG} ${HANDLER} ${ENTITY} ${CURLY}`;

const WIRE = fixtureText('articles/harbour-bridge-wire.txt');
const SPUN = fixtureText('articles/harbour-bridge-spun.txt');

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The fixture with the hostile strings in its title line and inside two story sentences. */
function hostile(text: string, extra = ''): string {
  const [title, ...rest] = text.split('\n');
  const body = rest
    .join('\n')
    .replace('the regional transport authority', `the regional transport authority ${HOSTILE}${extra}`)
    .replace('Marrow Point', `Marrow Point ${SCRIPT}`);
  return `${title} ${HOSTILE}\n${body}`;
}

async function run(deps: MemoryDeps, key: string, bytes: Uint8Array, day: number): Promise<Report> {
  return (await indexArticle(deps, { key, bytes, order: `2024-05-0${day}T09:00:00.000Z|${key}` })).report;
}

const SOURCE_KEY = `wire/${SCRIPT}.txt`;
const DERIVED_KEY = `farm/${IMG} ${HANDLER} ${ENTITY}.txt`;

/** A source and its rewrite, both carrying the hostile strings in key, title and body, judged by the real pipeline. */
async function hostilePair(extra = ''): Promise<{ source: Report; derived: Report }> {
  const deps = memoryDeps();
  const source = await run(deps, SOURCE_KEY, utf8(hostile(WIRE)), 1);
  const derived = await run(deps, DERIVED_KEY, utf8(hostile(SPUN, extra)), 2);
  return { source, derived };
}

describe('renderReportHtml', () => {
  it('escapes every text of a rewrite report taken from articles and keys: nothing becomes markup', async () => {
    const { derived } = await hostilePair();
    expect(derived).toMatchObject({ verdict: 'rewrite', rewriteOf: { key: SOURCE_KEY } });
    expect(derived.article.title).toContain(HOSTILE);
    expect(derived.matches[0]?.title).toContain(HOSTILE);
    expect(
      derived.matches[0]?.passages.some((p) => p.article.text.includes(SCRIPT) && p.source.text.includes(SCRIPT)),
    ).toBe(true);

    const page = renderReportHtml(derived);

    expect(foreignMarkup(page)).toEqual([]);
    const parsed = parsePage(page);
    expect(parsed.byTag('script')).toEqual([]);
    expect(parsed.byTag('img')).toEqual([]);
    // the texts are shown as written: escaped in the page, decoded back by the parser
    expect(parsed.textOf(parsed.byTag('title')[0]!)).toBe(`rewrite-radar: ${derived.article.title}`);
    expect(parsed.textOf(parsed.byTag('h1')[0]!)).toBe(derived.article.title);
    expect(page).toContain(escapeHtml(derived.article.title));
    expect(page).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39; onmouseover=&#39; &amp;amp;',
    );
    expect(page).toContain(CURLY);
    const codes = parsed.byTag('code').map((e) => parsed.textOf(e));
    expect(codes).toContain(DERIVED_KEY);
    expect(codes).toContain(SOURCE_KEY);
  });

  it('shows each aligned pair side by side, its cells holding exactly the passage texts', async () => {
    const { derived } = await hostilePair(' <b>bold</b> & more');
    const match = derived.matches[0]!;

    const parsed = parsePage(renderReportHtml(derived));

    expect(foreignMarkup(renderReportHtml(derived))).toEqual([]);
    const rows = parsed
      .byTag('tr')
      .filter((tr) => tr.children.some((c) => 'attribs' in c && c.attribs['class'] === 'text'));
    expect(rows).toHaveLength(match.passages.length);
    rows.forEach((row, i) => {
      const cells = row.children.filter((c): c is (typeof parsed.elements)[number] => 'name' in c && c.name === 'td');
      const p = match.passages[i]!;
      expect(cells.map((c) => parsed.textOf(c))).toEqual([p.score.toFixed(2), p.article.text, p.source.text]);
    });
    // the extra words exist only in the article, so they are marked there, escaped inside the mark
    expect(marks(parsed, 'ins')).toContain('b>bold</b> & more announced');
  });

  it('marks the reworded words of a known pair: article words missing from the source and source words missing from the article', async () => {
    const report = reportWithPassage(
      'Engineers will replace the corroded steel Cables on Monday.',
      'Engineers are to swap out rusted steel cables on Monday.',
    );

    const parsed = parsePage(renderReportHtml(report));

    expect(marks(parsed, 'ins')).toEqual(['will replace the corroded']);
    expect(marks(parsed, 'del')).toEqual(['are to swap out rusted']);
  });

  it('does not mark words that differ only in case or inflection', async () => {
    const report = reportWithPassage('The repairs were closing the bridge.', 'the repair was closed, the Bridge');

    const parsed = parsePage(renderReportHtml(report));

    expect(marks(parsed, 'ins')).toEqual(['were']);
    expect(marks(parsed, 'del')).toEqual(['was']);
  });

  it('names the best source, every match with its measures, and the candidates summary', async () => {
    const { derived } = await hostilePair();
    const text = pageText(renderReportHtml(derived));

    expect(text).toContain('Rewrite:');
    expect(text).toContain(`The index proposed ${derived.candidates.found} candidate`);
    expect(text).toContain(`${derived.candidates.verified} was verified`);
    for (const label of [
      'Aligned share',
      'Derived share',
      'Containment',
      'Jaccard',
      'Estimated Jaccard',
      'Verbatim 3-grams',
      'Aligned sentences',
    ])
      expect(text).toContain(label);
    expect(text).toContain(`${(derived.matches[0]!.measures.alignedShare * 100).toFixed(1)}%`);
    expect(text).toContain(`Words${derived.article.wordCount}`);
  });

  it('renders an original with its candidates summary and no match sections', async () => {
    const { source } = await hostilePair();

    const page = renderReportHtml(source);

    expect(foreignMarkup(page)).toEqual([]);
    expect(pageText(page)).toContain('Original. No earlier article explains it (0 candidates found, 0 verified).');
    expect(
      parsePage(page)
        .byTag('h2')
        .map((e) => parsePage(page).textOf(e)),
    ).toEqual(['Candidates']);
  });

  it('renders a rejected report with its error code and escaped message', async () => {
    const deps = memoryDeps();
    // JSON.parse quotes the start of the bad input in its message
    const report = await run(deps, `bad/${IMG}.json`, utf8(`${SCRIPT}${IMG}`), 1);
    expect(report.error?.code).toBe('malformed-json');

    const page = renderReportHtml(report);

    expect(foreignMarkup(page)).toEqual([]);
    const text = pageText(page);
    expect(text).toContain('Rejected: not judged.');
    expect(text).toContain(
      `Error malformed-json (the JSON cannot be parsed or has a non-string title): ${report.error!.message}`,
    );
    expect(parsePage(page).byTag('table')).toEqual([]);
  });

  it('renders a withdrawn report as withdrawn and no longer a source', async () => {
    const { source } = await hostilePair();
    const withdrawn: Report = {
      ...source,
      status: 'withdrawn',
      verdict: null,
      rewriteOf: null,
      matches: [],
      indexed: false,
      laterCopies: [],
      error: null,
    };

    const page = renderReportHtml(withdrawn);

    expect(foreignMarkup(page)).toEqual([]);
    expect(pageText(page)).toContain(
      'Withdrawn. This article was withdrawn: it is no longer indexed and no longer a source for other articles.',
    );
  });

  it('is a self-contained page: a strict CSP, no scripts, no external resources', async () => {
    const deps = memoryDeps();
    await run(deps, 'wire/bridge.txt', utf8(WIRE), 1);
    const report = await run(deps, 'farm/bridge.txt', utf8(SPUN), 2);

    const page = renderReportHtml(report);

    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    const meta = parsePage(page)
      .byTag('meta')
      .find((m) => m.attribs['http-equiv'] === 'Content-Security-Policy');
    expect(meta?.attribs['content']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(page).not.toMatch(/\b(?:src|href)=/i);
    expect(page).not.toMatch(/url\(/i);
  });
});

/** Texts of the <ins> or <del> marks inside the passage cells (the legend above the table has its own). */
function marks(parsed: ParsedPage, tag: 'ins' | 'del'): string[] {
  return parsed
    .byTag(tag)
    .filter((e) => e.parent !== null && 'attribs' in e.parent && e.parent.attribs['class'] === 'text')
    .map((e) => parsed.textOf(e));
}

/** All text of a page, as a reader sees it. */
function pageText(page: string): string {
  const parsed = parsePage(page);
  return parsed.textOf(parsed.byTag('body')[0]!);
}

/** A rewrite report with one aligned passage pair, built by hand to test the marking. */
function reportWithPassage(article: string, source: string): Report {
  const measures = {
    alignedShare: 1,
    derivedShare: 0.5,
    containment: 0.6,
    jaccard: 0.4,
    estimatedJaccard: 0.4,
    trigramContainment: 0.1,
    phrasingShare: 0.1,
    alignedSentences: 1,
  };
  return {
    schemaVersion: 1,
    article: { key: 'a.txt', title: 'A', wordCount: 9, contentHash: null },
    status: 'ok',
    error: null,
    verdict: 'rewrite',
    rewriteOf: { key: 'b.txt', verdict: 'rewrite', score: 1 },
    matches: [
      {
        key: 'b.txt',
        title: 'B',
        verdict: 'rewrite',
        score: 1,
        measures,
        passages: [
          {
            score: 0.5,
            article: { start: 0, end: article.length, text: article },
            source: { start: 0, end: source.length, text: source },
          },
        ],
      },
    ],
    candidates: { found: 1, verified: 1, top: [{ key: 'b.txt', estimatedSimilarity: 0.4 }] },
    indexed: false,
    laterCopies: [],
    detector: { version: '0.1.0', params: {} satisfies Partial<DetectorParams> },
  };
}
