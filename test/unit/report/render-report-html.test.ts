import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DetectorParams } from '../../../lib/detect/detector-params.js';
import type { Report } from '../../../lib/report/report.js';
import { escapeHtml } from '../../../lib/report/escape-html.js';
import { renderReportHtml } from '../../../lib/report/render-report-html.js';
import { indexArticle } from '../../../lib/use-cases/index-article.js';
import { fixtureText } from '../../helpers/fixtures.js';
import { foreignMarkup, parsePage, type Element, type ParsedPage } from '../../helpers/html-page.js';
import { reportHref } from '../../../lib/report/report-links.js';
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
    const keys = parsed.byTag('span').map((e) => parsed.textOf(e));
    expect(keys).toContain(DERIVED_KEY);
    expect(keys).toContain(SOURCE_KEY);
  });

  it('answers on the first screen: what it is, of which title, how sure against the threshold, since when, how much', async () => {
    const { derived } = await hostilePair();
    const source = derived.matches[0]!;

    const page = renderReportHtml(derived);

    const parsed = parsePage(page);
    const summary = parsed.byTag('section').find((e) => e.attribs['class'] === 'verdict verdict-rewrite')!;
    const answer = parsed.textOf(summary);
    expect(answer).toContain(`A rewrite of an earlier article: “${source.title}”.`);
    expect(answer).toContain(
      `${Math.round(source.score * 100)}% of the article follows the source sentence by sentence`,
    );
    expect(answer).toContain(
      `a rewrite needs at least ${Math.round((derived.detector.params['rewriteShare'] as number) * 100)}%`,
    );
    expect(answer).toMatch(
      /\d+ of its \d+ words are in sentences matched to earlier articles\. (Nothing was added\.|\d+ words \(\d+ passages?\) are in no earlier article)/,
    );
    const facts = parsed.textOf(parsed.byTag('table').find((e) => e.attribs['class'] === 'facts')!);
    expect(facts).toContain('Publishednot givennot given');
    expect(facts).toContain('Indexed2 May 2024, 09:00 UTC1 May 2024, 09:00 UTC');
    const link = parsed.byTag('a')[0]!;
    expect(parsed.textOf(link)).toBe("open the source's report");
    // farm/<key> to wire/<key>: up one folder, each segment percent-encoded
    expect(link.attribs['href']).toBe(
      `../wire/${encodeURIComponent('<script>alert(1)<')}/${encodeURIComponent('script>.txt')}.html`,
    );
    // the specialists' words stay out of the first screen
    expect(answer).not.toMatch(/Jaccard|MinHash|3-gram|candidate/i);
  });

  it('shows the whole article in order: aligned sentences beside their source, the rest as added material', async () => {
    const added = 'The farm bureau then held a long meeting about fence repairs and the price of hay in the county.';
    const deps = memoryDeps();
    await run(deps, 'wire/bridge.txt', utf8(WIRE), 1);
    const derived = await run(deps, 'farm/bridge.txt', utf8(`${SPUN}\n\n${added}\n`), 2);
    const match = derived.matches[0]!;

    const parsed = parsePage(renderReportHtml(derived));

    const rows = parsed.byTag('tr').filter((tr) => cellsOf(tr).some((c) => c.attribs['class'] === 'text'));
    const articleCells = rows.map((tr) => parsed.textOf(cellsOf(tr)[0]!));
    // every word of the article is on the page, in order
    expect(articleCells.join(' ').replace(/\s+/g, ' ')).toBe(derived.article.text.trim().replace(/\s+/g, ' '));
    const aligned = rows.filter((tr) => tr.attribs['class'] === undefined);
    // an aligned row holds the passage (after an opening quote left outside the sentence) and its source
    expect(aligned).toHaveLength(match.passages.length);
    aligned.forEach((tr, i) => {
      const [article, source] = cellsOf(tr).map((c) => parsed.textOf(c));
      expect(article).toMatch(new RegExp(`^["“]?${escapeRegExp(match.passages[i]!.article.text)}$`));
      expect(source).toBe(match.passages[i]!.source.text);
    });
    const addedRows = rows.filter((tr) => tr.attribs['class'] === 'added').map((tr) => parsed.textOf(cellsOf(tr)[0]!));
    expect(addedRows.some((t) => t.includes(added))).toBe(true);
    expect(parsed.textOf(parsed.byTag('div').find((d) => d.attribs['class'] === 'legend')!)).toContain(
      'highlighted words: wording of this article that is not in the source sentence',
    );
  });

  it('shows a lead reworded past the alignment beside the source lead, dashed, counted apart from matched and added words', async () => {
    const examples = join(__dirname, '../../../examples/articles');
    const deps = memoryDeps();
    const wire = 'incoming/2024-03-01-wire-port-strike.txt';
    const spun = 'incoming/2024-03-02-spun-port-strike.json';
    await run(deps, wire, readFileSync(join(examples, '2024-03-01-wire-port-strike.txt')), 1);
    const derived = await run(deps, spun, readFileSync(join(examples, '2024-03-02-spun-port-strike.json')), 2);
    const lead = derived.matches[0]!.counterparts[0]!;
    expect(lead.article.text).toMatch(/^Over 2,400 port employees stopped work at Port Calder on Friday/);
    expect(lead.source.text).toMatch(/^PORT CALDER, March 1 \(Wire\) - More than 2,400 dock workers walked off/);

    const page = renderReportHtml(derived);
    const parsed = parsePage(page);
    const dashed = parsed.byTag('tr').filter((tr) => tr.attribs['class'] === 'counterpart');
    expect(dashed).toHaveLength(derived.matches[0]!.counterparts.length);
    const [article, source] = cellsOf(dashed[0]!).map((c) => parsed.textOf(c));
    expect(article).toBe(lead.article.text);
    expect(source).toContain("the source's sentence at the same place, with words in common");
    expect(source).toContain(lead.source.text);
    expect(pageText(page)).toMatch(
      /\d+ words \(\d sentences?\) stand where the source has a sentence with words in common, reworded further/,
    );
    expect(pageText(page)).toContain('Nothing was added.');
    expect(parsed.textOf(parsed.byTag('div').find((d) => d.attribs['class'] === 'legend')!)).toContain('dashed rows');
  });

  it('marks the reworded words of a known pair: article words missing from the source and source words missing from the article', async () => {
    const report = reportWithPassage(
      'Engineers will replace the corroded steel Cables on Monday.',
      'Engineers are to swap out rusted steel cables on Monday.',
    );

    const parsed = parsePage(renderReportHtml(report));

    expect(marks(parsed, 'mark')).toEqual(['will replace the corroded']);
    expect(marks(parsed, 's')).toEqual(['are to swap out rusted']);
  });

  it('does not mark words that differ only in case, inflection or spelling variant', async () => {
    expect(marksOf('The repairs were closing the bridge.', 'the repair was closed, the Bridge')).toEqual([
      ['were'],
      ['was'],
    ]);
    expect(
      marksOf(
        'U.S. officials said Zelenskyy would visit the harbour to organise cease-fire talks at the Theatre.',
        'US officials said Zelensky would visit the harbor to organize ceasefire talks at the theater.',
      ),
    ).toEqual([[], []]);
    expect(marksOf('Colours of the Labour party were criticised.', 'Colors of the Labor party were praised.')).toEqual([
      ['criticised'],
      ['praised'],
    ]);
  });

  it('keeps the measures, candidates and detector settings in a collapsed section for specialists', async () => {
    const { derived } = await hostilePair();
    const parsed = parsePage(renderReportHtml(derived));

    const details = parsed.byTag('details');
    expect(details).toHaveLength(1);
    expect(details[0]!.attribs['open']).toBeUndefined();
    const text = parsed.textOf(details[0]!);
    expect(text).toContain('For specialists');
    expect(text).toContain(`The index proposed ${derived.candidates.found} candidate`);
    for (const label of [
      'Aligned share',
      'Derived share',
      'Containment',
      'Jaccard',
      'Estimated Jaccard',
      'Verbatim 3-grams',
    ])
      expect(text).toContain(label);
    expect(text).toContain(`${(derived.matches[0]!.measures.alignedShare * 100).toFixed(1)}%`);
    expect(text).toContain(`${derived.article.wordCount} words`);
  });

  it('renders an original with its later copies, newest first, linked, and their total', async () => {
    const { source } = await hostilePair();
    const later: Report = {
      ...source,
      laterCopies: [
        {
          key: DERIVED_KEY,
          title: `Spun ${SCRIPT}`,
          verdict: 'rewrite',
          score: 0.8,
          indexedAt: '2024-05-02T09:00:00.000Z',
          publishedAt: null,
        },
      ],
      laterCopiesTotal: 140,
    } as Report;

    const page = renderReportHtml(later);

    expect(foreignMarkup(page)).toEqual([]);
    const parsed = parsePage(page);
    const text = pageText(page);
    expect(text).toContain('Original: not a copy or rewrite of an earlier article.');
    expect(text).toContain('140 later articles copy or rewrite it');
    expect(text).toContain('Showing the newest 1 of 140.');
    const link = parsed.byTag('a')[0]!;
    expect(parsed.textOf(link)).toBe(`Spun ${SCRIPT}`);
    // wire/<script>alert(1)</script>.txt sits two folders deep: its "/" is a folder
    expect(link.attribs['href']).toBe(`../../farm/${encodeURIComponent(DERIVED_KEY.slice('farm/'.length))}.html`);
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
      `Reason malformed-json (the JSON cannot be parsed or has a non-string title): ${report.error!.message}`,
    );
  });

  it('renders a withdrawn report as withdrawn and no longer a source', async () => {
    const { source } = await hostilePair();
    const withdrawn = {
      ...source,
      status: 'withdrawn',
      verdict: null,
      rewriteOf: null,
      matches: [],
      indexed: false,
      laterCopies: [],
      laterCopiesTotal: 0,
      error: null,
    } as Report;

    const page = renderReportHtml(withdrawn);

    expect(foreignMarkup(page)).toEqual([]);
    expect(pageText(page)).toContain(
      'Withdrawn: this article was deleted; it is no longer indexed and no longer a source for other articles.',
    );
  });

  it('explains a rewrite found by its facts kept in order with that threshold, not the aligned share', () => {
    const report = reportWithPassage('Engineers will replace the cables.', 'Engineers are to swap the cables.');
    const match = report.status === 'ok' ? report.matches[0]! : undefined;
    const params = { rewriteShare: 0.5, restyleFacts: 0.25 };
    const byFacts = {
      ...report,
      matches: [
        {
          ...match!,
          score: 0.31,
          measures: { ...match!.measures, alignedShare: 0.2, orderedFacts: 0.22, orderedBareFacts: 0.31 },
        },
      ],
      detector: { version: '0.1.0', params },
    } as Report;
    const byAlignment = { ...report, detector: { version: '0.1.0', params } } as Report;

    const byBoth = {
      ...report,
      matches: [
        {
          ...match!,
          score: 0.3,
          measures: { ...match!.measures, alignedShare: 0.3, orderedFacts: 0.2, orderedBareFacts: 0.2 },
        },
      ],
      detector: { version: '0.1.0', params: { ...params, restyleBlend: 0.675 } },
    } as Report;

    expect(pageText(renderReportHtml(byFacts))).toMatch(/keeps 31% of the source's facts .* needs at least 25%/);
    expect(pageText(renderReportHtml(byBoth))).toMatch(
      /30% of the article follows the source sentence by sentence and it keeps 20% .* average 70%, at least the 68% a restyle needs/,
    );
    expect(pageText(renderReportHtml(byAlignment))).toMatch(
      /follows the source sentence by sentence.*needs at least 50%/,
    );
    expect(pageText(renderReportHtml(byAlignment))).not.toMatch(/comment/);
    const withComment = { ...byAlignment, article: { ...byAlignment.article, commentWords: 58 } } as Report;
    expect(pageText(renderReportHtml(withComment))).toMatch(
      /follows the source sentence by sentence, in the same order \(not counting its 58 words of comment: questions and exclamations naming no one and no figure\); a rewrite needs at least 50%/,
    );
  });

  it('says a licensed copy is licensed and not an alert', () => {
    const report = reportWithPassage('Engineers will replace the cables.', 'Engineers are to swap the cables.');
    const licensed = {
      ...report,
      verdict: 'licensed',
      matches: [{ ...report.matches[0]!, verdict: 'licensed' }],
    } as Report;

    expect(pageText(renderReportHtml(licensed))).toContain('Licensed copy of an earlier article (not an alert');
  });

  it("shows a verdict it does not know (a newer version's) without failing", () => {
    const report = reportWithPassage('Engineers will replace the cables.', 'Engineers are to swap the cables.');
    const other = {
      ...report,
      verdict: 'disputed',
      matches: [{ ...report.matches[0]!, verdict: 'disputed' }],
    } as unknown as Report;

    const text = pageText(renderReportHtml(other));

    expect(text).toContain('Flagged (disputed) against an earlier article');
  });

  it('is a self-contained page: a strict CSP, no scripts, no external resources, links only between reports', async () => {
    const deps = memoryDeps();
    await run(deps, 'wire/bridge.txt', utf8(WIRE), 1);
    const report = await run(deps, 'farm/bridge.txt', utf8(SPUN), 2);

    const page = renderReportHtml(report);

    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    const meta = parsePage(page)
      .byTag('meta')
      .find((m) => m.attribs['http-equiv'] === 'Content-Security-Policy');
    expect(meta?.attribs['content']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(page).not.toMatch(/\bsrc=/i);
    expect(page).not.toMatch(/url\(/i);
    expect(
      parsePage(page)
        .byTag('a')
        .map((a) => a.attribs['href']),
    ).toEqual(['../wire/bridge.txt.html']);
  });
});

describe('reportHref', () => {
  it('links report to report relatively, encoding each segment, so it works on disk and in the bucket', () => {
    expect(reportHref('incoming/b.txt', 'incoming/a.txt')).toBe('./a.txt.html');
    expect(reportHref('incoming/2024/b.txt', 'incoming/a b#?%:.txt')).toBe('../a%20b%23%3F%25%3A.txt.html');
    expect(reportHref('b.txt', 'wire/x/a.txt')).toBe('./wire/x/a.txt.html');
    expect(reportHref('farm/x/b.txt', 'wire/a+c.txt')).toBe('../../wire/a%2Bc.txt.html');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The td children of a row. */
function cellsOf(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => 'name' in c && c.name === 'td');
}

/** The marks of a one-passage report: [article marks, source marks]. */
function marksOf(article: string, source: string): [string[], string[]] {
  const parsed = parsePage(renderReportHtml(reportWithPassage(article, source)));
  return [marks(parsed, 'mark'), marks(parsed, 's')];
}

/** Texts of the <mark> or <s> marks inside the passage cells (the legend above the table has its own). */
function marks(parsed: ParsedPage, tag: 'mark' | 's'): string[] {
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
    orderedFacts: 0.2,
    orderedBareFacts: 0.2,
    alignedSentences: 1,
  };
  return {
    schemaVersion: 2,
    article: {
      key: 'a.txt',
      title: 'A',
      wordCount: 9,
      contentHash: null,
      text: article,
      indexedAt: null,
      publishedAt: null,
    },
    status: 'ok',
    error: null,
    verdict: 'rewrite',
    rewriteOf: { key: 'b.txt', verdict: 'rewrite', score: 1 },
    matches: [
      {
        key: 'b.txt',
        title: 'B',
        indexedAt: null,
        publishedAt: null,
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
        counterparts: [],
      },
    ],
    candidates: { found: 1, verified: 1, top: [{ key: 'b.txt', estimatedSimilarity: 0.4 }] },
    indexed: false,
    laterCopies: [],
    laterCopiesTotal: 0,
    detector: { version: '0.1.0', params: {} satisfies Partial<DetectorParams> },
  };
}
