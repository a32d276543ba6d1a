import type { RejectionCode } from '../errors.js';
import { html, SafeHtml } from './escape-html.js';
import type { Match, MatchMeasures, Passage, Report } from './report.js';
import { rewordedRanges, type WordRange } from './reworded-words.js';

/** Nothing may load or run: the page only shows text, so even a missed escape could not execute. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** Literal markup, not a value: html escapes values, and CSS inside <style> is not unescaped. */
const STYLE = html`<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 80rem; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.verdict { padding: 0.75rem 1rem; border-left: 6px solid #888; background: #f4f4f4; }
.verdict-original { border-color: #2e7d32; }
.verdict-copy { border-color: #b71c1c; }
.verdict-rewrite { border-color: #e65100; }
.verdict-partial { border-color: #f9a825; }
.verdict-licensed { border-color: #1565c0; }
.verdict-rejected, .verdict-withdrawn { border-color: #555; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ddd; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #fafafa; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.passages td.text { width: 47%; white-space: pre-wrap; }
ins { background: #c8e6c9; text-decoration: none; }
del { background: #ffcdd2; text-decoration: line-through; text-decoration-color: #b71c1c; }
code { overflow-wrap: anywhere; }
</style>`;

/** Plain words for each verdict against its source. */
const VERDICT_WORDS: Readonly<Record<Match['verdict'], string>> = {
  copy: 'Copy: nearly all of its wording appears verbatim in',
  rewrite: 'Rewrite: most of it follows, sentence by sentence and in order, but reworded,',
  partial: 'Partly derived: a substantial part of it follows, in order,',
  licensed: 'Licensed copy (not an alert): it reproduces, under licence, the source',
};

/** What each rejection code means, as the README's table says. */
const CODE_WORDS: Readonly<Record<RejectionCode, string>> = {
  empty: 'the file is empty or holds no letter or digit',
  'too-short': 'too few words of story text remain after boilerplate removal',
  'too-large': 'the file is larger than the size limit',
  binary: 'the file looks binary (NUL bytes or mostly control characters)',
  'bad-encoding': 'a UTF-16 byte-order mark is followed by invalid UTF-16',
  'unsupported-type': 'the file extension is not one of the supported ones',
  'malformed-json': 'the JSON cannot be parsed or has a non-string title',
  'malformed-html': 'the HTML could not be tokenized',
  'no-body': 'no story body was found',
  'not-found': 'the article could not be found',
  'bad-key': 'the key is not a plain relative path',
  degenerate: 'a few words repeated over and over, not an article',
};

/** The measures of a match in reading order, with short labels and what they mean. */
const MEASURES: ReadonlyArray<{ key: keyof MatchMeasures; label: string; meaning: string; share: boolean }> = [
  {
    key: 'alignedShare',
    label: 'Aligned share',
    meaning: "share of the article's words in sentences aligned, in order, to the source",
    share: true,
  },
  {
    key: 'derivedShare',
    label: 'Derived share',
    meaning: 'the aligned share, each sentence weighted by how closely it matches',
    share: true,
  },
  {
    key: 'containment',
    label: 'Containment',
    meaning: "share of the article's distinct content words found in the source",
    share: true,
  },
  { key: 'jaccard', label: 'Jaccard', meaning: 'content words shared, out of the content words of both', share: true },
  {
    key: 'estimatedJaccard',
    label: 'Estimated Jaccard',
    meaning: 'the MinHash estimate that made the source a candidate',
    share: true,
  },
  {
    key: 'trigramContainment',
    label: 'Verbatim 3-grams',
    meaning: "share of the article's word 3-grams found verbatim in the source",
    share: true,
  },
  {
    key: 'phrasingShare',
    label: 'Reused phrasing',
    meaning: "share of the article's unquoted words in unquoted 3-grams found verbatim in the source",
    share: true,
  },
  { key: 'alignedSentences', label: 'Aligned sentences', meaning: 'sentence pairs aligned in order', share: false },
];

/**
 * A report as a self-contained HTML5 page (inline CSS, no scripts, nothing external): the
 * article, the verdict in plain words, each matched source with its measures, and the aligned
 * passages side by side with the reworded words marked. Every text from the report is escaped.
 */
export function renderReportHtml(report: Report): string {
  const name = report.article.title !== '' ? report.article.title : report.article.key;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rewrite-radar: ${name}</title>
${STYLE}
</head>
<body>
<header>
<h1>${name}</h1>
${articleFacts(report)}
</header>
<main>
${verdictSection(report)}
${
  report.status === 'ok'
    ? html`${candidatesSection(report)}
${SafeHtml.join(
  report.matches.map((m, i) => matchSection(m, i)),
  '\n',
)}
${laterCopiesSection(report)}`
    : html``
}
</main>
<footer>
${detectorSection(report)}
</footer>
</body>
</html>
`;
  return page.value;
}

function articleFacts(report: Report): SafeHtml {
  const a = report.article;
  return html`<dl class="facts">
<dt>Key</dt><dd><code>${a.key}</code></dd>
<dt>Title</dt><dd>${a.title !== '' ? a.title : '(none)'}</dd>
<dt>Words</dt><dd>${a.wordCount}</dd>
<dt>Content hash</dt><dd><code>${a.contentHash ?? '(none)'}</code></dd>
<dt>Status</dt><dd>${report.status}</dd>
<dt>Indexed</dt><dd>${report.indexed ? 'yes: later articles are compared against it' : 'no'}</dd>
</dl>`;
}

function verdictSection(report: Report): SafeHtml {
  if (report.status === 'withdrawn') {
    return html`<section class="verdict verdict-withdrawn"><p><strong>Withdrawn.</strong> This article was withdrawn: it is no longer indexed and no longer a source for other articles.</p>${errorLine(report)}</section>`;
  }
  if (report.status === 'rejected' || report.verdict === null) {
    return html`<section class="verdict verdict-rejected"><p><strong>Rejected: not judged.</strong> The article could not be read as a news story.</p>${errorLine(report)}</section>`;
  }
  const best = report.rewriteOf;
  const c = report.candidates;
  if (best === null) {
    return html`<section class="verdict verdict-original"><p><strong>Original.</strong> No earlier article explains it (${c.found} candidates found, ${c.verified} verified).</p></section>`;
  }
  const more = report.matches.length > 1 ? html` ${report.matches.length - 1} more sources are listed below.` : html``;
  return html`<section class="verdict verdict-${best.verdict}"><p><strong>${VERDICT_WORDS[best.verdict] ?? best.verdict}</strong> <code>${best.key}</code> (score ${fixed(best.score)}).${more}</p></section>`;
}

function errorLine(report: Report): SafeHtml {
  const e = report.error;
  if (e === null) return html``;
  const meaning = CODE_WORDS[e.code] ?? 'unknown reason';
  return html`<p>Error <code>${e.code}</code> (${meaning}): ${e.message}</p>`;
}

function laterCopiesSection(report: Report): SafeHtml {
  if (report.laterCopies.length === 0) return html``;
  const rows = report.laterCopies.map(
    (c) => html`<tr><td><code>${c.key}</code></td><td>${c.verdict}</td><td class="num">${fixed(c.score)}</td></tr>`,
  );
  return html`<section class="later"><h2>Later articles derived from this one</h2>
<table><thead><tr><th>Article</th><th>Verdict</th><th>Score</th></tr></thead><tbody>${SafeHtml.join(rows, '\n')}</tbody></table></section>`;
}

function candidatesSection(report: Report): SafeHtml {
  const c = report.candidates;
  const rows = c.top.map(
    (t) => html`<tr><td><code>${t.key}</code></td><td class="num">${fixed(t.estimatedSimilarity)}</td></tr>`,
  );
  const table =
    rows.length === 0
      ? html``
      : html`
<table class="candidates"><thead><tr><th>Candidate considered</th><th>Estimated similarity</th></tr></thead><tbody>
${SafeHtml.join(rows, '\n')}
</tbody></table>`;
  return html`<section>
<h2>Candidates</h2>
<p>The index proposed ${c.found} candidate${c.found === 1 ? '' : 's'}; ${c.verified} ${c.verified === 1 ? 'was' : 'were'} verified by comparing the texts.</p>${table}
</section>`;
}

function matchSection(m: Match, i: number): SafeHtml {
  const measureRows = MEASURES.map(({ key, label, meaning, share }) => {
    const v = m.measures[key];
    return html`<tr><th>${label}</th><td class="num">${share ? percent(v) : v}</td><td>${meaning}</td></tr>`;
  });
  return html`<section id="match-${i + 1}">
<h2>${i + 1}. ${m.verdict} of <code>${m.key}</code></h2>
<dl class="facts">
<dt>Source title</dt><dd>${m.title !== '' ? m.title : '(none)'}</dd>
<dt>Verdict</dt><dd>${m.verdict}</dd>
<dt>Score</dt><dd>${fixed(m.score)} (${m.verdict === 'copy' ? 'verbatim 3-gram containment' : 'aligned share'})</dd>
</dl>
<h3>Measures</h3>
<table class="measures"><tbody>
${SafeHtml.join(measureRows, '\n')}
</tbody></table>
${passagesTable(m.passages)}
</section>`;
}

function passagesTable(passages: readonly Passage[]): SafeHtml {
  if (passages.length === 0) return html`<p>No sentences aligned.</p>`;
  const rows = passages.map((p) => {
    const article = marked(p.article.text, rewordedRanges(p.article.text, p.source.text), 'ins');
    const source = marked(p.source.text, rewordedRanges(p.source.text, p.article.text), 'del');
    return html`<tr><td class="num">${fixed(p.score)}</td><td class="text">${article}</td><td class="text">${source}</td></tr>`;
  });
  return html`<h3>Aligned passages</h3>
<p>Marked: <ins>words of the article not in the source passage</ins>, <del>words of the source passage not in the article</del> (compared as lower-cased, lightly stemmed words).</p>
<table class="passages"><thead><tr><th>Score</th><th>Article</th><th>Source</th></tr></thead><tbody>
${SafeHtml.join(rows, '\n')}
</tbody></table>`;
}

/** The text with each range wrapped in `<ins>` or `<del>`, all of it escaped. */
function marked(text: string, ranges: readonly WordRange[], tag: 'ins' | 'del'): SafeHtml {
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const r of ranges) {
    const word = text.slice(r.start, r.end);
    parts.push(html`${text.slice(at, r.start)}`, tag === 'ins' ? html`<ins>${word}</ins>` : html`<del>${word}</del>`);
    at = r.end;
  }
  parts.push(html`${text.slice(at)}`);
  return SafeHtml.join(parts);
}

function detectorSection(report: Report): SafeHtml {
  const d = report.detector;
  const rows = Object.entries(d.params).map(
    ([k, v]) => html`<dt>${k}</dt><dd><code>${JSON.stringify(v) ?? String(v)}</code></dd>`,
  );
  return html`<details>
<summary>Detector ${d.version}, schema version ${report.schemaVersion}</summary>
<dl class="facts">
${SafeHtml.join(rows, '\n')}
</dl>
</details>`;
}

function fixed(x: number): string {
  return x.toFixed(2);
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
