import { combineHashes } from '../sketch/hash.js';
import { NUMBER, QUOTED, STOP, type Tokens } from '../text/tokenize.js';
import type { Sentence } from '../text/sentences.js';

/** What one sentence contributes to matching: its content words and its word pairs. */
export interface SentenceFeatures {
  readonly words: number;
  /** Words inside double quotes: quotes are shared by independent reports of one event. */
  readonly quotedWords: number;
  /** Distinct content-word terms (stopwords dropped). */
  readonly content: readonly number[];
  /** Distinct hashes of adjacent word pairs, stopwords included: phrasing, not topic. */
  readonly bigrams: readonly number[];
  /** Distinct number terms ("1987", "1.5"). */
  readonly numbers: readonly number[];
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
    const numbers = new Set<number>();
    let quotedWords = 0;
    for (let t = s.firstToken; t < s.endToken; t++) {
      if ((tokens.flags[t]! & QUOTED) !== 0) quotedWords++;
      if ((tokens.flags[t]! & STOP) === 0) content.add(tokens.term[t]!);
      if ((tokens.flags[t]! & (NUMBER | STOP)) === NUMBER) numbers.add(tokens.term[t]!);
      if (t + 1 < s.endToken) bigrams.add(combineHashes(tokens.term[t]!, tokens.term[t + 1]!));
    }
    return {
      words: s.endToken - s.firstToken,
      quotedWords,
      content: [...content],
      bigrams: [...bigrams],
      numbers: [...numbers],
    };
  });
}

/**
 * Similarity of article sentence `a` to a source window (one sentence, or two merged, since
 * rewriters join and split sentences): the mean of the content-word share and the word-pair share
 * of `a` found in the window. Each share is taken of the mean of the article sentence's size and
 * the smaller of the two sizes: a trimmed rewrite is judged by its own words (containment), while a
 * restyle that pads each sentence with adjectives and asides ("fearlessly stepped into the heart
 * of") is judged halfway towards the source sentence it keeps, so padding costs it half as much.
 */
export function windowScore(a: SentenceFeatures, window: readonly SourceSets[], minShared: number): number {
  if (a.content.length === 0) return 0;
  const shared = countIn(a.content, window, 'content');
  if (shared < Math.min(minShared, a.content.length)) return 0;
  if (figuresDisagree(a, window)) return 0;
  let windowContent = 0;
  let windowPairs = 0;
  for (const w of window) {
    windowContent += w.content.size;
    windowPairs += w.bigrams.size;
  }
  const pairs = (a.bigrams.length + Math.min(a.bigrams.length, windowPairs)) / 2;
  const pairShare = pairs > 0 ? countIn(a.bigrams, window, 'bigrams') / pairs : 0;
  return 0.5 * (shared / ((a.content.length + Math.min(a.content.length, windowContent)) / 2)) + 0.5 * pairShare;
}

/** A sentence needs this many figures before disagreeing ones can veto its alignment: one added age or date is a rewriter's detail. */
const MIN_FIGURES = 2;

/**
 * Both sides state figures and share none: a template filled in for another company, month or
 * case ("Shr 73 cts vs 60 cts", "load factor fell to 55.2 pct"), not a reworded sentence. A
 * rewrite keeps the figures it reports, whatever else it changes.
 */
function figuresDisagree(a: SentenceFeatures, window: readonly SourceSets[]): boolean {
  if (a.numbers.length < MIN_FIGURES) return false;
  let windowNumbers = 0;
  for (const w of window) windowNumbers += w.numbers.size;
  return windowNumbers >= MIN_FIGURES && countIn(a.numbers, window, 'numbers') === 0;
}

/** A source sentence's features as sets, built once per comparison. */
export interface SourceSets {
  readonly content: ReadonlySet<number>;
  readonly bigrams: ReadonlySet<number>;
  readonly numbers: ReadonlySet<number>;
}

/** Sentences of each text that alignment looks at (about 20,000 words; news articles are far shorter). */
export const MAX_ALIGNED_SENTENCES = 1000;

/** How many sentences of each text alignment looks at. */
function alignedLengths(article: readonly unknown[], source: readonly unknown[]): [number, number] {
  return [Math.min(article.length, MAX_ALIGNED_SENTENCES), Math.min(source.length, MAX_ALIGNED_SENTENCES)];
}

/** Score a merged window must add over its best single sentence. */
const MERGE_MARGIN = 0.05;

/** A source's sentence sets and its inverted index term -> sentences, so only sentences sharing words are scored. */
interface SourceIndex {
  readonly sets: readonly SourceSets[];
  readonly postings: ReadonlyMap<number, readonly number[]>;
}

/** Built once per source text and kept while its features live: one source is aligned against many articles. */
const SOURCE_INDEXES = new WeakMap<readonly SentenceFeatures[], SourceIndex>();

function sourceIndex(source: readonly SentenceFeatures[]): SourceIndex {
  const hit = SOURCE_INDEXES.get(source);
  if (hit) return hit;
  const sets: SourceSets[] = source.map((x) => ({
    content: new Set(x.content),
    bigrams: new Set(x.bigrams),
    numbers: new Set(x.numbers),
  }));
  const postings = new Map<number, number[]>();
  source.forEach((x, j) => {
    for (const t of x.content) {
      const list = postings.get(t);
      if (list) list.push(j);
      else postings.set(t, [j]);
    }
  });
  const built = { sets, postings };
  SOURCE_INDEXES.set(source, built);
  return built;
}

function countIn(items: readonly number[], window: readonly SourceSets[], field: keyof SourceSets): number {
  let n = 0;
  for (const x of items) {
    for (const w of window) {
      if (w[field].has(x)) {
        n++;
        break;
      }
    }
  }
  return n;
}

/**
 * Ordered alignment: picks for each article sentence at most one source window so that the
 * windows never go backwards and the sum of (words x score) is maximal. Independent coverage of
 * one event shares quotes and names, but not this sentence-by-sentence order.
 * O(m x n) time in sentences.
 */
export function alignSentences(
  article: readonly SentenceFeatures[],
  source: readonly SentenceFeatures[],
  options: AlignOptions,
): AlignedPair[] {
  // the tables are m x n: cap both sides so a huge file cannot take seconds and gigabytes
  const [m, n] = alignedLengths(article, source);
  if (m === 0 || n === 0) return [];
  const { sets, postings } = sourceIndex(source);
  const choice = new Int8Array(m * n); // 0 none, 1 single sentence, 2 merged with the next
  const scoreAt = new Float64Array(m * n);
  const shared = new Int32Array(n);
  const single = new Float64Array(n);
  const touched: number[] = [];
  for (let i = 0; i < m; i++) {
    const a = article[i]!;
    for (const t of a.content) {
      for (const j of postings.get(t) ?? []) {
        if (shared[j] === 0) touched.push(j);
        shared[j]!++;
      }
    }
    const need = Math.min(options.minSharedWords, a.content.length);
    for (const j of touched) single[j] = shared[j]! >= need ? windowScore(a, [sets[j]!], options.minSharedWords) : 0;
    for (const j of touched) {
      // a merged window must clearly beat both of its sentences alone (two sentences always
      // contain a little more than one), or it would claim source sentences it did not use
      const alone = Math.max(single[j]!, j + 1 < n ? single[j + 1]! : 0);
      const pair =
        j + 1 < n && shared[j]! > 0 && shared[j + 1]! > 0 && shared[j]! + shared[j + 1]! >= need
          ? windowScore(a, [sets[j]!, sets[j + 1]!], options.minSharedWords)
          : 0;
      const mergedWins = pair > alone + MERGE_MARGIN;
      const s = mergedWins ? pair : single[j]!;
      if (s >= options.minSentenceScore) {
        choice[i * n + j] = mergedWins ? 2 : 1;
        scoreAt[i * n + j] = s;
      }
    }
    for (const j of touched) {
      shared[j] = 0;
      single[j] = 0;
    }
    touched.length = 0;
  }
  const best = new Float64Array((m + 1) * (n + 1));
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

/** Sentences a side of an order gap searched sentence by sentence; a longer one must be densely paired (denseChain). */
export const MAX_GAP_SENTENCES = 3;

/**
 * Sentences the alignment left out that stand at the same place in both texts: inside one order
 * gap (before the first aligned pair, between two, or after the last), an article sentence and a
 * source sentence that share at least minSharedWords content words, agree on their figures and
 * score at least half of minSentenceScore, in order; none when no sentence aligned. In a gap of at
 * most MAX_GAP_SENTENCES a side each article sentence takes its best such partner; a gap of more
 * article sentences, after an aligned pair, counts only when restyled sentence by sentence
 * (denseChain). A reworded lead or a heavily restyled stretch shows up here; the aligned pairs
 * around it vouch for its place, which independent reports of one event do not keep. They count
 * in alignedShare, not as aligned pairs (passages, derivedShare, partial unions).
 */
export function gapCounterparts(
  article: readonly SentenceFeatures[],
  source: readonly SentenceFeatures[],
  pairs: readonly AlignedPair[],
  options: AlignOptions,
): AlignedPair[] {
  const [m, n] = alignedLengths(article, source);
  if (m === 0 || n === 0) return [];
  // with no aligned pair nothing vouches for a place: two short texts would pair sentence by sentence
  if (pairs.length === 0) return [];
  const index = sourceIndex(source);
  const { sets } = index;
  const found: AlignedPair[] = [];
  const bar = options.minSentenceScore / 2;
  const gap = (a0: number, a1: number, b0: number, b1: number): void => {
    if (a1 <= a0 || b1 <= b0) return;
    if (a1 - a0 > MAX_GAP_SENTENCES || b1 - b0 > MAX_GAP_SENTENCES) {
      // only a long stretch of the article, and never before the first aligned pair: independent
      // reports of one event open alike (who, what, where, in that order)
      if (a0 > 0 && b0 > 0 && a1 - a0 > MAX_GAP_SENTENCES)
        found.push(...denseChain(article, index, { a0, a1, b0, b1 }, bar, options.minSharedWords));
      return;
    }
    let next = b0;
    for (let i = a0; i < a1; i++) {
      let best = -1;
      let bestScore = bar;
      for (let j = next; j < b1; j++) {
        const s = windowScore(article[i]!, [sets[j]!], options.minSharedWords);
        if (s >= bestScore) [best, bestScore] = [j, s];
      }
      if (best < 0) continue;
      found.push({ a: i, b: best, bEnd: best + 1, score: bestScore });
      next = best + 1;
    }
  };
  let a = 0;
  let b = 0;
  for (const p of pairs) {
    gap(a, p.a, b, p.b);
    a = p.a + 1;
    b = Math.max(b, p.bEnd);
  }
  gap(a, m, b, n);
  return found;
}

/** Share of a long gap's sentences (of its shorter side) an in-order chain must pair to be counterparts. */
export const DENSE_GAP_SHARE = 0.5;

/**
 * In a gap of more than MAX_GAP_SENTENCES article sentences after an aligned pair: the longest
 * in-order chain of sentence pairs scoring at least `bar`, kept only when it pairs
 * DENSE_GAP_SHARE of the gap's sentences on its shorter side.
 * A stretch restyled sentence by sentence pairs nearly all of them; a stretch of new reporting
 * that shares a word here and there pairs few, and scattered pairs say nothing about place.
 */
function denseChain(
  article: readonly SentenceFeatures[],
  { sets, postings }: SourceIndex,
  { a0, a1, b0, b1 }: { a0: number; a1: number; b0: number; b1: number },
  bar: number,
  minShared: number,
): AlignedPair[] {
  const ga = a1 - a0;
  const gb = b1 - b0;
  const W = gb + 1;
  // only sentences that share a word are scored (through the postings), as in alignSentences
  const score = new Float64Array(ga * gb);
  const shared = new Int32Array(gb);
  for (let i = 0; i < ga; i++) {
    const a = article[a0 + i]!;
    const touched: number[] = [];
    for (const t of a.content) {
      for (const j of postings.get(t) ?? []) {
        if (j < b0 || j >= b1) continue;
        if (shared[j - b0] === 0) touched.push(j - b0);
        shared[j - b0]!++;
      }
    }
    for (const j of touched) {
      if (shared[j]! >= Math.min(minShared, a.content.length))
        score[i * gb + j] = windowScore(a, [sets[b0 + j]!], minShared);
      shared[j] = 0;
    }
  }
  // chain[i * W + j]: the longest chain within the gap's first i article and j source sentences
  const chain = new Int32Array((ga + 1) * W);
  for (let i = 1; i <= ga; i++) {
    for (let j = 1; j <= gb; j++) {
      const diagonal = score[(i - 1) * gb + j - 1]! >= bar ? chain[(i - 1) * W + j - 1]! + 1 : 0;
      chain[i * W + j] = Math.max(chain[(i - 1) * W + j]!, chain[i * W + j - 1]!, diagonal);
    }
  }
  if (chain[ga * W + gb]! < Math.max(1, DENSE_GAP_SHARE * Math.min(ga, gb))) return [];
  const found: AlignedPair[] = [];
  for (let i = ga, j = gb; i > 0 && j > 0;) {
    const v = chain[i * W + j]!;
    if (v === chain[i * W + j - 1]) j--;
    else if (v === chain[(i - 1) * W + j]) i--;
    else {
      found.push({ a: a0 + i - 1, b: b0 + j - 1, bEnd: b0 + j, score: score[(i - 1) * gb + j - 1]! });
      i--;
      j--;
    }
  }
  return found.reverse();
}
