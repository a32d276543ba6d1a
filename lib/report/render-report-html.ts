import { restyleBlendOf } from '../detect/decide-verdicts.js';
import type { RejectionCode } from '../errors.js';
import { html, pageHead, SafeHtml } from './escape-html.js';
import type { Match, MatchMeasures, OkReport, Report } from './report.js';
import { reportHref } from './report-links.js';
import { rewordedRanges, type WordRange } from './reworded-words.js';

/** Literal markup, not a value: html escapes values, and CSS inside <style> is not unescaped. */
const STYLE = html`<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 1.5rem auto; max-width: 76rem; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.6rem; margin: 0.2rem 0 0.75rem; line-height: 1.25; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
.kicker { color: #555; font-size: 0.85rem; margin: 0; text-transform: uppercase; letter-spacing: 0.05em; }
.verdict { padding: 0.8rem 1.1rem; border-left: 8px solid #888; background: #f4f4f4; margin-bottom: 1rem; }
.verdict p { margin: 0.35rem 0; }
.verdict .answer { font-size: 1.25rem; }
.verdict-original { border-color: #2e7d32; }
.verdict-copy { border-color: #b71c1c; }
.verdict-rewrite { border-color: #d84315; }
.verdict-partial { border-color: #f9a825; }
.verdict-licensed { border-color: #1565c0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ddd; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #fafafa; font-weight: 600; }
table.facts th[scope=row] { width: 9rem; color: #444; }
table.facts td { width: 45%; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.none { color: #777; font-style: italic; }
.key { color: #555; font-size: 0.85rem; }
table.side td.text { width: 50%; white-space: pre-wrap; }
tr.added td { background: #e3f2fd; }
tr.counterpart td { border-style: dashed; border-color: #9e9e9e; }
.legend .swatch-counterpart { border: 1px dashed #9e9e9e; padding: 0 0.3rem; }
tr.added td.gap { color: #1565c0; font-style: italic; vertical-align: middle; text-align: center; }
.legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0.5rem 0 0.75rem; font-size: 0.92rem; }
.legend .swatch-added { background: #e3f2fd; padding: 0 0.3rem; }
mark { background: #ffe082; color: inherit; padding: 0 1px; }
s { color: #8d6e63; text-decoration-color: #8d6e63; }
.from { display: block; color: #555; font-size: 0.8rem; font-style: normal; }
details { margin-top: 2rem; border: 1px solid #ddd; padding: 0.5rem 1rem; }
summary { cursor: pointer; font-weight: 600; }
code { overflow-wrap: anywhere; }
</style>`;

/** What the article is, in plain words, by the verdict on its best source (unknown verdicts read as found). */
const ANSWERS: Readonly<Record<string, string>> = {
  copy: 'A copy of an earlier article',
  rewrite: 'A rewrite of an earlier article',
  partial: 'Partly taken from an earlier article',
  licensed: 'Licensed copy of an earlier article (not an alert: its source is on the licensed list)',
};

/** The verdict as a short word in lists. */
const VERDICT_NAMES: Readonly<Record<string, string>> = {
  copy: 'copy',
  rewrite: 'rewrite',
  partial: 'partly derived',
  licensed: 'licensed',
};

/** What each rejection code means, as the README's table says. */
const CODE_WORDS: Readonly<Record<RejectionCode, string>> = {
  empty: 'the file is empty or holds no letter or digit',
  'too-short': 'too few words of story text to judge',
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
  {
    key: 'orderedFacts',
    label: 'Facts in order',
    meaning: "share of the smaller text's names, rare words and numbers kept in the source's order, beyond chance",
    share: true,
  },
  {
    key: 'orderedBareFacts',
    label: 'Bare facts in order',
    meaning:
      "the same, the article's own added rare words counted only as far as its names and numbers are new: colour is not new reporting",
    share: true,
  },
  { key: 'alignedSentences', label: 'Aligned sentences', meaning: 'sentence pairs aligned in order', share: false },
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A report as a self-contained HTML5 page (inline CSS, no scripts, nothing external). The first
 * screen answers in plain words what the article is, of what (the source's title, linked to its
 * report), how sure (the score against the verdict's threshold), since when (indexed and
 * published dates of both) and how much of it is derived. Below: the whole article beside its
 * sources, added material and reworded words marked with a legend; the later articles that copy
 * this one; the measures, candidates and detector settings in a collapsed section for
 * specialists. Every text from the report is escaped; links are relative (report-links.ts).
 */
export function renderReportHtml(report: Report): string {
  const name = report.article.title !== '' ? report.article.title : report.article.key;
  const page = html`${pageHead(`rewrite-radar: ${name}`, STYLE)}
<body>
<header>
<p class="kicker">rewrite-radar report</p>
<h1>${name}</h1>
</header>
<main>
${report.status === 'ok' ? okBody(report) : unjudgedBody(report)}
</main>
<footer>
${specialistSection(report)}
</footer>
</body>
</html>
`;
  return page.value;
}

function okBody(report: OkReport): SafeHtml {
  const best = report.matches[0];
  return html`${best ? derivedSummary(report, best) : originalSummary(report)}
${best ? sideBySide(report) : html``}
${laterCopiesSection(report)}`;
}

/** The first screen of a flagged article: the answer, the two articles' facts, how much is derived. */
function derivedSummary(report: OkReport, best: Match): SafeHtml {
  const answer = ANSWERS[best.verdict] ?? `Flagged (${best.verdict}) against an earlier article`;
  const rest = report.matches
    .slice(1)
    .map(
      (m, i) =>
        html`<a href="${reportHref(report.article.key, m.key)}">${titleOf(m)}</a> (source ${i + 2}: ${VERDICT_NAMES[m.verdict] ?? m.verdict}, ${percent(m.score)})`,
    );
  const others = rest.length > 0 ? html`<p>It also draws on ${SafeHtml.join(rest, '; ')}.</p>` : html``;
  return html`<section class="verdict verdict-${cssVerdict(best.verdict)}">
<p class="answer"><strong>${answer}</strong>: “${best.title !== '' ? best.title : best.key}”.</p>
<p>${howSure(report, best)}</p>
<p>${howMuch(report, best)}</p>
${others}
</section>
<table class="facts">
<thead><tr><th></th><th scope="col">This article</th><th scope="col">Earlier article (the source)</th></tr></thead>
<tbody>
<tr><th scope="row">Title</th><td>${titleOf(report.article)}</td><td>${titleOf(best)}</td></tr>
<tr><th scope="row">Published</th><td>${when(report.article.publishedAt, 'not given')}</td><td>${when(best.publishedAt, 'not given')}</td></tr>
<tr><th scope="row">Indexed</th><td>${indexedWhen(report)}</td><td>${when(best.indexedAt, 'unknown')}</td></tr>
<tr><th scope="row">Report</th><td>this page<br><span class="key">${report.article.key}</span></td><td><a href="${reportHref(report.article.key, best.key)}">open the source's report</a><br><span class="key">${best.key}</span></td></tr>
</tbody>
</table>
<p class="key">Dates in UTC. The source is the earlier-published article when both give a publication date, else the one indexed first.</p>`;
}

/** The score against the threshold its verdict needed, in words. */
function howSure(report: OkReport, m: Match): SafeHtml {
  const p = report.detector.params;
  const score = percent(m.score);
  switch (m.verdict) {
    case 'copy':
      return html`<strong>${score}</strong> of its wording (runs of three words) appears word for word in the source; a copy needs at least ${param(p, 'copyContainment')}.`;
    case 'rewrite': {
      const { alignedShare, orderedFacts, orderedBareFacts } = m.measures;
      const [share, facts, blend] = [num(p, 'rewriteShare'), num(p, 'restyleFacts'), num(p, 'restyleBlend')];
      if (share === undefined || alignedShare >= share || facts === undefined)
        return html`<strong>${score}</strong> of the article follows the source sentence by sentence, in the same order${notCounting(report)}; a rewrite needs at least ${param(p, 'rewriteShare')}.`;
      if (orderedBareFacts >= facts || blend === undefined)
        return html`It keeps <strong>${percent(orderedBareFacts)}</strong> of the source's facts (names, rare words, numbers) in the source's order, which independent reporting does not, counting the words it adds only as far as it adds names and numbers too; a rewrite needs at least ${param(p, 'restyleFacts')} (or ${param(p, 'rewriteShare')} of its sentences following the source).`;
      // a restyle some of whose sentences still align: both kinds of evidence, short of their thresholds
      return html`<strong>${percent(alignedShare)}</strong> of the article follows the source sentence by sentence${notCounting(report)} and it keeps <strong>${percent(orderedFacts)}</strong> of the source's facts in the source's order: each short of what a rewrite needs alone (${param(p, 'rewriteShare')}, ${param(p, 'restyleFacts')}), but as shares of those they average ${percent(restyleBlendOf(m.measures, { rewriteShare: share, restyleFacts: facts }))}, at least the ${param(p, 'restyleBlend')} a restyle needs.`;
    }
    case 'partial':
      return html`<strong>${score}</strong> of the article follows this source${notCounting(report)}; partly derived needs the earlier articles together to explain at least ${param(p, 'partialShare')} of it, and this one at least ${param(p, 'minSourceShare')}.`;
    default:
      return html`Score <strong>${score}</strong>.`;
  }
}

/** What the aligned share leaves out of the article, said where the share is: its comment, if any. */
function notCounting(report: OkReport): SafeHtml {
  const words = report.article.commentWords ?? 0;
  if (words === 0) return html``;
  return html` (not counting its ${words} words of comment: questions and exclamations naming no one and no figure)`;
}

/** How much of the article is derived, counted on the page's own text: words in aligned sentences, and what was added. */
function howMuch(report: OkReport, best: Match): SafeHtml {
  const text = report.article.text;
  if (text === '') return html`${best.measures.alignedSentences} sentences match the source.`;
  const pieces = articlePieces(report);
  let derived = 0;
  let added = 0;
  let addedPieces = 0;
  let loose = 0;
  let loosePieces = 0;
  for (const piece of pieces) {
    const words = wordCount(piece.text);
    if (piece.kind === 'aligned') derived += words;
    else if (piece.kind === 'counterpart') {
      loose += words;
      loosePieces++;
    } else if (words > 0) {
      added += words;
      addedPieces++;
    }
  }
  // the report's own word count (the tokenizer's), so the page and the JSON give one figure
  const total = report.article.wordCount > 0 ? report.article.wordCount : derived + loose + added;
  derived = Math.max(0, Math.min(derived, total - added - loose));
  const looseWords =
    loose === 0
      ? html``
      : html` ${loose} words (${loosePieces} sentence${loosePieces === 1 ? '' : 's'}) stand where the source has a sentence with words in common, reworded further: dashed below.`;
  const addedWords =
    added === 0
      ? html` Nothing was added.`
      : html` ${added} words (${addedPieces} passage${addedPieces === 1 ? '' : 's'}) are in no earlier article: added material, in blue below.`;
  return html`${derived} of its ${total} words are in sentences matched to earlier articles.${looseWords}${addedWords}`;
}

function originalSummary(report: OkReport): SafeHtml {
  const c = report.candidates;
  const later =
    report.laterCopiesTotal > 0
      ? html`<p><strong>${report.laterCopiesTotal} later article${report.laterCopiesTotal === 1 ? ' copies or rewrites' : 's copy or rewrite'} it</strong>, listed below.</p>`
      : html`<p>No later article has been found to copy or rewrite it.</p>`;
  const checked = report.indexed
    ? html`No earlier article in the archive explains it (${c.verified} similar article${c.verified === 1 ? '' : 's'} compared).`
    : html`No indexed article explains it (${c.verified} similar article${c.verified === 1 ? '' : 's'} compared); it was checked, not indexed.`;
  return html`<section class="verdict verdict-original">
<p class="answer"><strong>Original</strong>: not a copy or rewrite of an earlier article.</p>
<p>${checked}</p>
${later}
</section>
<table class="facts"><tbody>
<tr><th scope="row">Published</th><td>${when(report.article.publishedAt, 'not given')}</td></tr>
<tr><th scope="row">Indexed</th><td>${indexedWhen(report)}</td></tr>
<tr><th scope="row">Key</th><td><span class="key">${report.article.key}</span></td></tr>
</tbody></table>`;
}

function unjudgedBody(report: Report): SafeHtml {
  const e = report.error;
  const why =
    e === null
      ? html``
      : html`<p>Reason <code>${e.code}</code> (${CODE_WORDS[e.code] ?? 'unknown reason'}): ${e.message}</p>`;
  const head =
    report.status === 'withdrawn'
      ? html`<p class="answer"><strong>Withdrawn</strong>: this article was deleted; it is no longer indexed and no longer a source for other articles.</p>`
      : html`<p class="answer"><strong>Rejected: not judged</strong>. The file could not be read as a news story.</p>`;
  return html`<section class="verdict verdict-${report.status}">
${head}
${why}
<p class="key">${report.article.key}</p>
</section>`;
}

/** One piece of the article in reading order: aligned to a source passage, beside the source sentence at its place (a counterpart), or added. */
interface Piece {
  readonly kind: 'aligned' | 'counterpart' | 'added';
  /** Punctuation between the previous piece and this one (an opening quote), shown unmarked. */
  readonly lead?: string;
  readonly text: string;
  readonly source?: { readonly text: string; readonly match: number; readonly score: number };
}

/**
 * The whole article cut into aligned passages (of any matched source, the best one where two claim
 * one sentence) and the added text between them, in reading order.
 */
function articlePieces(report: OkReport): Piece[] {
  const text = report.article.text;
  // the best source claims its sentences first; another source fills only sentences still unclaimed
  // counterparts only fill sentences no source's passage claims
  const spans: Array<{ p: Match['passages'][number]; match: number; kind: 'aligned' | 'counterpart' }> = [];
  for (const kind of ['aligned', 'counterpart'] as const)
    report.matches.forEach((m, match) => {
      for (const p of kind === 'aligned' ? m.passages : m.counterparts)
        if (!spans.some((s) => s.p.article.start < p.article.end && p.article.start < s.p.article.end))
          spans.push({ p, match, kind });
    });
  spans.sort((a, b) => a.p.article.start - b.p.article.start);
  const pieces: Piece[] = [];
  let at = 0;
  /** The text before `end` as an added piece; without a letter or digit it is only punctuation, returned as a lead. */
  const gapBefore = (end: number): string => {
    const gap = text.slice(at, end).trim();
    if (/[\p{L}\p{N}]/u.test(gap)) pieces.push({ kind: 'added', text: gap });
    else return gap;
    return '';
  };
  for (const { p, match, kind } of spans) {
    if (p.article.start < at) continue; // overlaps the previous passage (possible only in a hand-made report)
    const lead = gapBefore(p.article.start);
    pieces.push({ kind, lead, text: p.article.text, source: { text: p.source.text, match, score: p.score } });
    at = p.article.end;
  }
  const tail = gapBefore(text.length);
  if (tail !== '') pieces.push({ kind: 'added', text: tail });
  return pieces;
}

function sideBySide(report: OkReport): SafeHtml {
  const pieces =
    report.article.text !== ''
      ? articlePieces(report)
      : report.matches.flatMap((m, match) =>
          m.passages.map((p): Piece => ({
            kind: 'aligned',
            text: p.article.text,
            source: { text: p.source.text, match, score: p.score },
          })),
        );
  const rows = pieces.map((piece) => {
    if (!piece.source)
      return html`<tr class="added"><td class="text">${piece.text}</td><td class="gap">added: not in the source</td></tr>`;
    const article = marked(piece.text, rewordedRanges(piece.text, piece.source.text), 'mark');
    const source = marked(piece.source.text, rewordedRanges(piece.source.text, piece.text), 's');
    const from =
      piece.source.match > 0
        ? html`<span class="from">from source ${piece.source.match + 1}: ${titleOf(report.matches[piece.source.match]!)}</span>`
        : html``;
    if (piece.kind === 'counterpart')
      return html`<tr class="counterpart"><td class="text">${piece.lead ?? ''}${article}</td><td class="text"><span class="from">the source's sentence at the same place, with words in common: score ${percent(piece.source.score)}, where an aligned pair needs ${param(report.detector.params, 'minSentenceScore')}; it counts as following the source's order</span>${from}${source}</td></tr>`;
    return html`<tr><td class="text">${piece.lead ?? ''}${article}</td><td class="text">${from}${source}</td></tr>`;
  });
  const note =
    report.article.text === ''
      ? html`<p class="none">This report was written by an older version: only the matching sentences are shown, not the whole article.</p>`
      : html``;
  return html`<section id="side-by-side">
<h2>The article beside its source</h2>
<div class="legend">
<span><mark>highlighted words</mark>: wording of this article that is not in the source sentence (reworded or new)</span>
<span><s>struck-through words</s>: wording of the source that the article dropped or replaced</span>
<span><span class="swatch-added">blue rows</span>: added material, with no counterpart in the source</span>
${pieces.some((p) => p.kind === 'counterpart') ? html`<span><span class="swatch-counterpart">dashed rows</span>: reworded further than an aligned pair, beside the source's sentence at the same place</span>` : html``}
</div>
<p class="key">Unmarked words are the same in both, ignoring case, word endings and spelling variants (U.S./US, Zelensky/Zelenskyy, colour/color, cease-fire/ceasefire).</p>
${note}
<table class="side"><thead><tr><th scope="col">This article (whole text, in order)</th><th scope="col">Source</th></tr></thead><tbody>
${SafeHtml.join(rows, '\n')}
</tbody></table>
</section>`;
}

function laterCopiesSection(report: OkReport): SafeHtml {
  if (report.laterCopiesTotal === 0) return html``;
  const rows = report.laterCopies.map(
    (c) =>
      html`<tr><td><a href="${reportHref(report.article.key, c.key)}">${titleOf(c)}</a><br><span class="key">${c.key}</span></td><td>${VERDICT_NAMES[c.verdict] ?? c.verdict}</td><td class="num">${percent(c.score)}</td><td>${when(c.publishedAt, 'not given')}</td><td>${when(c.indexedAt, 'unknown')}</td></tr>`,
  );
  const shown =
    report.laterCopies.length < report.laterCopiesTotal
      ? html`<p>Showing the newest ${report.laterCopies.length} of ${report.laterCopiesTotal}.</p>`
      : html``;
  return html`<section id="later-copies"><h2>Later articles that copy or rewrite this one (${report.laterCopiesTotal})</h2>
${shown}
<table><thead><tr><th scope="col">Later article</th><th scope="col">Verdict</th><th scope="col">Score</th><th scope="col">Published</th><th scope="col">Indexed</th></tr></thead><tbody>
${SafeHtml.join(rows, '\n')}
</tbody></table></section>`;
}

/** Measures, candidates and detector settings, collapsed: for people who tune the detector. */
function specialistSection(report: Report): SafeHtml {
  const d = report.detector;
  const params = Object.entries(d.params).map(
    ([k, v]) => html`<tr><th scope="row">${k}</th><td><code>${JSON.stringify(v) ?? String(v)}</code></td></tr>`,
  );
  const matches = report.status === 'ok' ? report.matches.map((m, i) => measuresTable(m, i)) : [];
  return html`<details>
<summary>For specialists: measures, candidates and detector settings</summary>
<p>Content hash <code>${report.article.contentHash ?? '(none)'}</code>, ${report.article.wordCount} words, status ${report.status}, ${report.indexed ? 'indexed: later articles are compared against it' : 'not indexed'}.</p>
${SafeHtml.join(matches, '\n')}
${report.status === 'ok' ? candidatesTable(report) : html``}
<h3>Detector ${d.version}, report schema ${report.schemaVersion}</h3>
<table class="params"><tbody>
${SafeHtml.join(params, '\n')}
</tbody></table>
</details>`;
}

function measuresTable(m: Match, i: number): SafeHtml {
  const rows = MEASURES.map(({ key, label, meaning, share }) => {
    const v = m.measures[key];
    return html`<tr><th scope="row">${label}</th><td class="num">${share ? `${(v * 100).toFixed(1)}%` : v}</td><td>${meaning}</td></tr>`;
  });
  return html`<h3>Source ${i + 1}: ${m.verdict}, score ${fixed(m.score)} (${m.verdict === 'copy' ? 'verbatim 3-gram containment' : 'aligned share'}), <code>${m.key}</code></h3>
<table class="measures"><tbody>
${SafeHtml.join(rows, '\n')}
</tbody></table>`;
}

function candidatesTable(report: OkReport): SafeHtml {
  const c = report.candidates;
  const rows = c.top.map(
    (t) => html`<tr><td><code>${t.key}</code></td><td class="num">${fixed(t.estimatedSimilarity)}</td></tr>`,
  );
  return html`<h3>Candidates</h3>
<p>The index proposed ${c.found} candidate${c.found === 1 ? '' : 's'}; ${c.verified} ${c.verified === 1 ? 'was' : 'were'} verified by comparing the texts.</p>
${
  rows.length === 0
    ? html``
    : html`<table class="candidates"><thead><tr><th scope="col">Candidate considered</th><th scope="col">Estimated similarity</th></tr></thead><tbody>
${SafeHtml.join(rows, '\n')}
</tbody></table>`
}`;
}

/** The text with each range wrapped in `<mark>` or `<s>`, all of it escaped. */
function marked(text: string, ranges: readonly WordRange[], tag: 'mark' | 's'): SafeHtml {
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const r of ranges) {
    const word = text.slice(r.start, r.end);
    parts.push(html`${text.slice(at, r.start)}`, tag === 'mark' ? html`<mark>${word}</mark>` : html`<s>${word}</s>`);
    at = r.end;
  }
  parts.push(html`${text.slice(at)}`);
  return SafeHtml.join(parts);
}

function titleOf(a: { readonly title: string; readonly key: string }): SafeHtml {
  return a.title !== '' ? html`${a.title}` : html`<span class="none">no title</span>`;
}

function indexedWhen(report: OkReport): SafeHtml {
  return report.indexed
    ? when(report.article.indexedAt, 'unknown')
    : html`<span class="none">not indexed (checked only)</span>`;
}

/** A date as "1 Mar 2024, 08:15 UTC", or the placeholder in italics. */
function when(iso: string | null, missing: string): SafeHtml {
  const d = iso === null ? NaN : Date.parse(iso);
  if (Number.isNaN(d)) return html`<span class="none">${missing}</span>`;
  const t = new Date(d);
  const hm = `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
  return html`${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]!} ${t.getUTCFullYear()}, ${hm} UTC`;
}

/** A numeric parameter of the report's detector, if it has it. */
function num(params: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const v = params[name];
  return typeof v === 'number' ? v : undefined;
}

/** A threshold parameter as a percentage, or "the configured threshold" when absent. */
function param(params: Readonly<Record<string, unknown>>, name: string): string {
  const v = num(params, name);
  return v === undefined ? 'the configured threshold' : percent(v);
}

/** A verdict as a CSS class suffix: known ones keep their colour, any other gets the neutral one. */
function cssVerdict(verdict: string): string {
  return Object.hasOwn(ANSWERS, verdict) ? verdict : 'other';
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function fixed(x: number): string {
  return x.toFixed(2);
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
