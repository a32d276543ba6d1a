import { html, pageHead, SafeHtml } from '../report/escape-html.js';
import type { Digest, DigestEntry } from './digest.js';

const STYLE = html`<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
p.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
th, td { border: 1px solid #ddd; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #fafafa; white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
.verdict { display: inline-block; white-space: nowrap; padding: 0 0.45rem; border-radius: 3px; font-weight: 600; color: #fff; }
.verdict-copy { background: #b71c1c; }
.verdict-rewrite { background: #e65100; }
.verdict-partial { background: #8d6e00; }
.key { display: block; color: #555; font-size: 0.85rem; }
.warning { padding: 0.5rem 0.75rem; border-left: 6px solid #b71c1c; background: #fdecea; }
</style>`;

const VERDICT_WORDS: Readonly<Record<DigestEntry['verdict'], string>> = {
  copy: 'Copy',
  rewrite: 'Rewrite',
  partial: 'Partly derived',
};

/**
 * A day's digest as a self-contained page (inline CSS, no scripts): each flagged article newest
 * first with its verdict, source, score and a link to its report, and when the links expire.
 * Every value is escaped.
 */
export function renderDigestHtml(digest: Digest): string {
  const n = digest.articles.length;
  const page = html`${pageHead(`rewrite-radar digest ${digest.day}`, STYLE)}
<body>
<h1>Flagged articles of ${digest.day}</h1>
<p class="meta">Times are UTC. ${n === 0 ? 'No article was flagged as a copy, rewrite or partial copy on this day.' : `${n} article${n === 1 ? '' : 's'} flagged, newest first. Score: how much of the article the source explains.`} Generated ${readableTime(digest.generatedAt)}. ${linksNote(digest)}</p>
${unreadableNote(digest)}
${n === 0 ? html`` : table(digest.articles)}
</body>
</html>
`;
  return page.value;
}

function table(entries: readonly DigestEntry[]): SafeHtml {
  const rows = entries.map(
    (e) => html`<tr>
<td class="time">${readableTime(e.flaggedAt).slice(11, 16)}</td>
<td><a href="${e.reportUrl}" rel="noreferrer">${e.title !== '' ? e.title : e.articleKey}</a><span class="key">${e.articleKey}</span></td>
<td><span class="verdict verdict-${e.verdict}">${VERDICT_WORDS[e.verdict]}</span></td>
<td class="num">${Math.round(e.score * 100)}%</td>
<td><a href="${e.sourceReportUrl}" rel="noreferrer">${e.sourceTitle !== '' ? e.sourceTitle : e.sourceKey}</a><span class="key">${e.sourceKey}</span></td>
</tr>`,
  );
  return html`<table>
<thead><tr><th>Flagged</th><th>Article (its report)</th><th>Verdict</th><th>Score</th><th>Source (its report)</th></tr></thead>
<tbody>
${SafeHtml.join(rows, '\n')}
</tbody>
</table>`;
}

function linksNote(digest: Digest): string {
  if (digest.linksExpireAt === null) return 'Report links are relative: open this page beside the reports.';
  return `Report links are presigned and stop working at ${readableTime(digest.linksExpireAt)}, or earlier if the credentials that signed them expire first; run "rewrite-radar url KEY" for a new one.`;
}

function unreadableNote(digest: Digest): SafeHtml {
  if (digest.unreadable.length === 0) return html``;
  return html`<p class="warning">${digest.unreadable.length} flagged-article record(s) could not be read: ${digest.unreadable.join(', ')}</p>`;
}

/** An ISO time as "YYYY-MM-DD HH:MM UTC". */
function readableTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
