import { compareTexts, judgedWords, prepareText, type PreparedText } from '../../../lib/detect/compare-texts.js';
import {
  alignSentences,
  MAX_ALIGNED_SENTENCES,
  sentenceFeatures,
  windowScore,
  type SentenceFeatures,
  type SourceSets,
} from '../../../lib/detect/align.js';
import { modelText } from '../../../lib/detect/fingerprint.js';
import { DEFAULT_DETECTOR_PARAMS } from '../../../lib/detect/detector-params.js';

const PARAMS = DEFAULT_DETECTOR_PARAMS;

/** Wire copy: six sentences of one court story. */
const SOURCE = [
  'A former postman was jailed for six years at Leeds Crown Court on Friday for stealing thousands of letters.',
  'Brian Walker, 52, hid more than 4,000 undelivered letters in the loft of his home in Headingley.',
  'Police found the letters after a neighbour reported a smell of burning paper from the garden.',
  'The judge told Walker that he had betrayed the trust of the people he served.',
  'Walker admitted theft and said he had been depressed since the death of his wife.',
  'Royal Mail said it had contacted every customer whose post had been found.',
];

/** A rewrite of SOURCE, sentence by sentence, in the same order. */
const PARAPHRASE = [
  'An ex-postman has been jailed for six years at Leeds Crown Court for stealing thousands of letters.',
  'Brian Walker, 52, kept over 4,000 undelivered letters hidden in the loft of his Headingley home.',
  'The letters were found by police after a neighbour reported the smell of burning paper in the garden.',
  'Walker was told by the judge that he had betrayed the trust of the people he served.',
  'He admitted theft, saying he had been depressed since the death of his wife.',
  'Royal Mail has contacted every customer whose post was found.',
];

const UNRELATED = [
  'The city council approved a new budget for road repairs on Tuesday.',
  'Councillors voted twelve to four in favour of the plan after a long debate.',
  'Work on the main bridge will begin in the spring and last until autumn.',
].join(' ');

function prepare(text: string): PreparedText {
  return prepareText(modelText(text));
}

describe('compareTexts', () => {
  const source = prepare(SOURCE.join(' '));

  it('aligns a sentence-by-sentence paraphrase in order, with a high aligned share', () => {
    const evidence = compareTexts(prepare(PARAPHRASE.join(' ')), source, PARAMS);
    expect(evidence.pairs.map((p) => p.a)).toEqual([0, 1, 2, 3, 4, 5]);
    // each article sentence's window holds its own source sentence (see the known issue below)
    for (const p of evidence.pairs) {
      expect(p.b).toBeLessThanOrEqual(p.a);
      expect(p.bEnd).toBeGreaterThan(p.a);
      expect(p.score).toBeGreaterThanOrEqual(PARAMS.minSentenceScore);
    }
    expect(evidence.alignedShare).toBeGreaterThan(0.9);
  });

  // Known issue in lib/detect/align.ts: a merged window [j, j+2) scores as high as source sentence
  // j+1 alone and the backtrack takes the earlier of tied windows, so pairs name b = j instead of
  it('names the exact source sentence of each paraphrased sentence, not a merged window that merely contains it', () => {
    const evidence = compareTexts(prepare(PARAPHRASE.join(' ')), source, PARAMS);
    expect(evidence.pairs.map((p) => [p.a, p.b, p.bEnd])).toEqual([0, 1, 2, 3, 4, 5].map((k) => [k, k, k + 1]));
  });

  it('aligns the same sentences shuffled much less: order is evidence', () => {
    const inOrder = compareTexts(prepare(PARAPHRASE.join(' ')), source, PARAMS);
    const order = [5, 2, 4, 0, 3, 1];
    const shuffled = compareTexts(prepare(order.map((k) => PARAPHRASE[k]!).join(' ')), source, PARAMS);
    expect(shuffled.alignedShare).toBeLessThan(inOrder.alignedShare / 2);
    expect(shuffled.pairs.length).toBeLessThanOrEqual(3);
    // the bag of words is the same, so set measures do not see the difference
    expect(shuffled.containment).toBeCloseTo(inOrder.containment, 10);
    // whatever is aligned still goes forwards in both texts
    for (let k = 1; k < shuffled.pairs.length; k++) {
      expect(shuffled.pairs[k]!.a).toBeGreaterThan(shuffled.pairs[k - 1]!.a);
      expect(shuffled.pairs[k]!.b).toBeGreaterThanOrEqual(shuffled.pairs[k - 1]!.b);
    }
  });

  it('aligns nothing of an unrelated text', () => {
    const evidence = compareTexts(prepare(UNRELATED), source, PARAMS);
    expect(evidence.pairs).toEqual([]);
    expect(evidence.alignedShare).toBe(0);
    expect(evidence.trigramContainment).toBe(0);
    expect(evidence.containment).toBeLessThan(0.2);
  });

  it('aligns a sentence that merges two source sentences as one window (bEnd = b + 2)', () => {
    const article = [
      PARAPHRASE[0]!,
      'Brian Walker, 52, hid more than 4,000 undelivered letters in his loft, which police found after a neighbour reported a smell of burning paper.',
      PARAPHRASE[3]!,
    ].join(' ');
    const evidence = compareTexts(prepare(article), source, PARAMS);
    expect(evidence.pairs.map((p) => [p.a, p.b, p.bEnd])).toEqual([
      [0, 0, 1],
      [1, 1, 3],
      [2, 3, 4],
    ]);
  });

  it('gives 1 on every measure for an identical text without quotes', () => {
    const evidence = compareTexts(prepare(SOURCE.join(' ')), source, PARAMS);
    expect(evidence.alignedShare).toBe(1);
    expect(evidence.containment).toBe(1);
    expect(evidence.jaccard).toBe(1);
    expect(evidence.trigramContainment).toBe(1);
    expect(evidence.pairs.map((p) => p.score)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  // Same known issue as above: on an identical text, sentences 1 and 4 come back as windows [0, 2) and [3, 5).
  it('pairs each sentence of an identical text with itself alone', () => {
    const evidence = compareTexts(prepare(SOURCE.join(' ')), source, PARAMS);
    expect(evidence.pairs.map((p) => [p.a, p.b, p.bEnd])).toEqual([0, 1, 2, 3, 4, 5].map((k) => [k, k, k + 1]));
  });

  it('measures containment of the article, not of the source: a short extract is fully contained', () => {
    const extract = compareTexts(prepare(SOURCE.slice(0, 2).join(' ')), source, PARAMS);
    expect(extract.containment).toBe(1);
    expect(extract.jaccard).toBeLessThan(0.5);
    expect(extract.alignedShare).toBe(1);
  });

  it('handles an empty article and an empty source', () => {
    expect(compareTexts(prepare(''), source, PARAMS)).toMatchObject({
      alignedShare: 0,
      containment: 0,
      jaccard: 0,
      trigramContainment: 0,
      pairs: [],
    });
    expect(compareTexts(source, prepare(''), PARAMS)).toMatchObject({ alignedShare: 0, containment: 0, pairs: [] });
  });
});

describe('comment: questions and exclamations without a name or a number', () => {
  const source = prepare(SOURCE.join(' '));
  /** What an emotional restyle adds between the sentences it keeps. */
  const COMMENT = ['How could he?', 'Can you believe it?', 'What a disgrace!', 'This cannot go on!'];

  it('counts the words of comment, not questions or exclamations that name someone or give a figure', () => {
    expect(prepare(COMMENT.join(' ')).commentWords).toBe(14);
    expect(prepare('Why did Walker hide 4,000 letters? He was jailed!').commentWords).toBe(3);
    expect(prepare(PARAPHRASE.join(' ')).commentWords).toBe(0);
  });

  it('leaves comment out of the aligned share: added outrage does not dilute the sentences kept', () => {
    const kept = PARAPHRASE.slice(0, 3);
    const plain = compareTexts(prepare(kept.join(' ')), source, PARAMS);
    const padded = prepare([kept[0], COMMENT[0], kept[1], COMMENT[1], kept[2], COMMENT[2]].join(' '));
    const withComment = compareTexts(padded, source, PARAMS);
    expect(padded.commentWords).toBe(10);
    expect(withComment.pairs.map((p) => p.a)).toEqual([0, 2, 4]);
    expect(withComment.alignedShare).toBeCloseTo(plain.alignedShare, 10);
  });

  it('leaves comment out of the reused-wording share too: outbursts around a pasted wire sentence do not dilute it', () => {
    const alone = compareTexts(prepare(SOURCE[0]!), source, PARAMS);
    const pasted = prepare([SOURCE[0], COMMENT[0], COMMENT[1]].join(' '));
    expect(pasted.commentWords).toBe(7);
    expect(alone.phrasingShare).toBe(1);
    expect(compareTexts(pasted, source, PARAMS).phrasingShare).toBeCloseTo(1, 10);
  });

  it('takes the shares of at least half the article: a text of exclamations is not judged on its one sentence', () => {
    const shouted = prepare([PARAPHRASE[0], ...COMMENT, ...COMMENT, ...COMMENT, ...COMMENT].join(' '));
    expect(shouted.words - shouted.commentWords).toBeLessThan(shouted.words / 2);
    expect(judgedWords(shouted)).toBe(shouted.words / 2);
    const evidence = compareTexts(shouted, source, PARAMS);
    expect(evidence.pairs).toHaveLength(1);
    expect(evidence.alignedShare).toBeLessThan(PARAMS.rewriteShare);
  });
});

describe('alignSentences', () => {
  function features(text: string): ReturnType<typeof sentenceFeatures> {
    const model = modelText(text);
    return sentenceFeatures(model.tokens, model.sentences);
  }
  const options = { minSentenceScore: PARAMS.minSentenceScore, minSharedWords: PARAMS.minSharedWords };

  it('lets two article sentences split from one source sentence share it', () => {
    const article = features(
      'Brian Walker, 52, hid more than 4,000 undelivered letters. He hid them in the loft of his home in Headingley.',
    );
    const pairs = alignSentences(article, features(SOURCE[1]!), options);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });

  it('never aligns sentences sharing fewer than minSharedWords content words', () => {
    // two shared content words (Walker, letters) in otherwise different sentences
    const pairs = alignSentences(
      features('Walker wrote letters to the newspaper editor.'),
      features(SOURCE[1]!),
      options,
    );
    expect(pairs).toEqual([]);
  });

  it('returns no pairs when either side has no sentences', () => {
    expect(alignSentences([], features(SOURCE[0]!), options)).toEqual([]);
    expect(alignSentences(features(SOURCE[0]!), [], options)).toEqual([]);
  });
});

describe('windowScore', () => {
  it('is the mean of content-word and word-pair containment of the article sentence in the window', () => {
    const [a] = sentenceFeatures(
      modelText('jury heard evidence today').tokens,
      modelText('jury heard evidence today').sentences,
    );
    const [b] = sentenceFeatures(
      modelText('jury heard evidence yesterday').tokens,
      modelText('jury heard evidence yesterday').sentences,
    );
    // content of a: jury, heard, evidence (today is a stopword); all in b. pairs: 2 of 3 in b
    const window = [sourceSets(b!)];
    expect(windowScore(a!, window, 3)).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3), 12);
    expect(windowScore(a!, window, 4)).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3), 12); // needs min(4, 3 content words)
  });

  it('judges a padded sentence halfway towards the shorter source sentence it keeps', () => {
    const feat = (t: string) => sentenceFeatures(modelText(t).tokens, modelText(t).sentences)[0]!;
    const a = feat('jury heard evidence bravely fiercely');
    const b = feat('jury heard evidence');
    const window = [sourceSets(b)];
    // content: 3 shared of a's 5 and b's 3 -> 3 / ((5 + 3) / 2); pairs: 2 shared of a's 4 and b's 2 -> 2 / ((4 + 2) / 2)
    expect(windowScore(a, window, 3)).toBeCloseTo(0.5 * (3 / 4) + 0.5 * (2 / 3), 12);
  });
  it('does not align a template filled in with other figures, but lets a rewrite add one figure', () => {
    const feat = (t: string) => sentenceFeatures(modelText(t).tokens, modelText(t).sentences)[0]!;
    const template = 'Southwest Airlines said its February load factor fell to 55.2 pct from 58.1 pct.';
    const sameFigures = feat('Southwest Airlines said its February load factor fell to 55.2 pct from 58.1 pct.');
    const otherFigures = feat('Piedmont Airlines said its February load factor fell to 61.4 pct from 63.0 pct.');
    const addedAge = feat('Mark Smith, 31, said Southwest Airlines saw its February load factor fall.');
    const source = feat(template);
    expect(windowScore(sameFigures, [sourceSets(source)], 3)).toBe(1);
    expect(windowScore(otherFigures, [sourceSets(source)], 3)).toBe(0);
    // one figure on a side is a rewriter's detail (an age, a date), not a different story
    expect(windowScore(addedAge, [sourceSets(source)], 3)).toBeGreaterThan(0);
  });
});

function sourceSets(f: SentenceFeatures): SourceSets {
  return { content: new Set(f.content), bigrams: new Set(f.bigrams), numbers: new Set(f.numbers) };
}

describe('compareTexts on huge inputs', () => {
  it('looks at no more than MAX_ALIGNED_SENTENCES sentences of either text', () => {
    const many = Array.from(
      { length: MAX_ALIGNED_SENTENCES + 200 },
      (_, i) => `Sentence number ${i} mentions harbour${i} and bridge${i} and tolls${i}.`,
    ).join(' ');
    const text = prepare(many);
    const { pairs } = compareTexts(text, text, PARAMS);
    expect(pairs.length).toBe(MAX_ALIGNED_SENTENCES);
    expect(Math.max(...pairs.map((p) => p.a))).toBe(MAX_ALIGNED_SENTENCES - 1);
  });
});
