import { estimateJaccard, minhash } from '../lib/sketch/minhash.js';
import { mulberry32 } from './synthetic-articles.js';

/** Estimator error of MinHash at one true Jaccard level. */
export interface JaccardErrorLevel {
  readonly target: number;
  /** Exact Jaccard of the constructed pairs (the target rounded to whole elements). */
  readonly exact: number;
  readonly trials: number;
  readonly rmse: number;
  /** Mean of (estimate - exact). */
  readonly bias: number;
  /** sqrt(J (1 - J) / k): the standard error of classic k-permutation MinHash. */
  readonly theory: number;
}

/** Two random sets of `size` distinct uint32 features sharing `shared` of them. */
export function randomSetPair(size: number, shared: number, random: () => number): { a: Uint32Array; b: Uint32Array } {
  const seen = new Set<number>();
  const draw = (): number => {
    for (;;) {
      const v = Math.floor(random() * 4294967296) >>> 0;
      if (!seen.has(v)) {
        seen.add(v);
        return v;
      }
    }
  };
  const a = new Uint32Array(size);
  const b = new Uint32Array(size);
  for (let i = 0; i < shared; i++) a[i] = b[i] = draw();
  for (let i = shared; i < size; i++) {
    a[i] = draw();
    b[i] = draw();
  }
  return { a, b };
}

/**
 * RMSE and bias of estimateJaccard over `trials` independent pairs per level. Each pair gets
 * its own MinHash seed, so the errors average over hash functions as well as over sets.
 * With |A| = |B| = n and c shared, J = c / (2n - c), so c = 2nJ / (1 + J).
 */
export function measureJaccardError(
  levels: readonly number[],
  size: number,
  trials: number,
  numPerm: number,
  seed: number,
): JaccardErrorLevel[] {
  const random = mulberry32(seed);
  return levels.map((target) => {
    const shared = Math.round((2 * size * target) / (1 + target));
    const exact = shared / (2 * size - shared);
    let sumSq = 0;
    let sum = 0;
    for (let t = 0; t < trials; t++) {
      const { a, b } = randomSetPair(size, shared, random);
      const hashSeed = Math.floor(random() * 4294967296);
      const error =
        estimateJaccard(minhash(a, a.length, numPerm, hashSeed), minhash(b, b.length, numPerm, hashSeed)) - exact;
      sum += error;
      sumSq += error * error;
    }
    return {
      target,
      exact,
      trials,
      rmse: Math.sqrt(sumSq / trials),
      bias: sum / trials,
      theory: Math.sqrt((exact * (1 - exact)) / numPerm),
    };
  });
}
