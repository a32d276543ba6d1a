import type { DetectorParams } from './detector-params.js';

/** A candidate with the evidence its shared keys give. */
export interface RankedCandidate {
  readonly key: string;
  /** Query keys it shares. */
  readonly sharedBands: number;
  /** Sum over shared keys of ln(reference / ids under the key) (see bandLimits): rare shared terms weigh most. */
  readonly score: number;
  /** Share of the query's keys it shares: a rough containment of the article's distinctive terms in it. */
  readonly estimatedSimilarity: number;
}

/** What a query found: every candidate that passed, best first, and how many keys were too common to read. */
export interface CandidateSearch {
  readonly candidates: readonly RankedCandidate[];
  readonly bandsSkipped: number;
}

/** What bandLimits needs. */
export type BandLimitParams = Pick<
  DetectorParams,
  'maxBandIds' | 'maxBandShare' | 'minCandidateScore' | 'minShareOfBestCandidate'
>;

/** How one query reads and weighs keys in an index of a given size (see bandLimits). */
export interface BandLimits {
  /** A key holding more ids than this is skipped (and read no further). */
  readonly cap: number;
  /** A shared key holding n ids adds ln(reference / n). */
  readonly reference: number;
  /** Score a candidate needs. */
  readonly minScore: number;
  /** And this share of the best candidate's score. */
  readonly shareOfBest: number;
}

/**
 * Key limits for an index of N articles. A key is read when it holds at most maxBandIds articles
 * (never more than `readCeiling`, the store's MAX_ENTRIES_PER_BAND), whatever N: a query's reads
 * stay bounded as the index grows. A shared key holding n adds ln(reference / n), reference =
 * max(maxBandIds, maxBandShare x N) up to the ceiling, so a term keeps its weight while the index
 * grows, as in tf-idf. Measured on real news at 50k articles (bench/README.md, "A fixed read
 * cap"): reading keys of up to maxBandShare x N as well read 2.7 times the entries for the same
 * candidates; what LLM-rewrite recall needs is the weight's reference, not those reads. Full
 * inverse document frequency, ln(N / n), found several times more candidates for no better recall.
 */
export function bandLimits(params: BandLimitParams, indexSize: number, readCeiling: number): BandLimits {
  const reference = Math.min(
    Math.max(params.maxBandIds, readCeiling),
    Math.max(params.maxBandIds, Math.ceil(params.maxBandShare * indexSize)),
  );
  return {
    cap: Math.min(params.maxBandIds, readCeiling),
    reference,
    minScore: params.minCandidateScore,
    shareOfBest: params.minShareOfBestCandidate,
  };
}

/**
 * Scores the ids read under each query key (undefined: a key holding more than `limits.cap` ids,
 * skipped as too common to say anything). A key shared with few articles is strong evidence and
 * one shared with many weak, as in tf-idf: each shared key adds ln(reference / its ids). Keeps
 * the candidates whose score reaches `limits.minScore` and `limits.shareOfBest` of the best score,
 * best first (ties by key, so runs repeat). The relative bar is what keeps candidates few as the
 * index grows: a copy or rewrite shares many rare terms with its source and stands far above the
 * hundreds of articles on the same topic that share a few, while an article with no source has
 * no standout and keeps the absolute bar alone (bench/README.md, "Candidates on real news").
 */
export function scoreCandidates(
  bands: ReadonlyArray<readonly string[] | undefined>,
  limits: Pick<BandLimits, 'reference' | 'minScore' | 'shareOfBest'>,
  exclude?: string,
): CandidateSearch {
  const scores = new Map<string, { shared: number; score: number }>();
  let bandsSkipped = 0;
  for (const ids of bands) {
    if (ids === undefined) {
      bandsSkipped++;
      continue;
    }
    const weight = Math.log(limits.reference / Math.max(1, ids.length));
    for (const id of ids) {
      if (id === exclude) continue;
      const s = scores.get(id);
      if (s) {
        s.shared++;
        s.score += weight;
      } else scores.set(id, { shared: 1, score: weight });
    }
  }
  const queried = Math.max(1, bands.length);
  let best = 0;
  for (const s of scores.values()) best = Math.max(best, s.score);
  const bar = Math.max(limits.minScore, limits.shareOfBest * best);
  const candidates = [...scores]
    .filter(([, s]) => s.score >= bar)
    .map(([key, s]) => ({
      key,
      sharedBands: s.shared,
      score: Math.round(s.score * 1000) / 1000,
      estimatedSimilarity: Math.round((s.shared / queried) * 10000) / 10000,
    }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  return { candidates, bandsSkipped };
}
