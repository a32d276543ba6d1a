import type { Passage, Report } from '../report/report.js';

/** Passages shown per match by `check`: the best-scoring few are enough to judge by eye. */
const TOP_PASSAGES = 3;

/** A report as a few readable lines: key, verdict, source and score, other matches, top passages. */
export function renderReportText(report: Report, width: number): string {
  const lines = [report.article.key];
  if (report.status !== 'ok') {
    lines.push(`  ${report.status}${report.error ? ` (${report.error.code}): ${report.error.message}` : ''}`);
    return lines.join('\n') + '\n';
  }
  if (report.article.title !== '') lines.push(`  title: ${shorten(report.article.title, width - 9)}`);
  const [best, ...others] = report.matches;
  if (!best) {
    lines.push(`  verdict: original (${report.candidates.verified} of ${report.candidates.found} candidates verified)`);
    return lines.join('\n') + '\n';
  }
  const m = best.measures;
  lines.push(`  verdict: ${best.verdict} of ${best.key} (score ${best.score.toFixed(4)})`);
  lines.push(
    `  aligned ${m.alignedShare.toFixed(4)}  containment ${m.containment.toFixed(4)}  jaccard ${m.jaccard.toFixed(4)}  trigrams ${m.trigramContainment.toFixed(4)}`,
  );
  for (const o of others) lines.push(`  also: ${o.verdict} of ${o.key} (score ${o.score.toFixed(4)})`);
  const top = [...best.passages].sort((a, b) => b.score - a.score).slice(0, TOP_PASSAGES);
  lines.push(`  passages (${top.length} of ${best.passages.length}, best first):`);
  const room = Math.max(20, width - 14);
  for (const p of top) {
    lines.push(`    ${p.score.toFixed(2)}  ${shorten(p.article.text, room)}`);
    lines.push(`      <-  ${shorten(p.source.text, room)}`);
  }
  return lines.join('\n') + '\n';
}

/** Aligned passages in two columns (article | source) with their scores, fitted to width. */
export function renderSideBySide(passages: readonly Passage[], width: number): string {
  const scoreWidth = 5;
  const column = Math.max(16, Math.floor((width - scoreWidth - 6) / 2));
  const rule = `${'-'.repeat(scoreWidth)}-+-${'-'.repeat(column)}-+-${'-'.repeat(column)}`;
  const row = (score: string, left: string, right: string): string =>
    `${score.padStart(scoreWidth)} | ${left.padEnd(column)} | ${right}`.trimEnd();
  const out = [row('score', 'article', 'source'), rule];
  for (const p of passages) {
    const left = wrapText(p.article.text, column);
    const right = wrapText(p.source.text, column);
    for (let i = 0; i < Math.max(left.length, right.length); i++)
      out.push(row(i === 0 ? p.score.toFixed(2) : '', left[i] ?? '', right[i] ?? ''));
    out.push(rule);
  }
  return out.join('\n') + '\n';
}

/** Collapses whitespace and cuts to max characters, ending in '…' when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Greedy word wrap; words longer than width are split. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter((w) => w !== '')) {
    while (word.length > width) {
      if (line !== '') lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
