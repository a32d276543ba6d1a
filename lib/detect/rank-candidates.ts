/** A candidate with the evidence its shared keys give. */
export interface RankedCandidate {
  readonly key: string;
  /** Query keys it shares. */
  readonly sharedBands: number;
  /** Sum over shared keys of ln(maxBandIds / ids under the key): rare shared terms weigh most. */
  readonly score: number;
  /** Share of the query's keys it shares: a rough containment of the article's distinctive terms in it. */
  readonly estimatedSimilarity: number;
}

/** What a query found: every candidate that passed, best first, and how many keys were too common to read. */
export interface CandidateSearch {
  readonly candidates: readonly RankedCandidate[];
  readonly bandsSkipped: number;
}

/**
 * Scores the ids read under each query key (undefined: a key holding more than `maxBandIds` ids,
 * skipped as too common to say anything). A key shared with few articles is strong evidence and
 * one shared with many weak, as in tf-idf: each shared key adds ln(maxBandIds / its ids). Keeps
 * the candidates whose score reaches `minScore`, best first (ties by key, so runs repeat).
 */
export function scoreCandidates(
  bands: ReadonlyArray<readonly string[] | undefined>,
  params: { maxBandIds: number; minCandidateScore: number },
  exclude?: string,
): CandidateSearch {
  const scores = new Map<string, { shared: number; score: number }>();
  let bandsSkipped = 0;
  for (const ids of bands) {
    if (ids === undefined) {
      bandsSkipped++;
      continue;
    }
    const weight = Math.log(params.maxBandIds / Math.max(1, ids.length));
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
  const candidates = [...scores]
    .filter(([, s]) => s.score >= params.minCandidateScore)
    .map(([key, s]) => ({
      key,
      sharedBands: s.shared,
      score: Math.round(s.score * 1000) / 1000,
      estimatedSimilarity: Math.round((s.shared / queried) * 10000) / 10000,
    }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  return { candidates, bandsSkipped };
}
