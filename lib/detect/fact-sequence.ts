import { CAPITALISED, NUMBER, STOP, type Tokens } from '../text/tokenize.js';
import type { Sentence } from '../text/sentences.js';
import type { TextModel } from './fingerprint.js';
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
  /**
   * By rank, 1 for a name or number: digits, or a word capitalised wherever it occurs and at least
   * once inside running text; 0 for a rare word written in lower case, or capitalised only where
   * capitals say nothing (see hasLowerCaseWord, isShouted).
   */
  readonly named: Uint8Array;
}

/** The fact sequence of a text. */
export function factSequence({ text, tokens, sentences }: TextModel): FactSequence {
  const facts = new Set(distinctiveTerms(tokens, 0, tokens.count, tokens.count, FACT_COMMON_WORDS));
  const rankOf = new Map<number, number>();
  const lowerCase = new Set<number>();
  const named = new Set<number>();
  // sentences cover the tokens in order, so ranks follow the text
  for (const s of sentences) {
    const headline = !hasLowerCaseWord(tokens, s);
    for (let i = s.firstToken; i < s.endToken; i++) {
      const t = tokens.term[i]!;
      const f = tokens.flags[i]!;
      if (!(facts.has(t) || (f & (NUMBER | STOP)) === NUMBER)) continue;
      if (isContraction(text, tokens.start[i]!, tokens.end[i]!)) continue;
      if (!rankOf.has(t)) rankOf.set(t, rankOf.size);
      if ((f & NUMBER) !== 0) named.add(t);
      else if ((f & CAPITALISED) === 0) lowerCase.add(t);
      else if (i > s.firstToken && !headline && !isShouted(text, tokens.start[i]!, tokens.end[i]!)) named.add(t);
    }
  }
  const terms = Uint32Array.from(rankOf.keys());
  return { terms, rankOf, named: Uint8Array.from(terms, (t) => (named.has(t) && !lowerCase.has(t) ? 1 : 0)) };
}

/** Acronyms are mostly 2-4 letters (FBI, NATO, GOP): a word in capitals this long or longer is shouted. */
const SHOUTED_LETTERS = 5;

/** Whether text[start, end) is a word of SHOUTED_LETTERS or more written in capitals ("CONFESSED"): emphasis, not a name. */
function isShouted(text: string, start: number, end: number): boolean {
  return end - start >= SHOUTED_LETTERS && !/\p{Ll}/u.test(text.slice(start, end));
}

/** Endings after an apostrophe that make a contraction (didn't, we're, they've, we'll, he'd, I'm). */
const CONTRACTION_ENDINGS = new Set(['t', 're', 've', 'll', 'd', 'm']);

/**
 * Whether the word text[start, end) is a contraction: a pronoun or auxiliary with its verb, not a
 * fact, though the common-word list (single words) does not hold it. O'Brien is not one.
 */
function isContraction(text: string, start: number, end: number): boolean {
  for (let i = end - 1; i > start; i--) {
    const c = text.charCodeAt(i);
    if (c === 39 || c === 0x2019) return CONTRACTION_ENDINGS.has(text.slice(i + 1, end).toLowerCase());
  }
  return false;
}

/**
 * Whether a sentence has a content word in lower case. One without is a headline in title case
 * or capitals ("EXPLOSIVE SHOWDOWN: Tax Cuts Threaten Economy"), where capitals say nothing of
 * names, as they say nothing at a sentence's first word: a sensational restyle's headline and its
 * "Unfazed, ..." openings are colour, not new names (error analysis: bench/README.md).
 */
function hasLowerCaseWord(tokens: Tokens, s: Sentence): boolean {
  for (let i = s.firstToken; i < s.endToken; i++)
    if ((tokens.flags[i]! & (STOP | NUMBER | CAPITALISED)) === 0) return true;
  return false;
}

/** Facts kept in order: the share of all the article's facts, and of its bare facts (see orderedFactShares). */
export interface OrderedFacts {
  readonly all: number;
  readonly bare: number;
}

/**
 * Share of the facts of the shorter text that the article keeps in the source's order, beyond
 * what chance order gives. The shared facts are read in the article's order as positions in the
 * source; their longest increasing run L is the facts kept in order. A random order of m shared
 * facts already has a run of about 2 sqrt(m), so that much is taken off: an LLM restyle keeps the
 * source's facts in its order (L near m), while independent coverage of the same event shares
 * names and numbers but tells them in its own order and selection. Results in [0, 1].
 *
 * `all` counts every fact of the article. `bare` counts the article's new rare words that are
 * not names (facts the source lacks; see FactSequence.named) only as far as its names and numbers
 * are new too: a sensational or emotional restyle adds colour ("mercilessly", "electrifying") but
 * no names, so its added words are not new facts; independent reporting brings its own names and
 * numbers, and its own words count in full. The source's facts always count in full.
 */
export function orderedFactShares(article: FactSequence, source: FactSequence): OrderedFacts {
  const positions: number[] = [];
  let namedShared = 0;
  let namedNew = 0;
  let lowerNew = 0;
  for (let r = 0; r < article.terms.length; r++) {
    const p = source.rankOf.get(article.terms[r]!);
    if (p !== undefined) positions.push(p);
    if (article.named[r] === 1) {
      if (p === undefined) namedNew++;
      else namedShared++;
    } else if (p === undefined) lowerNew++;
  }
  const m = positions.length;
  if (m === 0) return { all: 0, bare: 0 };
  const beyondChance = longestIncreasingRun(positions) - 2 * Math.sqrt(m);
  const share = (articleFacts: number): number =>
    Math.max(0, Math.min(1, beyondChance / Math.min(articleFacts, source.terms.length)));
  const newNames = namedShared + namedNew > 0 ? namedNew / (namedShared + namedNew) : 1;
  return { all: share(article.terms.length), bare: share(m + namedNew + lowerNew * newNames) };
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
