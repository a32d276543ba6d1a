import type { AlignedPair } from './align.js';

// Types and rounding shared by the detector and the report: neither imports the other's files for them.

/** What an article is, relative to one source or overall. */
export type Verdict = 'original' | 'copy' | 'rewrite' | 'partial';

/** Exact measures of how much of an article a source explains. */
export interface PairEvidence {
  /**
   * Share of the article's words in sentences aligned, in order, to the source, or standing at the
   * same place as a source sentence they share words with (counterparts); quoted words weighted by
   * quoteWeight.
   */
  readonly alignedShare: number;
  /** Like alignedShare, but each aligned sentence counts by its score: how closely, not just whether, it corresponds. */
  readonly derivedShare: number;
  /** Share of the article's distinct content words found in the source. */
  readonly containment: number;
  /** Jaccard of the two sets of distinct content words. */
  readonly jaccard: number;
  /** Share of the article's word 3-grams found verbatim in the source. */
  readonly trigramContainment: number;
  /** Share of the article's words outside quotes that lie in unquoted word 3-grams found verbatim in the source: reused wording, not shared quotes. */
  readonly phrasingShare: number;
  /** Which article words phrasingShare counts (1 = covered), so several sources can be combined. */
  readonly phrasingCover: Uint8Array;
  /** Share of the shorter text's facts (names, numbers, rare words) the article keeps in the source's order, beyond chance order: what an LLM restyle keeps and independent coverage does not. */
  readonly orderedFacts: number;
  /** orderedFacts counting the article's new rare words that are not names only as far as its names and numbers are new: a restyle's added colour is not new reporting (see orderedFactShares). */
  readonly orderedBareFacts: number;
  readonly pairs: readonly AlignedPair[];
  /** Sentences left between aligned pairs at the same place in both texts (gapCounterparts): counted in alignedShare only. */
  readonly counterparts: readonly AlignedPair[];
}

/** What verdicts need to know of the article itself. */
export interface ArticleWeights {
  /** Evidence weight of each sentence (see evidenceWeights). */
  readonly sentenceWeights: readonly number[];
  /** The words aligned shares are taken of: all but the article's comment (see judgedWords in compare-texts.ts). */
  readonly judgedWords: number;
  /** The words outside quotes reused wording is a share of: as many of them as judgedWords keeps (judgedUnquotedWords). */
  readonly judgedUnquotedWords: number;
}

/** Scores are reported to 4 decimals so reports are stable across platforms' float printing. */
export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
