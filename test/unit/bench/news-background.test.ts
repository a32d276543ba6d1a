import { firstNearCopyPosition, longestSharedRun } from '../../../bench/news-background.js';

describe('longestSharedRun', () => {
  it('counts the words of the longest run two texts share, case and punctuation aside', () => {
    const wire = 'The port operator said the walkout would cost the region 18 million dollars a day.';
    const story = 'Losses mount. THE PORT OPERATOR SAID the walkout would cost -- the region, it added; not 18.';
    expect(longestSharedRun(story, wire)).toBe(10);
    expect(longestSharedRun(wire, story)).toBe(10);
  });

  it('is 0 without a shared word and for an empty text', () => {
    expect(longestSharedRun('alpha beta', 'gamma delta')).toBe(0);
    expect(longestSharedRun('', 'gamma delta')).toBe(0);
  });
});

describe('firstNearCopyPosition', () => {
  it('finds the first indexed text holding the share of a probe’s 5-grams, or Infinity', () => {
    const probe = 'one two three four five six seven eight nine ten';
    const indexed = ['eleven twelve thirteen fourteen fifteen', 'x one two three four five six y', probe];
    expect(firstNearCopyPosition([probe], indexed, 0.2)).toEqual([1]);
    expect(firstNearCopyPosition([probe], indexed, 0.9)).toEqual([2]);
    expect(firstNearCopyPosition([probe], indexed.slice(0, 1), 0.2)).toEqual([Infinity]);
  });
});
