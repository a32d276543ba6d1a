import { combineHashes } from '../sketch/hash.js';
import { QUOTED, type Tokens } from '../text/tokenize.js';

/**
 * Where an article's own phrasing can be reused: the hash of the word 3-gram starting at each
 * token (stopwords included, so it is wording, not topic), or 0 where the 3-gram touches a
 * quoted word. Independent reports of one event share quotes, names and numbers; a story written
 * from the source also shares the source's narrative word sequences outside quotes.
 */
export interface PhrasingGrams {
  /** Per start token: 3-gram hash, 0 when any of its words is quoted (or it runs off the end). */
  readonly grams: Uint32Array;
  /** Words of the article outside quotes: the denominator of phrasing shares. */
  readonly unquotedWords: number;
}

/** The article side of phrasing evidence, computed once per article. */
export function phrasingGrams(tokens: Tokens): PhrasingGrams {
  const { count, term, flags } = tokens;
  const grams = new Uint32Array(count);
  let unquotedWords = 0;
  for (let i = 0; i < count; i++) {
    if ((flags[i]! & QUOTED) === 0) unquotedWords++;
    if (i + 2 >= count || ((flags[i]! | flags[i + 1]! | flags[i + 2]!) & QUOTED) !== 0) continue;
    // the same hash as PreparedText.trigrams, so one source set serves both measures;
    // a real hash of 0 (one in 2^32) only loses that 3-gram
    grams[i] = combineHashes(combineHashes(term[i]!, term[i + 1]!), term[i + 2]!);
  }
  return { grams, unquotedWords };
}

/**
 * Marks (1) each article word outside quotes that lies in an unquoted 3-gram found verbatim in
 * the source's 3-grams. One pass over the article; the masks of several sources OR together.
 */
export function phrasingCover(article: PhrasingGrams, sourceTrigrams: ReadonlySet<number>): Uint8Array {
  const { grams } = article;
  const cover = new Uint8Array(grams.length);
  for (let i = 0; i < grams.length; i++) {
    const g = grams[i]!;
    if (g !== 0 && sourceTrigrams.has(g)) {
      cover[i] = 1;
      cover[i + 1] = 1;
      cover[i + 2] = 1;
    }
  }
  return cover;
}

/** Share of the article's unquoted words marked in any of the masks (0 for an all-quote article). */
export function coveredShare(masks: readonly Uint8Array[], unquotedWords: number): number {
  if (unquotedWords === 0 || masks.length === 0) return 0;
  const n = masks[0]!.length;
  let covered = 0;
  for (let i = 0; i < n; i++) {
    for (const m of masks) {
      if (m[i] === 1) {
        covered++;
        break;
      }
    }
  }
  return covered / unquotedWords;
}
