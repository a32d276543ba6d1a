import { round, type ArticleWeights, type PairEvidence, type Verdict } from './evidence.js';
import type { DetectorParams } from './detector-params.js';
import { coveredShare } from './phrasing-cover.js';

/** A verified candidate with its evidence. */
export interface CandidateEvidence {
  readonly key: string;
  readonly evidence: PairEvidence;
  /** Position of the candidate in indexing order: ties go to the earlier source. */
  readonly order: string;
}

/** A candidate judged to be a source of the article. */
export interface JudgedSource extends CandidateEvidence {
  readonly verdict: Exclude<Verdict, 'original'>;
  readonly score: number;
}

const RANK: Record<JudgedSource['verdict'], number> = { copy: 3, rewrite: 2, partial: 1 };

/**
 * Judges every candidate and returns the flagged ones, best first.
 * copy: nearly all word 3-grams verbatim (quotes included: a verbatim copy of a quote-heavy story is still a copy);
 * rewrite: most sentences aligned in order to that source;
 * partial: the sources together explain a substantial share of the article, and this source a part
 * of it by itself, by either of two kinds of evidence: sentences aligned in order, or reused
 * wording outside quotes (unquoted word 3-grams found verbatim). The second finds stories that
 * reuse a passage of the wire inside their own reporting, which sentence alignment undercounts;
 * shared quotes, names and numbers alone qualify for neither.
 */
export function decideVerdicts(
  candidates: readonly CandidateEvidence[],
  params: Pick<DetectorParams, 'copyContainment' | 'rewriteShare' | 'partialShare' | 'partialPhrasing' | 'minSourceShare'>,
  article: ArticleWeights,
): JudgedSource[] {
  // a source adds to a union only by the measure on which it alone explains minSourceShare
  const aligning = candidates.filter((c) => c.evidence.alignedShare >= params.minSourceShare);
  const phrasing = candidates.filter((c) => c.evidence.phrasingShare >= params.minSourceShare);
  const covered = new Set<number>();
  for (const c of aligning) for (const p of c.evidence.pairs) covered.add(p.a);
  let coveredWords = 0;
  for (const i of covered) coveredWords += article.sentenceWeights[i] ?? 0;
  const alignedUnion = article.words > 0 ? coveredWords / article.words : 0;
  const phrasingUnion = coveredShare(
    phrasing.map((c) => c.evidence.phrasingCover),
    article.unquotedWords,
  );

  const judged: JudgedSource[] = [];
  for (const c of candidates) {
    const e = c.evidence;
    const byAlignment = e.alignedShare >= params.minSourceShare && alignedUnion >= params.partialShare;
    const byPhrasing = e.phrasingShare >= params.minSourceShare && phrasingUnion >= params.partialPhrasing;
    if (e.trigramContainment >= params.copyContainment) {
      judged.push({ ...c, verdict: 'copy', score: round(e.trigramContainment) });
    } else if (e.alignedShare >= params.rewriteShare) {
      judged.push({ ...c, verdict: 'rewrite', score: round(e.alignedShare) });
    } else if (byAlignment || byPhrasing) {
      judged.push({ ...c, verdict: 'partial', score: round(byAlignment ? e.alignedShare : e.phrasingShare) });
    }
  }
  return judged.sort((a, b) => RANK[b.verdict] - RANK[a.verdict] || b.score - a.score || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
}
