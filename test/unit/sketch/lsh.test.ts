import { DEFAULT_DETECTOR_PARAMS } from '../../../lib/detect/detector-params.js';
import { bandKeys, candidateProbability, optimalLshParams, type LshParams } from '../../../lib/sketch/lsh.js';
import { minhash, type MinHash } from '../../../lib/sketch/minhash.js';

/** Trapezoid rule at a resolution far above the implementation's Simpson with 200 steps. */
function trapezoid(f: (x: number) => number, a: number, b: number, n: number): number {
  const h = (b - a) / n;
  let sum = (f(a) + f(b)) / 2;
  for (let i = 1; i < n; i++) sum += f(a + i * h);
  return sum * h;
}

/** The same objective as optimalLshParams, evaluated independently by exhaustive search. */
function bruteForceBest(threshold: number, numPerm: number, wfp: number, wfn: number): LshParams {
  let best: LshParams = { bands: 1, rows: numPerm };
  let bestError = Infinity;
  for (let bands = 1; bands <= numPerm; bands++) {
    for (let rows = 1; rows * bands <= numPerm; rows++) {
      const p = { bands, rows };
      const fp = trapezoid((s) => 1 - Math.pow(1 - Math.pow(s, rows), bands), 0, threshold, 2000);
      const fn = trapezoid((s) => Math.pow(1 - Math.pow(s, rows), bands), threshold, 1, 2000);
      const error = wfp * fp + wfn * fn;
      if (error < bestError) {
        bestError = error;
        best = p;
      }
    }
  }
  return best;
}

function signature(values: number[]): MinHash {
  return { seed: 1, values: Uint32Array.from(values) };
}

describe('optimalLshParams', () => {
  it('picks 25 bands x 5 rows at threshold 0.5, 128 permutations, equal weights', () => {
    expect(optimalLshParams(0.5, 128)).toEqual({ bands: 25, rows: 5 });
    expect(optimalLshParams(0.5, 128, { falsePositive: 0.5, falseNegative: 0.5 })).toEqual({ bands: 25, rows: 5 });
  });

  it('picks 64 x 2 at the default detector threshold 0.1, the banding the defaults pin', () => {
    expect(optimalLshParams(0.1, 128)).toEqual({ bands: 64, rows: 2 });
    const { lshThreshold, numPerm, lsh } = DEFAULT_DETECTOR_PARAMS;
    expect(optimalLshParams(lshThreshold, numPerm)).toEqual(lsh);
  });

  it.each([
    [0.5, 128, 0.5, 0.5],
    [0.1, 128, 0.5, 0.5],
    [0.8, 64, 0.5, 0.5],
    [0.5, 128, 0.9, 0.1],
  ])(
    'agrees with a brute-force evaluation of the integrals (threshold %p, k %p, weights %p/%p)',
    (threshold, k, wfp, wfn) => {
      expect(optimalLshParams(threshold, k, { falsePositive: wfp, falseNegative: wfn })).toEqual(
        bruteForceBest(threshold, k, wfp, wfn),
      );
    },
  );

  it.each([0.05, 0.3, 0.5, 0.7, 0.95])('never uses more than numPerm slots (threshold %p)', (threshold) => {
    for (const k of [8, 16, 100, 128]) {
      const { bands, rows } = optimalLshParams(threshold, k);
      expect(bands).toBeGreaterThanOrEqual(1);
      expect(rows).toBeGreaterThanOrEqual(1);
      expect(bands * rows).toBeLessThanOrEqual(k);
    }
  });

  it('weighting false positives more chooses a stricter (later) S-curve', () => {
    const balanced = optimalLshParams(0.5, 128);
    const strict = optimalLshParams(0.5, 128, { falsePositive: 0.9, falseNegative: 0.1 });
    expect(candidateProbability(0.4, strict)).toBeLessThan(candidateProbability(0.4, balanced));
  });

  it.each([0, 1, -0.1, 1.5, Number.NaN])('rejects threshold %p', (threshold) => {
    expect(() => optimalLshParams(threshold, 128)).toThrow(RangeError);
  });
});

describe('candidateProbability', () => {
  it('is 0 at s=0, 1 at s=1 and monotone in between', () => {
    for (const p of [
      { bands: 25, rows: 5 },
      { bands: 64, rows: 2 },
      { bands: 1, rows: 128 },
      { bands: 128, rows: 1 },
    ]) {
      expect(candidateProbability(0, p)).toBe(0);
      expect(candidateProbability(1, p)).toBe(1);
      let previous = 0;
      for (let i = 1; i <= 1000; i++) {
        const q = candidateProbability(i / 1000, p);
        expect(q).toBeGreaterThanOrEqual(previous);
        previous = q;
      }
    }
  });

  it('matches 1 - (1 - s^r)^b', () => {
    expect(candidateProbability(0.5, { bands: 25, rows: 5 })).toBeCloseTo(1 - Math.pow(1 - 1 / 32, 25), 12);
  });

  it('grows with bands and shrinks with rows', () => {
    expect(candidateProbability(0.3, { bands: 20, rows: 4 })).toBeGreaterThan(
      candidateProbability(0.3, { bands: 10, rows: 4 }),
    );
    expect(candidateProbability(0.3, { bands: 20, rows: 5 })).toBeLessThan(
      candidateProbability(0.3, { bands: 20, rows: 4 }),
    );
  });
});

describe('bandKeys', () => {
  it('gives one key per band with the band index in it', () => {
    const keys = bandKeys(minhash([1, 2, 3, 4, 5], 5, 128, 1), { bands: 25, rows: 5 });
    expect(keys).toHaveLength(25);
    keys.forEach((k, b) => expect(k).toMatch(new RegExp(`^b${b}-[0-9a-f]{16}$`)));
  });

  it('keys differ between bands even when every band holds identical rows', () => {
    const keys = bandKeys(signature(new Array<number>(128).fill(7)), { bands: 32, rows: 4 });
    expect(new Set(keys).size).toBe(32);
    // not only the prefix: the hash itself is seeded by the band index
    expect(new Set(keys.map((k) => k.slice(k.indexOf('-') + 1))).size).toBe(32);
  });

  it('is equal for equal signatures and differs in exactly the bands whose rows differ', () => {
    const values = Array.from({ length: 128 }, (_, i) => Math.imul(i + 1, 2654435761) >>> 0);
    const changed = [...values];
    changed[9] = (changed[9]! + 1) >>> 0; // row 4 of band 1 at 5 rows per band
    const p = { bands: 25, rows: 5 };
    const a = bandKeys(signature(values), p);
    const b = bandKeys(signature(changed), p);
    expect(bandKeys(signature(values), p)).toEqual(a);
    expect(a.filter((k, i) => k !== b[i]).map((k) => k.split('-')[0])).toEqual(['b1']);
  });

  it('ignores slots beyond bands x rows', () => {
    const values = new Array<number>(128).fill(3);
    const other = [...values];
    other[127] = 4;
    expect(bandKeys(signature(values), { bands: 25, rows: 5 })).toEqual(
      bandKeys(signature(other), { bands: 25, rows: 5 }),
    );
  });

  it('rejects banding that needs more slots than the signature has', () => {
    expect(() => bandKeys(signature(new Array<number>(64).fill(1)), { bands: 13, rows: 5 })).toThrow(
      /needs 65 signature slots, the signature has 64/,
    );
  });
});
