import { factSequence, longestIncreasingRun, orderedFactShares } from '../../../lib/detect/fact-sequence.js';
import { modelText } from '../../../lib/detect/fingerprint.js';
import { tokenize } from '../../../lib/text/tokenize.js';
import { fixtureText } from '../../helpers/fixtures.js';

/** One story's facts (names, places, numbers) in the order the source tells them. */
const SOURCE = fixtureText('articles/postman-wire.txt');

/** A restyle: every sentence reworded and padded, the facts kept in the same order. */
const RESTYLE = fixtureText('articles/postman-restyle.txt');

/** Independent coverage: the same names and numbers, told in its own order. */
const COVERAGE = fixtureText('articles/postman-coverage.txt');

const facts = (text: string) => factSequence(modelText(text));
const orderedFactShare = (a: ReturnType<typeof facts>, b: ReturnType<typeof facts>) => orderedFactShares(a, b).all;
/** 1 when `word` is a named fact of `f`. */
const namedIn = (f: ReturnType<typeof facts>, word: string) => f.named[f.rankOf.get(tokenize(word).term[0]!)!];

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

  it('bare facts leave out the colour a restyle adds, not the names and numbers new reporting adds', () => {
    const source = facts(
      'Mayor Alice Brennan opened the Kessler Bridge in Dunmore on Monday. The bridge cost 40 million pounds. Engineers from Halvorsen built it over 3 years. ' +
        'Its suspension cables, spun by Ardent Wire of Gateshead, carry 9,000 tonnes; the Pellworth ferry, run since 1921 by the Corrigan family, closes in June. ' +
        'Councillors Imran Sethi and Gwen Tal voted against the toll of 2.50 pounds, citing a petition by the Dunmore Cyclists Forum.',
    );
    // the same facts in order, with added colour: rare words, no new names
    const coloured = facts(
      'In a jubilant, electrifying ceremony, Mayor Alice Brennan triumphantly opened the breathtaking Kessler Bridge in Dunmore on Monday. ' +
        'The magnificent bridge cost a staggering 40 million pounds. Tireless engineers from Halvorsen painstakingly built it over 3 gruelling years.',
    );
    // the same facts in order, with new reporting: its own rare words, and names and numbers of its own
    const reported = facts(
      'Mayor Alice Brennan opened the Kessler Bridge in Dunmore on Monday, watched by councillor Tom Okafor and 2,000 residents. ' +
        'The bridge cost 40 million pounds, said treasurer Ruth Lindqvist, against a budget of 31 million. ' +
        'Engineers from Halvorsen built it over 3 years; a tollbooth and cycleway follow in 2027.',
    );
    const c = orderedFactShares(coloured, source);
    const r = orderedFactShares(reported, source);
    expect(c.bare).toBeGreaterThan(1.5 * c.all);
    expect(r.bare - r.all).toBeLessThan((c.bare - c.all) / 2);
    for (const x of [c, r]) expect(x.bare).toBeGreaterThanOrEqual(x.all);
  });

  it('a fact is named when it is capitalised wherever it occurs and once inside running text, or a number', () => {
    const f = facts('Brennan met the quartermaster in Dunmore; brennan later told 12 quartermasters.');
    const named = (word: string) => namedIn(f, word);
    expect(named('Dunmore')).toBe(1);
    expect(named('12')).toBe(1);
    expect(named('quartermaster')).toBe(0);
    expect(named('Brennan')).toBe(0); // once in lower case: not a name
  });

  it('capitals in a headline or at the start of a sentence do not make a name', () => {
    const f = facts(
      'CATACLYSMIC SHOWDOWN: Kessler Bridge Imperils Dunmore\n\nUnfazed, the quartermaster met Brennan in Dunmore. Brennan nodded.',
    );
    const named = (word: string) => namedIn(f, word);
    expect(named('Cataclysmic')).toBe(0);
    expect(named('Imperils')).toBe(0);
    expect(named('Unfazed')).toBe(0);
    expect(named('Brennan')).toBe(1); // sentence-initial once, inside running text once
    expect(named('Dunmore')).toBe(1); // in the headline and in running text
  });

  it('a long word shouted in capitals is not a name, an acronym is', () => {
    const f = facts('The quartermaster CONFESSED to the NATO inquiry in Dunmore.');
    const named = (word: string) => namedIn(f, word);
    expect(named('confessed')).toBe(0);
    expect(named('NATO')).toBe(1);
  });

  it('contractions are not facts, names with an apostrophe are', () => {
    const f = facts("The quartermaster didn't know we'd met O'Brien; they're sure we'll see he's gone.");
    const words = (text: string) => Array.from(tokenize(text).term);
    expect(words("didn't we'd they're we'll").filter((t) => f.rankOf.has(t))).toEqual([]);
    expect(f.rankOf.has(words("O'Brien")[0]!)).toBe(true);
    expect(f.rankOf.has(words('quartermaster')[0]!)).toBe(true);
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
