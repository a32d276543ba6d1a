import { combineHashes } from '../sketch/hash.js';
import { sentenceMark } from '../text/paragraphs.js';
import { STOP } from '../text/tokenize.js';
import type { TextModel } from './fingerprint.js';
import { alignSentences, gapCounterparts, sentenceFeatures, type SentenceFeatures } from './align.js';
import { factSequence, orderedFactShares, type FactSequence } from './fact-sequence.js';
import { coveredShare, phrasingCover, phrasingGrams, type PhrasingGrams } from './phrasing-cover.js';
import type { DetectorParams } from './detector-params.js';
import type { ArticleWeights, PairEvidence } from './evidence.js';

/** A text prepared once for many comparisons. */
export interface PreparedText {
  readonly model: TextModel;
  readonly sentences: readonly SentenceFeatures[];
  readonly contentSet: ReadonlySet<number>;
  readonly trigrams: ReadonlySet<number>;
  /** Unquoted 3-grams by position, for phrasing evidence (see phrasing-cover.ts). */
  readonly phrasing: PhrasingGrams;
  /** Distinctive terms in order of first appearance (see fact-sequence.ts). */
  readonly facts: FactSequence;
  readonly words: number;
  /** Words of its comment: questions and exclamations holding no name and no number (commentWords). */
  readonly commentWords: number;
}

/** Precomputes sentence features and term sets of a text. */
export function prepareText(model: TextModel): PreparedText {
  const { tokens } = model;
  const contentSet = new Set<number>();
  const trigrams = new Set<number>();
  for (let i = 0; i < tokens.count; i++) {
    if ((tokens.flags[i]! & STOP) === 0) contentSet.add(tokens.term[i]!);
    if (i + 2 < tokens.count)
      trigrams.add(combineHashes(combineHashes(tokens.term[i]!, tokens.term[i + 1]!), tokens.term[i + 2]!));
  }
  const facts = factSequence(model);
  return {
    model,
    sentences: sentenceFeatures(tokens, model.sentences),
    contentSet,
    trigrams,
    phrasing: phrasingGrams(tokens),
    facts,
    words: tokens.count,
    commentWords: commentWords(model, facts),
  };
}

/**
 * Words in the text's comment: questions and exclamations that hold no name and no number ("How
 * dare he?", "Can you believe the arrogance?", a title-case headline ending in "!"). They report
 * nothing a source could have said first, and an emotional or sensational restyle adds them by the
 * dozen, so the shares of the article a source explains leave them out (see compareTexts).
 */
export function commentWords({ text, tokens, sentences }: TextModel, { rankOf, named }: FactSequence): number {
  let words = 0;
  for (const s of sentences) {
    const mark = sentenceMark(text, s.start, s.end);
    if (mark !== '?' && mark !== '!') continue;
    let reports = false;
    for (let i = s.firstToken; i < s.endToken && !reports; i++)
      reports = named[rankOf.get(tokens.term[i]!) ?? -1] === 1;
    if (!reports) words += s.endToken - s.firstToken;
  }
  return words;
}

/**
 * Words the aligned shares are taken of: the article's, less its comment (commentWords), but never
 * under half of them. A text that is mostly comment has little reporting to compare, and its few
 * sentences of it must not pass for most of the article.
 */
export function judgedWords(article: Pick<PreparedText, 'words' | 'commentWords'>): number {
  return Math.max(article.words - article.commentWords, article.words / 2);
}

/**
 * Words outside quotes that reused wording is a share of: those of the judged words, in the same
 * proportion (the comment is no more reused wording than it is reporting).
 */
export function judgedUnquotedWords(article: Pick<PreparedText, 'words' | 'commentWords' | 'phrasing'>): number {
  return article.words > 0 ? (article.phrasing.unquotedWords * judgedWords(article)) / article.words : 0;
}

/** Verifies one candidate: alignment plus set measures, all on exact (not sketched) terms. */
export function compareTexts(
  article: PreparedText,
  source: PreparedText,
  params: Pick<DetectorParams, 'minSentenceScore' | 'minSharedWords' | 'quoteWeight'>,
): PairEvidence {
  const pairs = alignSentences(article.sentences, source.sentences, {
    minSentenceScore: params.minSentenceScore,
    minSharedWords: params.minSharedWords,
  });
  const weights = evidenceWeights(article.sentences, params.quoteWeight);
  let alignedWords = 0;
  let derivedWords = 0;
  for (const p of pairs) {
    alignedWords += weights[p.a]!;
    derivedWords += weights[p.a]! * p.score;
  }
  // a restyle keeps each sentence's place while rewording some past the bar; independent reports do not
  const counterparts = gapCounterparts(article.sentences, source.sentences, pairs, params);
  for (const p of counterparts) alignedWords += weights[p.a]!;
  const shared = countShared(article.contentSet, source.contentSet);
  const unionSize = article.contentSet.size + source.contentSet.size - shared;
  const cover = phrasingCover(article.phrasing, source.trigrams);
  const facts = orderedFactShares(article.facts, source.facts);
  const judged = judgedWords(article);
  return {
    alignedShare: judged > 0 ? Math.min(1, alignedWords / judged) : 0,
    derivedShare: judged > 0 ? Math.min(1, derivedWords / judged) : 0,
    containment: article.contentSet.size > 0 ? shared / article.contentSet.size : 0,
    jaccard: unionSize > 0 ? shared / unionSize : 0,
    trigramContainment:
      article.trigrams.size > 0 ? countShared(article.trigrams, source.trigrams) / article.trigrams.size : 0,
    phrasingShare: Math.min(1, coveredShare([cover], judgedUnquotedWords(article))),
    phrasingCover: cover,
    orderedFacts: facts.all,
    orderedBareFacts: facts.bare,
    pairs,
    counterparts,
  };
}

/**
 * How much each article sentence counts as evidence when aligned: its words, with quoted words
 * scaled by quoteWeight. Two papers quoting one witness share the quote, not the reporting.
 */
export function evidenceWeights(sentences: readonly SentenceFeatures[], quoteWeight: number): number[] {
  return sentences.map((s) => s.words - (1 - quoteWeight) * s.quotedWords);
}

/** The article-side weights decideVerdicts needs, from a prepared text. */
export function articleWeights(article: PreparedText, quoteWeight: number): ArticleWeights {
  return {
    sentenceWeights: evidenceWeights(article.sentences, quoteWeight),
    judgedWords: judgedWords(article),
    judgedUnquotedWords: judgedUnquotedWords(article),
  };
}

function countShared(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}
