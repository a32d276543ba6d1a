import { factSequence, longestIncreasingRun, orderedFactShare } from '../../../lib/detect/fact-sequence.js';
import { tokenize } from '../../../lib/text/tokenize.js';
import { fixtureText } from '../../helpers/fixtures.js';

/** One story's facts (names, places, numbers) in the order the source tells them. */
const SOURCE = fixtureText('articles/postman-wire.txt');

/** A restyle: every sentence reworded and padded, the facts kept in the same order. */
const RESTYLE = fixtureText('articles/postman-restyle.txt');

/** Independent coverage: the same names and numbers, told in its own order. */
const COVERAGE = fixtureText('articles/postman-coverage.txt');

const facts = (text: string) => factSequence(tokenize(text));

describe('ordered facts', () => {
  it('a restyle keeps most of the source facts in order', () => {
    expect(orderedFactShare(facts(RESTYLE), facts(SOURCE))).toBeGreaterThanOrEqual(0.3);
  });

  it('independent coverage sharing the facts in another order scores far lower', () => {
    const restyle = orderedFactShare(facts(RESTYLE), facts(SOURCE));
    const coverage = orderedFactShare(facts(COVERAGE), facts(SOURCE));
    expect(coverage).toBeLessThan(0.2);
    expect(coverage).toBeLessThan(restyle / 2);
  });

  it('texts sharing no fact score 0, and common words are not facts', () => {
    expect(orderedFactShare(facts('The weather was nice and people went out.'), facts(SOURCE))).toBe(0);
    expect(facts('the people said that they would go home').terms.length).toBe(0);
  });

  it('numbers of any length are facts', () => {
    expect(facts('He paid 12 pounds').terms.length).toBe(1);
  });

  it('finds the longest increasing run', () => {
    expect(longestIncreasingRun([])).toBe(0);
    expect(longestIncreasingRun([3, 1, 2, 5, 4, 6])).toBe(4);
    expect(longestIncreasingRun([5, 4, 3])).toBe(1);
  });
});
