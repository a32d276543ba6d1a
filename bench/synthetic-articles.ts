/** Deterministic synthetic news-like articles for benchmarks: same seed, same text on every machine. */

/** mulberry32: a tiny 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options of the article generator. */
export interface SyntheticOptions {
  readonly articles: number;
  readonly wordsPerArticle: number;
  readonly vocabularySize: number;
  readonly seed: number;
}

// Function words make ~40% of running English text; the detector drops them from MinHash features.
const FUNCTION_WORDS =
  'the of and to a in that is was he for it with as his on be at by had not are but from or have an they which you were her she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(
    ' ',
  );

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'cl',
  'dr',
  'gr',
  'pl',
  'st',
  'tr',
  'sh',
  'ch',
  'th',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'rt', 'st', 'ck'];

/** A vocabulary of `size` distinct made-up words of 1-4 syllables, with a few inflected forms. */
export function makeVocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>();
  const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)]!;
  while (words.size < size) {
    const syllables = 1 + Math.floor(random() * 4);
    let w = '';
    for (let s = 0; s < syllables; s++) w += pick(ONSETS) + pick(VOWELS) + (s === syllables - 1 ? pick(CODAS) : '');
    const r = random();
    if (r < 0.08) w += 'ed';
    else if (r < 0.14) w += 'ing';
    else if (r < 0.2) w += 's';
    if (w.length > 2) words.add(w);
  }
  return [...words];
}

/**
 * Articles of paragraphs of sentences (8-30 words), mixing function words with a skewed
 * (Zipf-like) draw from the vocabulary, plus commas, numbers, quotes, names and ? !.
 */
export function syntheticArticles(options: SyntheticOptions): string[] {
  return [...syntheticArticleStream(options)];
}

/** The same articles as syntheticArticles, one at a time (`articles: Infinity` for an endless stream), so a load test need not hold them all. */
export function* syntheticArticleStream(options: SyntheticOptions): Generator<string, void, undefined> {
  const random = mulberry32(options.seed);
  const vocabulary = makeVocabulary(options.vocabularySize, random);
  const contentWord = (): string => vocabulary[Math.floor(Math.pow(random(), 2.2) * vocabulary.length)]!;
  const functionWord = (): string => FUNCTION_WORDS[Math.floor(random() * FUNCTION_WORDS.length)]!;
  const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
  for (let a = 0; a < options.articles; a++) {
    const paragraphs: string[] = [];
    let sentences: string[] = [];
    let words = 0;
    let sentencesLeftInParagraph = 2 + Math.floor(random() * 4);
    while (words < options.wordsPerArticle) {
      const length = 8 + Math.floor(random() * 23);
      const parts: string[] = [];
      const quoted = random() < 0.15;
      for (let i = 0; i < length; i++) {
        const r = random();
        let w =
          r < 0.42
            ? functionWord()
            : r < 0.97
              ? contentWord()
              : r < 0.985
                ? String(Math.floor(random() * 100000))
                : capitalise(contentWord());
        if (i === 0) w = capitalise(w);
        if (i > 2 && i < length - 2 && random() < 0.06) w += ',';
        parts.push(w);
      }
      const r = random();
      let sentence = parts.join(' ') + (r < 0.04 ? '?' : r < 0.06 ? '!' : '.');
      if (quoted) sentence = `"${sentence}"`;
      sentences.push(sentence);
      words += length;
      if (--sentencesLeftInParagraph === 0 || words >= options.wordsPerArticle) {
        paragraphs.push(sentences.join(' '));
        sentences = [];
        sentencesLeftInParagraph = 2 + Math.floor(random() * 4);
      }
    }
    yield paragraphs.join('\n\n');
  }
}
