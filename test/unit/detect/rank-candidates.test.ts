import { rankCandidates } from '../../../lib/detect/rank-candidates.js';

describe('rankCandidates', () => {
  const lsh = { bands: 64, rows: 2 };

  it('orders by shared bands, breaks ties by key and keeps at most max', () => {
    const hits = new Map([['b', 3], ['a', 3], ['c', 10], ['d', 1]]);
    expect(rankCandidates(hits, lsh, 3).map((c) => c.key)).toEqual(['c', 'a', 'b']);
  });

  it('inverts the band-match probability s^rows: all bands shared is 1, a quarter of them 0.5 at two rows', () => {
    const [all, quarter] = rankCandidates(new Map([['x', 64], ['y', 16]]), lsh, 10);
    expect(all?.estimatedSimilarity).toBe(1);
    expect(quarter?.estimatedSimilarity).toBe(0.5);
  });

  it('gives an empty list for no hits', () => {
    expect(rankCandidates(new Map(), lsh, 5)).toEqual([]);
  });
});
