import { distinctiveTerms, indexBandKeys, queryBandKeys, termKey } from '../../../lib/detect/candidate-keys.js';
import { sketchText } from '../../../lib/detect/sketch-text.js';
import { tokenize } from '../../../lib/text/tokenize.js';
import { DEFAULT_DETECTOR_PARAMS as P } from '../../../lib/detect/detector-params.js';

// Forty sentences on forty made-up topics: a long "source" whose parts share no rare words.
const TOPICS = Array.from({ length: 40 }, (_, i) => `zorvath${i}`);
const sentence = (t: string, k: number): string =>
  `The ${t} committee reviewed ${t}report${k} with ${t}analyst and the ${t}budget figures.`;
const LONG = TOPICS.map((t) => `${sentence(t, 1)} ${sentence(t, 2)}`).join(' ');
const keysOf = (text: string): string[] =>
  tokenize(text)
    .term.slice(0, tokenize(text).count)
    .reduce<string[]>((out, t) => [...out, termKey(t)], []);

describe('candidate keys', () => {
  it('never index the most frequent English words, stopwords or one- and two-digit numbers', () => {
    const text = 'The people said that the time was right and the house would be there in 12 days.';
    expect(indexBandKeys(sketchText(text, P), P)).toEqual([]);
    expect(queryBandKeys(sketchText(text, P), P)).toEqual([]);
  });

  it('take names, long numbers and rare words first', () => {
    const text =
      'The people said Kwasniewski paid 48,750 dollars for the house, a sum the auditors called extravagant.';
    const keys = queryBandKeys(sketchText(text, P), P);
    for (const word of ['Kwasniewski', '48,750', 'extravagant']) expect(keys).toContain(keysOf(word)[0]);
    expect(keys).not.toContain(keysOf('people')[0]);
  });

  it('stay at maxIndexKeys and maxQueryKeys however long the article, each key once', () => {
    const huge = Array.from({ length: 200 }, (_, i) => LONG.replace(/zorvath/g, `q${i}x`)).join('\n\n');
    const sketch = sketchText(huge, P);
    const index = indexBandKeys(sketch, P);
    expect(index).toHaveLength(P.maxIndexKeys);
    expect(new Set(index).size).toBe(index.length);
    expect(queryBandKeys(sketch, P)).toHaveLength(P.maxQueryKeys);
  });

  it('let a short story drawn from any part of a long source share keys with it', () => {
    const index = new Set(indexBandKeys(sketchText(LONG, P), P));
    for (const part of [0, 20, 37]) {
      const short = TOPICS.slice(part, part + 3)
        .map((t) => `${sentence(t, 1)} ${sentence(t, 2)}`)
        .join(' ');
      expect(queryBandKeys(sketchText(short, P), P).filter((k) => index.has(k)).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('pick the same terms from texts sharing them, whatever their order of appearance', () => {
    const a = tokenize('Zebulon met Quintavius in Ostrava; Yarrowby stayed.');
    const b = tokenize('Yarrowby stayed. In Ostrava, Quintavius met Zebulon.');
    expect(distinctiveTerms(a, 0, a.count, 3, P.commonWords)).toEqual(
      distinctiveTerms(b, 0, b.count, 3, P.commonWords),
    );
  });
});
