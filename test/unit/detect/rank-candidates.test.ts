import { scoreCandidates } from '../../../lib/detect/rank-candidates.js';

describe('scoreCandidates', () => {
  const params = { maxBandIds: 100, minCandidateScore: 0 };

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
      { maxBandIds: 100, minCandidateScore: 2 * Math.log(50) },
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
