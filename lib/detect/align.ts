import { combineHashes } from '../sketch/hash.js';
import { STOP, type Tokens } from '../text/tokenize.js';
import type { Sentence } from '../text/sentences.js';

/** What one sentence contributes to matching: its content words and its word pairs. */
export interface SentenceFeatures {
  readonly words: number;
  /** Distinct content-word terms (stopwords dropped). */
  readonly content: readonly number[];
  /** Distinct hashes of adjacent word pairs, stopwords included: phrasing, not topic. */
  readonly bigrams: readonly number[];
}

/** One aligned pair: article sentence `a` corresponds to source sentences `b`..`bEnd-1`. */
export interface AlignedPair {
  readonly a: number;
  readonly b: number;
  readonly bEnd: number;
  readonly score: number;
}

/** Parameters of sentence alignment. */
export interface AlignOptions {
  /** A pair counts when its similarity reaches this (0..1). */
  readonly minSentenceScore: number;
  /** Fewer shared content words than this is chance, whatever the ratio. */
  readonly minSharedWords: number;
}

/** Per-sentence features of a tokenized text. */
export function sentenceFeatures(tokens: Tokens, sentences: readonly Sentence[]): SentenceFeatures[] {
  return sentences.map((s) => {
    const content = new Set<number>();
    const bigrams = new Set<number>();
    for (let t = s.firstToken; t < s.endToken; t++) {
      if ((tokens.flags[t]! & STOP) === 0) content.add(tokens.term[t]!);
      if (t + 1 < s.endToken) bigrams.add(combineHashes(tokens.term[t]!, tokens.term[t + 1]!));
    }
    return { words: s.endToken - s.firstToken, content: [...content], bigrams: [...bigrams] };
  });
}

/**
 * Similarity of article sentence `a` to source text `b` (one sentence or two merged, since
 * rewriters join and split sentences): the mean of content-word containment and word-pair
 * containment of `a` in `b`. Containment, not Jaccard: rewrites trim their sources.
 */
export function sentenceScore(a: SentenceFeatures, bContent: ReadonlySet<number>, bBigrams: ReadonlySet<number>, minShared: number): number {
  if (a.content.length === 0) return 0;
  let shared = 0;
  for (const t of a.content) if (bContent.has(t)) shared++;
  if (shared < Math.min(minShared, a.content.length)) return 0;
  let sharedPairs = 0;
  for (const g of a.bigrams) if (bBigrams.has(g)) sharedPairs++;
  const pairShare = a.bigrams.length > 0 ? sharedPairs / a.bigrams.length : 0;
  return 0.5 * (shared / a.content.length) + 0.5 * pairShare;
}

/**
 * Ordered alignment: picks for each article sentence at most one source window so that the
 * windows never go backwards and the sum of (words x score) is maximal. Independent coverage of
 * one event shares quotes and names, but not this sentence-by-sentence order.
 * O(m x n) time in sentences.
 */
export function alignSentences(article: readonly SentenceFeatures[], source: readonly SentenceFeatures[], options: AlignOptions): AlignedPair[] {
  const m = article.length;
  const n = source.length;
  if (m === 0 || n === 0) return [];
  const sets = source.map((s) => ({ content: new Set(s.content), bigrams: new Set(s.bigrams) }));
  const merged = source.map((_, j) => (j + 1 < n ? { content: union(sets[j]!.content, sets[j + 1]!.content), bigrams: union(sets[j]!.bigrams, sets[j + 1]!.bigrams) } : undefined));
  // best[i][j]: best total for article[0..i] with the last aligned window starting at or before j
  const best = new Float64Array((m + 1) * (n + 1));
  const choice = new Int32Array(m * n).fill(-1); // 0 none, 1 single, 2 merged, at (i, j)
  const scoreAt = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const a = article[i]!;
    for (let j = 0; j < n; j++) {
      const single = sentenceScore(a, sets[j]!.content, sets[j]!.bigrams, options.minSharedWords);
      const mw = merged[j];
      const pair = mw ? sentenceScore(a, mw.content, mw.bigrams, options.minSharedWords) : 0;
      const s = Math.max(single, pair);
      if (s >= options.minSentenceScore) {
        choice[i * n + j] = pair > single ? 2 : 1;
        scoreAt[i * n + j] = s;
      }
    }
  }
  const W = n + 1;
  for (let i = 1; i <= m; i++) {
    const words = article[i - 1]!.words;
    for (let j = 1; j <= n; j++) {
      // skip this article sentence, or move the window forward, or align i-1 with j-1;
      // several article sentences may share one source sentence (a split sentence)
      let v = Math.max(best[(i - 1) * W + j]!, best[i * W + j - 1]!);
      const c = choice[(i - 1) * n + j - 1]!;
      if (c > 0) v = Math.max(v, best[(i - 1) * W + j]! + words * scoreAt[(i - 1) * n + j - 1]!);
      best[i * W + j] = v;
    }
  }
  const pairs: AlignedPair[] = [];
  let i = m;
  let j = n;
  while (i > 0 && j > 0) {
    const v = best[i * W + j]!;
    if (v === best[i * W + j - 1]) j--;
    else if (v === best[(i - 1) * W + j]) i--;
    else {
      const c = choice[(i - 1) * n + j - 1]!;
      pairs.push({ a: i - 1, b: j - 1, bEnd: c === 2 ? j + 1 : j, score: scoreAt[(i - 1) * n + j - 1]! });
      i--;
    }
  }
  return pairs.reverse();
}

function union(a: ReadonlySet<number>, b: ReadonlySet<number>): Set<number> {
  const u = new Set(a);
  for (const x of b) u.add(x);
  return u;
}
