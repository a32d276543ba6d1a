import {
  distinctiveTerms,
  indexBandKeys,
  LEAD_KEY_SHARE,
  LEAD_PASSAGES,
  queryBandKeys,
  termKey,
} from '../../../lib/detect/candidate-keys.js';
import { sketchText } from '../../../lib/detect/sketch-text.js';
import { NUMBER, STOP, tokenize } from '../../../lib/text/tokenize.js';
import { COMMON_WORDS } from '../../../lib/detect/common-words.js';
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

  it("give a long article's opening a third of its keys, so a rewrite of the opening shares many", () => {
    const huge = Array.from({ length: 20 }, (_, i) => LONG.replace(/zorvath/g, `q${i}x`)).join('\n\n');
    const sketch = sketchText(huge, P);
    const index = new Set(indexBandKeys(sketch, P));
    const leadTokens = LEAD_PASSAGES * P.passageWords;
    const lead = new Set(
      distinctiveTerms(sketch.model.tokens, 0, leadTokens, P.maxIndexKeys, P.commonWords).map(termKey),
    );
    const fromLead = [...index].filter((k) => lead.has(k)).length;
    expect(fromLead).toBeGreaterThanOrEqual(Math.floor(LEAD_KEY_SHARE * P.maxIndexKeys));
    // the opening is one segment of 12: taking turns alone it would give about 8 keys
    expect(fromLead).toBeLessThan(P.maxIndexKeys / 2);
    // every segment still has its turn: the last twelfth of the article keeps keys too
    const tail = huge.slice(Math.floor((huge.length * 11) / 12));
    expect(queryBandKeys(sketchText(tail, P), P).filter((k) => index.has(k)).length).toBeGreaterThanOrEqual(3);
  });

  it('take the rare terms a text repeats before those it uses once', () => {
    const text = 'Quintavius met Zebulon in Ostrava. Later Quintavius left Ostrava for Yarrowby.';
    const tokens = tokenize(text);
    expect(distinctiveTerms(tokens, 0, tokens.count, 2, P.commonWords).map(termKey).sort()).toEqual(
      [...keysOf('Quintavius'), ...keysOf('Ostrava')].sort(),
    );
  });

  it('pick the same terms from texts sharing them, whatever their order of appearance', () => {
    const a = tokenize('Zebulon met Quintavius in Ostrava; Yarrowby stayed.');
    const b = tokenize('Yarrowby stayed. In Ostrava, Quintavius met Zebulon.');
    expect(distinctiveTerms(a, 0, a.count, 3, P.commonWords)).toEqual(
      distinctiveTerms(b, 0, b.count, 3, P.commonWords),
    );
  });
});

describe('distinctiveTerms', () => {
  /** The definition, written plainly: distinct terms by COMMON_WORDS rank (unlisted last), highest first, repeated ones first within a rank. */
  function reference(text: string, limit: number, commonWords: number): number[] {
    const listed = tokenize(COMMON_WORDS.join(' '));
    const rankOf = new Map<number, number>();
    for (let i = 0; i < listed.count; i++) if (!rankOf.has(listed.term[i]!)) rankOf.set(listed.term[i]!, i);
    const tokens = tokenize(text);
    const best = new Map<number, number>();
    const uses = new Map<number, number>();
    for (let i = 0; i < tokens.count; i++) {
      const f = tokens.flags[i]!;
      if ((f & STOP) !== 0 || ((f & NUMBER) !== 0 && tokens.end[i]! - tokens.start[i]! <= 2)) continue;
      const rank = rankOf.get(tokens.term[i]!);
      if (rank === undefined || rank >= commonWords) best.set(tokens.term[i]!, rank ?? COMMON_WORDS.length);
      uses.set(tokens.term[i]!, (uses.get(tokens.term[i]!) ?? 0) + 1);
    }
    const mix = (t: number): number => Math.imul(t ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
    const repeated = (t: number): number => (uses.get(t)! > 1 ? 1 : 0);
    return [...best]
      .sort((a, b) => b[1] - a[1] || repeated(b[0]) - repeated(a[0]) || mix(a[0]) - mix(b[0]))
      .slice(0, limit)
      .map(([t]) => t);
  }

  it('equal the plain definition on texts of many sizes, with repeats, whatever the limit', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const pool = [...COMMON_WORDS.slice(0, 3000), ...TOPICS, '48,750', '2024', '7', 'Kwasniewski', 'Ostrava'];
    for (const words of [0, 1, 5, 40, 300, 2500]) {
      const text = Array.from({ length: words }, () => pool[random(pool.length)]!).join(' ');
      const tokens = tokenize(text);
      for (const [limit, common] of [
        [3, 2000],
        [96, 2000],
        [10000, 500],
        [50, 0],
      ] as const) {
        expect(distinctiveTerms(tokens, 0, tokens.count, limit, common)).toEqual(reference(text, limit, common));
      }
    }
  });
});
