import { articleWeights, compareTexts, type PreparedText } from './compare-texts.js';
import { decideVerdicts, type CandidateEvidence, type JudgedSource } from './decide-verdicts.js';
import type { DetectorParams } from './detector-params.js';
import type { ArticleWeights, Verdict } from './evidence.js';

/** A text taking part in a judgement, with its place in indexing order. */
export interface OrderedText {
  readonly key: string;
  /** Sort key of indexing order ("<ISO time>|<key>"): the earlier article is the source. */
  readonly order: string;
  readonly text: PreparedText;
}

/** A later-indexed article found to derive from the judged one. */
export interface LaterCopyVerdict {
  readonly key: string;
  readonly verdict: Exclude<Verdict, 'original'>;
  readonly score: number;
}

/** What verdicts were decided from, so thresholds can be fitted without verifying again (calibrate). */
export interface Verification {
  readonly candidates: readonly CandidateEvidence[];
  readonly article: ArticleWeights;
}

/** The verdicts on one article: its sources, best first, the later articles that derive from it, and the evidence. */
export interface Judgement {
  readonly sources: readonly JudgedSource[];
  readonly laterCopies: readonly LaterCopyVerdict[];
  readonly verification: Verification;
}

/**
 * Judges an article against verified candidates. Only candidates before `sourcesBefore` in
 * indexing order may be its sources (undefined: all may); a later one is judged the other way
 * round, since when both were indexed at once this may be the only judgement that sees the pair.
 */
export function judgeArticle(
  article: OrderedText,
  candidates: readonly OrderedText[],
  params: DetectorParams,
  sourcesBefore: string | undefined,
): Judgement {
  const evidence: CandidateEvidence[] = [];
  const laterCopies: LaterCopyVerdict[] = [];
  for (const c of candidates) {
    if (sourcesBefore !== undefined && c.order > sourcesBefore) {
      const later = judgePair(c.text, article, params);
      if (later) laterCopies.push({ key: c.key, verdict: later.verdict, score: later.score });
      continue;
    }
    evidence.push({ key: c.key, order: c.order, evidence: compareTexts(article.text, c.text, params) });
  }
  const weights = articleWeights(article.text, params.quoteWeight);
  return {
    sources: decideVerdicts(evidence, params, weights),
    laterCopies,
    verification: { candidates: evidence, article: weights },
  };
}

/** How one text derives from one earlier source, or undefined when it does not. */
function judgePair(article: PreparedText, source: OrderedText, params: DetectorParams): JudgedSource | undefined {
  const evidence = compareTexts(article, source.text, params);
  return decideVerdicts(
    [{ key: source.key, order: source.order, evidence }],
    params,
    articleWeights(article, params.quoteWeight),
  )[0];
}
