import type { LshParams } from '../sketch/lsh.js';

/** An LSH candidate with the similarity its shared bands suggest. */
export interface RankedCandidate {
  readonly key: string;
  readonly sharedBands: number;
  /** Jaccard implied by the share of bands matched: P(band match) = s^rows, so s ~ (hits/bands)^(1/rows). */
  readonly estimatedSimilarity: number;
}

/**
 * Orders LSH hits by shared bands, most first (the same order as their estimated similarity;
 * ties by key, so runs repeat), and keeps the best `max`. With passage sketches a band matches when any passage matches, so the estimate is
 * that of the closest passage or of the whole text, whichever is higher.
 */
export function rankCandidates(hits: ReadonlyMap<string, number>, lsh: LshParams, max: number): RankedCandidate[] {
  return [...hits]
    .map(([key, sharedBands]) => ({ key, sharedBands, estimatedSimilarity: Math.round(Math.pow(Math.min(1, sharedBands / lsh.bands), 1 / lsh.rows) * 10000) / 10000 }))
    .sort((a, b) => b.sharedBands - a.sharedBands || (a.key < b.key ? -1 : 1))
    .slice(0, max);
}
