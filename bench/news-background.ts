import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One article of ../shared/corpora/news-background (see its MANIFEST.md). */
export interface NewsArticle {
  readonly id: string;
  readonly source: string;
  readonly title: string;
  readonly text: string;
}

/** The first `limit` articles of the shards in file order (a source-mixed sample at every prefix). */
export function readNewsBackground(dir: string, limit: number): NewsArticle[] {
  const shards = readdirSync(dir)
    .filter((f) => /^articles-\d+\.jsonl\.gz$/.test(f))
    .sort();
  if (shards.length === 0) throw new Error(`no articles-NNN.jsonl.gz shards in ${dir}`);
  const out: NewsArticle[] = [];
  for (const shard of shards) {
    const lines = gunzipSync(readFileSync(join(dir, shard)))
      .toString('utf8')
      .split('\n');
    for (const [n, line] of lines.entries()) {
      if (out.length >= limit) return out;
      if (line.trim() === '') continue;
      const raw = JSON.parse(line) as Partial<NewsArticle>;
      if (typeof raw.id !== 'string' || typeof raw.text !== 'string')
        throw new Error(`${shard} line ${n + 1}: expected string id and text`);
      out.push({ id: raw.id, source: String(raw.source ?? ''), title: String(raw.title ?? ''), text: raw.text });
    }
  }
  return out;
}

/** Calls `visit` with the hash of each word 5-gram of a text (lower-cased [a-z0-9]+ words), as the corpus MANIFEST counts near-duplicates. */
function forEachFiveGram(text: string, visit: (hash: number) => void): void {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const wordHashes = new Uint32Array(words.length);
  for (const [i, w] of words.entries()) {
    let h = 0x811c9dc5;
    for (let c = 0; c < w.length; c++) h = Math.imul(h ^ w.charCodeAt(c), 0x01000193);
    wordHashes[i] = h;
  }
  for (let i = 0; i + 5 <= words.length; i++) {
    let h = 0;
    for (let j = i; j < i + 5; j++) h = Math.imul(h ^ wordHashes[j]!, 0x9e3779b1) + 0x7f4a7c15;
    visit(h >>> 0);
  }
}

/**
 * Words of the longest run two texts share verbatim (case and punctuation aside, words as the
 * 5-gram test reads them): dynamic programming over the two word sequences, for the few flagged
 * negatives only.
 */
export function longestSharedRun(a: string, b: string): number {
  const wa = a.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const wb = b.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  let previous = new Uint32Array(wb.length + 1);
  let current = new Uint32Array(wb.length + 1);
  let best = 0;
  for (let i = 1; i <= wa.length; i++) {
    for (let j = 1; j <= wb.length; j++) {
      current[j] = wa[i - 1] === wb[j - 1] ? previous[j - 1]! + 1 : 0;
      if (current[j]! > best) best = current[j]!;
    }
    [previous, current] = [current, previous];
  }
  return best;
}

/**
 * For each probe text, the first position in `indexed` (0-based) of an article holding at least
 * `share` of the probe's word 5-grams, or Infinity: from that index size on, the probe is a
 * printed copy of an indexed article, not a negative.
 */
export function firstNearCopyPosition(probes: readonly string[], indexed: Iterable<string>, share: number): number[] {
  const sizes = probes.map(() => 0);
  const owners = new Map<number, number[]>();
  probes.forEach((text, p) => {
    const seen = new Set<number>();
    forEachFiveGram(text, (g) => {
      if (seen.has(g)) return;
      seen.add(g);
      const list = owners.get(g);
      if (list) list.push(p);
      else owners.set(g, [p]);
    });
    sizes[p] = seen.size;
  });
  const first = probes.map(() => Infinity);
  let position = 0;
  for (const text of indexed) {
    // distinct shared 5-grams per probe: only grams some probe holds are remembered
    const shared = new Set<number>();
    forEachFiveGram(text, (g) => {
      if (owners.has(g)) shared.add(g);
    });
    const counts = new Map<number, number>();
    for (const g of shared) for (const p of owners.get(g)!) counts.set(p, (counts.get(p) ?? 0) + 1);
    for (const [p, n] of counts) if (first[p] === Infinity && n >= share * sizes[p]!) first[p] = position;
    position++;
  }
  return first;
}
