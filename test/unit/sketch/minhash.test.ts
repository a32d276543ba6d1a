import {
  deserializeMinHash,
  estimateJaccard,
  minhash,
  serializeMinHash,
  MINHASH_FORMAT_VERSION,
  type MinHash,
} from '../../../lib/sketch/minhash.js';
import { mulberry32 } from '../../../bench/synthetic-articles.js';
import { randomSetPair } from '../../../bench/jaccard-error.js';

const TEN = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('minhash', () => {
  it('matches the recorded signature of a fixed input (golden: a change here breaks stored sketches)', () => {
    // recorded once from the implementation of MINHASH_FORMAT_VERSION 1; bump the version if this must change
    expect(serializeMinHash(minhash(TEN, TEN.length, 16, 42))).toBe(
      'mh1.ASoAAAAQAHW5Vw0K0CmtLn7gJCfNUTEufuAkLn7gJACfGMkufuAkJ81RMZgUP/gK0Cmt/y34sACfGMkufuAkJ81RMZgUP/g=',
    );
  });

  it('is deterministic: two signatures built independently from equal inputs are equal', () => {
    const features = Uint32Array.from({ length: 500 }, (_, i) => Math.imul(i + 1, 2654435761) >>> 0);
    const a = minhash(features, features.length, 128, 7);
    const b = minhash(Array.from(features), features.length, 128, 7);
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
    expect(estimateJaccard(a, b)).toBe(1);
  });

  it('ignores feature order and duplicates', () => {
    const a = minhash([5, 9, 1, 300, 77], 5, 64, 3);
    const b = minhash([77, 300, 300, 1, 9, 5, 5], 7, 64, 3);
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
  });

  it('reads only the first featureCount features', () => {
    const a = minhash([1, 2, 3, 999, 998], 3, 32, 1);
    const b = minhash([1, 2, 3], 3, 32, 1);
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
  });

  it('gives different signatures under different seeds', () => {
    const a = minhash(TEN, TEN.length, 32, 1);
    const b = minhash(TEN, TEN.length, 32, 2);
    expect(Array.from(a.values)).not.toEqual(Array.from(b.values));
    expect(() => estimateJaccard(a, b)).toThrow(RangeError);
  });

  it('densifies: a set smaller than k still fills every slot', () => {
    const m = minhash([11, 22, 33], 3, 128, 5);
    expect(m.values.every((v) => v !== 0xffffffff)).toBe(true);
  });

  it('handles the empty feature set: no slot filled, similar to nothing', () => {
    const empty = minhash([], 0, 64, 1);
    expect(empty.values).toHaveLength(64);
    expect(empty.values.every((v) => v === 0xffffffff)).toBe(true);
    expect(estimateJaccard(empty, minhash([], 0, 64, 1))).toBe(0);
    expect(estimateJaccard(empty, minhash(TEN, TEN.length, 64, 1))).toBe(0);
  });

  it.each([0, -1, 1.5, 65536, Number.NaN])('rejects numPerm %p and names the value', (k) => {
    expect(() => minhash(TEN, TEN.length, k, 1)).toThrow(
      new RegExp(`numPerm must be an integer in 1\\.\\.65535, got ${k}`),
    );
  });

  it('accepts the extreme numPerm values 1 and 65535', () => {
    expect(minhash(TEN, TEN.length, 1, 1).values).toHaveLength(1);
    // enough features to fill most slots: densifying a nearly empty 65535-slot signature is slow
    const many = Uint32Array.from({ length: 300_000 }, (_, i) => i);
    expect(minhash(many, many.length, 65535, 1).values).toHaveLength(65535);
  });

  it('refuses to compare signatures of different lengths', () => {
    expect(() => estimateJaccard(minhash(TEN, 10, 32, 1), minhash(TEN, 10, 64, 1))).toThrow(
      /differ in shape: 32\/1 vs 64\/1/,
    );
  });
});

describe('MinHash serialization', () => {
  const sig = minhash(TEN, TEN.length, 128, 0xdeadbeef);

  it('round-trips values and seed', () => {
    const back = deserializeMinHash(serializeMinHash(sig));
    expect(back.seed).toBe(0xdeadbeef);
    expect(Array.from(back.values)).toEqual(Array.from(sig.values));
    expect(estimateJaccard(back, sig)).toBe(1);
  });

  it('round-trips an empty signature', () => {
    const empty = minhash([], 0, 4, 1);
    expect(serializeMinHash(empty)).toBe('mh1.AQEAAAAEAP////////////////////8=');
    expect(Array.from(deserializeMinHash(serializeMinHash(empty)).values)).toEqual(Array.from(empty.values));
  });

  it('rejects a wrong prefix', () => {
    const text = serializeMinHash(sig);
    expect(() => deserializeMinHash(`mh2.${text.slice(4)}`)).toThrow(/expected prefix mh1\./);
    expect(() => deserializeMinHash(text.slice(4))).toThrow(RangeError);
  });

  it('rejects a body of another version under the right prefix', () => {
    const buf = Buffer.from(serializeMinHash(sig).slice(4), 'base64');
    buf.writeUInt8(MINHASH_FORMAT_VERSION + 1, 0);
    expect(() => deserializeMinHash(`mh1.${buf.toString('base64')}`)).toThrow(/another version/);
  });

  it('rejects truncated input', () => {
    const buf = Buffer.from(serializeMinHash(sig).slice(4), 'base64');
    expect(() => deserializeMinHash(`mh1.${buf.subarray(0, buf.length - 4).toString('base64')}`)).toThrow(
      /has 515 bytes, expected 519/,
    );
    expect(() => deserializeMinHash(`mh1.${buf.subarray(0, 5).toString('base64')}`)).toThrow(/truncated/);
    expect(() => deserializeMinHash('mh1.')).toThrow(/truncated/);
  });

  it('rejects trailing bytes', () => {
    const buf = Buffer.concat([Buffer.from(serializeMinHash(sig).slice(4), 'base64'), Buffer.alloc(4)]);
    expect(() => deserializeMinHash(`mh1.${buf.toString('base64')}`)).toThrow(/expected 519/);
  });
});

describe('MinHash Jaccard estimator', () => {
  const K = 128;
  const TRIALS = 800;
  const SIZE = 300;

  /** Error statistics over TRIALS random pairs; each pair gets its own hash seed. */
  function errors(
    target: number,
    size: number,
    seed: number,
  ): { exact: number; mean: number; mae: number; rmse: number } {
    const random = mulberry32(seed);
    const shared = Math.round((2 * size * target) / (1 + target));
    const exact = shared / (2 * size - shared);
    let sum = 0;
    let sumAbs = 0;
    let sumSq = 0;
    for (let t = 0; t < TRIALS; t++) {
      const { a, b } = randomSetPair(size, shared, random);
      const hashSeed = Math.floor(random() * 4294967296);
      const ma: MinHash = minhash(a, a.length, K, hashSeed);
      const mb: MinHash = minhash(b, b.length, K, hashSeed);
      const e = estimateJaccard(ma, mb) - exact;
      sum += e;
      sumAbs += Math.abs(e);
      sumSq += e * e;
    }
    return { exact, mean: sum / TRIALS, mae: sumAbs / TRIALS, rmse: Math.sqrt(sumSq / TRIALS) };
  }

  it.each([0.1, 0.3, 0.5, 0.8])('at J=%p: RMSE and MAE within 1.5x of sqrt(J(1-J)/k), and unbiased', (target) => {
    const { exact, mean, mae, rmse } = errors(target, SIZE, Math.round(target * 1000));
    const theory = Math.sqrt((exact * (1 - exact)) / K);
    expect(rmse).toBeLessThan(1.5 * theory);
    expect(rmse).toBeGreaterThan(theory / 1.5);
    // the mean absolute error of a normal error is sigma * sqrt(2 / pi)
    expect(mae).toBeLessThan(1.5 * theory * Math.sqrt(2 / Math.PI));
    // the mean error of TRIALS pairs has standard error ~theory / sqrt(TRIALS): allow 4 of those
    expect(Math.abs(mean)).toBeLessThan((4 * theory) / Math.sqrt(TRIALS));
  });

  it('stays unbiased for sets much smaller than k (most slots densified)', () => {
    const { exact, mean, rmse } = errors(0.5, 40, 99);
    const theory = Math.sqrt((exact * (1 - exact)) / K);
    expect(Math.abs(mean)).toBeLessThan((4 * 1.5 * theory) / Math.sqrt(TRIALS));
    expect(rmse).toBeLessThan(1.5 * theory);
  });

  it('estimates exactly 0 for disjoint sets (the slot hash is a bijection) and 1 for equal ones', () => {
    const { a, b } = randomSetPair(300, 0, mulberry32(1));
    expect(estimateJaccard(minhash(a, a.length, K, 9), minhash(b, b.length, K, 9))).toBe(0);
    expect(estimateJaccard(minhash(a, a.length, K, 9), minhash(a, a.length, K, 9))).toBe(1);
  });
});
