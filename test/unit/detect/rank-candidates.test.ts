import { bandLimits, scoreCandidates } from '../../../lib/detect/rank-candidates.js';

describe('scoreCandidates', () => {
  const params = { reference: 100, minScore: 0 };

  it('weighs a shared key by how few articles hold it: one rare key beats two common ones', () => {
    const bands = [
      ['rare'],
      Array.from({ length: 50 }, (_, i) => (i === 0 ? 'common' : `x${i}`)),
      Array.from({ length: 50 }, (_, i) => (i === 0 ? 'common' : `y${i}`)),
    ];
    const { candidates } = scoreCandidates(bands, params);
    expect(candidates[0]).toMatchObject({
      key: 'rare',
      sharedBands: 1,
      score: Math.round(Math.log(100) * 1000) / 1000,
    });
    expect(candidates.find((c) => c.key === 'common')).toMatchObject({
      sharedBands: 2,
      score: Math.round(2 * Math.log(2) * 1000) / 1000,
    });
  });

  it('counts skipped keys, leaves out the article itself and candidates under minCandidateScore', () => {
    const search = scoreCandidates(
      [undefined, ['self', 'a'], ['a', 'b'], undefined],
      { reference: 100, minScore: 2 * Math.log(50) },
      'self',
    );
    expect(search.bandsSkipped).toBe(2);
    expect(search.candidates.map((c) => c.key)).toEqual(['a']);
    expect(search.candidates[0]?.estimatedSimilarity).toBe(0.5);
  });

  it('breaks ties by key, so runs repeat, and gives nothing for no hits', () => {
    expect(scoreCandidates([['b', 'a']], params).candidates.map((c) => c.key)).toEqual(['a', 'b']);
    expect(scoreCandidates([[], []], params)).toEqual({ candidates: [], bandsSkipped: 0 });
  });
});

describe('bandLimits', () => {
  const params = { maxBandIds: 1000, maxBandShare: 0.02, minCandidateScore: 6 };

  it('is the fixed scoring up to maxBandIds articles', () => {
    expect(bandLimits(params, 0, 5000)).toEqual({ cap: 1000, reference: 1000, minScore: 6 });
    expect(bandLimits(params, 1000, 5000)).toEqual({ cap: 1000, reference: 1000, minScore: 6 });
  });

  it('weighs keys against the index size and raises the bar by ln(N / maxBandIds) past it', () => {
    const limits = bandLimits(params, 100_000, 5000);
    expect(limits.reference).toBe(100_000);
    expect(limits.minScore).toBeCloseTo(6 + Math.log(100), 10);
    // a key holding 2% of the index is still read
    expect(limits.cap).toBe(2000);
  });

  it('never reads more than the ceiling per key, however large the index', () => {
    expect(bandLimits(params, 50_000_000, 5000).cap).toBe(5000);
  });

  it('finds an article by one key only it holds at any index size, and not by one key held by 1 in 400', () => {
    for (const n of [10_000, 1_000_000, 50_000_000]) {
      const limits = bandLimits(params, n, 5000);
      expect(scoreCandidates([['source']], limits).candidates.map((c) => c.key)).toEqual(['source']);
      const common = Array.from({ length: Math.min(5000, n / 400) }, (_, i) => `a${i}`);
      expect(scoreCandidates([common], limits).candidates).toEqual([]);
    }
  });
});
