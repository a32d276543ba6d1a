import type { PairEvidence } from './compare-texts.js';
import type { DetectorParams } from './detector-params.js';

/** What an article is, relative to one source or overall. */
export type Verdict = 'original' | 'copy' | 'rewrite' | 'partial';

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
 * copy: nearly all word 3-grams verbatim (quotes included: a verbatim copy of a quote-heavy story is still a copy); rewrite: most sentences aligned in order to that source;
 * partial: the sources together explain a substantial share of the article, in order within each,
 * and this source explains a part of it by itself. Shared names and quotes alone never qualify:
 * a sentence only counts when its wording, not just its topic, corresponds.
 */
export function decideVerdicts(
  candidates: readonly CandidateEvidence[],
  params: Pick<DetectorParams, 'copyContainment' | 'rewriteShare' | 'partialShare' | 'minSourceShare'>,
  sentenceWeights: readonly number[],
  totalWords: number,
): JudgedSource[] {
  const contributing = candidates.filter((c) => c.evidence.alignedShare >= params.minSourceShare);
  const covered = new Set<number>();
  for (const c of contributing) for (const p of c.evidence.pairs) covered.add(p.a);
  let coveredWords = 0;
  for (const i of covered) coveredWords += sentenceWeights[i] ?? 0;
  const unionShare = totalWords > 0 ? coveredWords / totalWords : 0;

  const judged: JudgedSource[] = [];
  for (const c of candidates) {
    const e = c.evidence;
    if (e.trigramContainment >= params.copyContainment) {
      judged.push({ ...c, verdict: 'copy', score: round(e.trigramContainment) });
    } else if (e.alignedShare >= params.rewriteShare) {
      judged.push({ ...c, verdict: 'rewrite', score: round(e.alignedShare) });
    } else if (e.alignedShare >= params.minSourceShare && unionShare >= params.partialShare) {
      judged.push({ ...c, verdict: 'partial', score: round(e.alignedShare) });
    }
  }
  return judged.sort((a, b) => RANK[b.verdict] - RANK[a.verdict] || b.score - a.score || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
}

/** Scores are reported to 4 decimals so reports are stable across platforms' float printing. */
export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
