import { bandLimits, scoreCandidates } from '../../../lib/detect/rank-candidates.js';

describe('scoreCandidates', () => {
  const params = { reference: 100, minScore: 0, shareOfBest: 0 };

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
      { reference: 100, minScore: 2 * Math.log(50), shareOfBest: 0 },
      'self',
    );
    expect(search.bandsSkipped).toBe(2);
    expect(search.candidates.map((c) => c.key)).toEqual(['a']);
    expect(search.candidates[0]?.estimatedSimilarity).toBe(0.5);
  });

  it('keeps only candidates scoring at least shareOfBest of the best: a source stands out from articles on its topic', () => {
    // 'source' shares three rare keys with the article; 'topic1'..'topic9' share one common key each
    const common = Array.from({ length: 10 }, (_, i) => (i === 0 ? 'source' : `topic${i}`));
    const bands = [['source'], ['source'], ['source'], common];
    const all = scoreCandidates(bands, { reference: 100, minScore: 0, shareOfBest: 0 }).candidates;
    expect(all).toHaveLength(10);
    const best = all[0]!.score;
    expect(all.find((c) => c.key === 'topic1')!.score).toBeLessThan(0.3 * best);
    expect(
      scoreCandidates(bands, { reference: 100, minScore: 0, shareOfBest: 0.3 }).candidates.map((c) => c.key),
    ).toEqual(['source']);
    // an article with no standout keeps every candidate over the absolute bar
    const flat = scoreCandidates([common], { reference: 100, minScore: 0, shareOfBest: 0.3 }).candidates;
    expect(flat).toHaveLength(10);
  });

  it('breaks ties by key, so runs repeat, and gives nothing for no hits', () => {
    expect(scoreCandidates([['b', 'a']], params).candidates.map((c) => c.key)).toEqual(['a', 'b']);
    expect(scoreCandidates([[], []], params)).toEqual({ candidates: [], bandsSkipped: 0 });
  });
});

describe('bandLimits', () => {
  const params = { maxBandIds: 1000, maxBandShare: 0.05, minCandidateScore: 6, minShareOfBestCandidate: 0.3 };

  it('is the fixed scoring while maxBandShare of the index is at most maxBandIds', () => {
    expect(bandLimits(params, 0, 5000)).toEqual({ cap: 1000, reference: 1000, minScore: 6, shareOfBest: 0.3 });
    expect(bandLimits(params, 20_000, 5000)).toEqual({ cap: 1000, reference: 1000, minScore: 6, shareOfBest: 0.3 });
  });

  it('weighs keys against a share of the index past that, and reads no more per key', () => {
    expect(bandLimits(params, 50_000, 5000)).toEqual({ cap: 1000, reference: 2500, minScore: 6, shareOfBest: 0.3 });
  });

  it('never weighs against nor reads more than the ceiling per key, however large the index', () => {
    expect(bandLimits(params, 50_000_000, 5000)).toEqual({ cap: 1000, reference: 5000, minScore: 6, shareOfBest: 0.3 });
    expect(bandLimits({ ...params, maxBandIds: 8000 }, 50_000_000, 5000)).toMatchObject({ cap: 5000, reference: 8000 });
  });

  it('gives a term the same weight at every size while the cap follows the index', () => {
    const weight = (n: number, size: number): number | undefined =>
      scoreCandidates([Array.from({ length: n }, (_, i) => `a${i}`)], {
        ...bandLimits(params, size, 5000),
        minScore: 0,
        shareOfBest: 0,
      }).candidates[0]?.score;
    expect(weight(50, 40_000)).toBeCloseTo(weight(100, 80_000)!, 2);
  });
});
