import { NUMBER, STOP, type Tokens } from '../text/tokenize.js';
import { distinctiveTerms } from './candidate-keys.js';

/**
 * Words this frequent in general English are not facts: the rest (names, places, rare words) and
 * every number ("12 teams") are what a restyle must keep: the candidate keys' notion, plus short numbers.
 */
export const FACT_COMMON_WORDS = 2000;

/** A text's facts: its distinctive terms in order of first appearance, and each term's rank in that order. */
export interface FactSequence {
  readonly terms: Uint32Array;
  readonly rankOf: ReadonlyMap<number, number>;
}

/** The fact sequence of a tokenized text. */
export function factSequence(tokens: Tokens): FactSequence {
  const facts = new Set(distinctiveTerms(tokens, 0, tokens.count, tokens.count, FACT_COMMON_WORDS));
  const rankOf = new Map<number, number>();
  for (let i = 0; i < tokens.count; i++) {
    const t = tokens.term[i]!;
    const isFact = facts.has(t) || (tokens.flags[i]! & (NUMBER | STOP)) === NUMBER;
    if (isFact && !rankOf.has(t)) rankOf.set(t, rankOf.size);
  }
  return { terms: Uint32Array.from(rankOf.keys()), rankOf };
}

/**
 * Share of the facts of the shorter text that the article keeps in the source's order, beyond
 * what chance order gives. The shared facts are read in the article's order as positions in the
 * source; their longest increasing run L is the facts kept in order. A random order of m shared
 * facts already has a run of about 2 sqrt(m), so that much is taken off: an LLM restyle keeps the
 * source's facts in its order (L near m), while independent coverage of the same event shares
 * names and numbers but tells them in its own order and selection. Result in [0, 1].
 */
export function orderedFactShare(article: FactSequence, source: FactSequence): number {
  const positions: number[] = [];
  for (const t of article.terms) {
    const p = source.rankOf.get(t);
    if (p !== undefined) positions.push(p);
  }
  const m = positions.length;
  if (m === 0) return 0;
  const kept = longestIncreasingRun(positions);
  const smaller = Math.min(article.terms.length, source.terms.length);
  return Math.max(0, Math.min(1, (kept - 2 * Math.sqrt(m)) / smaller));
}

/** Length of the longest strictly increasing subsequence (patience sorting, O(n log n)). */
export function longestIncreasingRun(values: readonly number[]): number {
  const tails: number[] = [];
  for (const x of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return tails.length;
}
