import { coveredShare, phrasingCover, phrasingGrams } from '../../../lib/detect/phrasing-cover.js';
import { compareTexts, prepareText, type PreparedText } from '../../../lib/detect/compare-texts.js';
import { modelText } from '../../../lib/detect/fingerprint.js';
import { DEFAULT_DETECTOR_PARAMS } from '../../../lib/detect/detector-params.js';
import { tokenize } from '../../../lib/text/tokenize.js';

function prepare(text: string): PreparedText {
  return prepareText(modelText(text));
}

/** The article words a cover marks, in order. */
function marked(text: string, cover: Uint8Array): string[] {
  const tokens = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < tokens.count; i++) if (cover[i] === 1) out.push(text.slice(tokens.start[i], tokens.end[i]));
  return out;
}

const WIRE =
  'The couple were formally found not guilty of the charges after a witness withdrew. He said "I was such a fat kid I could hardly feel the kicks" in court.';

describe('phrasingGrams', () => {
  it('skips 3-grams that touch a quoted word and counts only unquoted words', () => {
    const text = 'He said "we will fight them" and then left the court.';
    const grams = phrasingGrams(tokenize(text));
    // He(0) said(1) "we will fight them"(2-5) and(6) then(7) left(8) the(9) court(10)
    expect(grams.unquotedWords).toBe(7);
    const starts = [...grams.grams.keys()].filter((i) => grams.grams[i] !== 0);
    expect(starts).toEqual([6, 7, 8]);
  });
});

describe('phrasingCover and coveredShare', () => {
  it('marks the article words in unquoted 3-grams found verbatim in the source, not the shared quote', () => {
    const article =
      'The pair were formally found not guilty of the charges yesterday. He said "I was such a fat kid I could hardly feel the kicks" to the jury.';
    const a = prepare(article);
    const cover = phrasingCover(a.phrasing, prepare(WIRE).trigrams);
    expect(marked(article, cover)).toEqual(['were', 'formally', 'found', 'not', 'guilty', 'of', 'the', 'charges']);
    expect(coveredShare([cover], a.phrasing.unquotedWords)).toBeCloseTo(8 / a.phrasing.unquotedWords, 10);
  });

  it('combines several sources: a word counts once, whichever source covers it', () => {
    const article =
      'Police found the letters in the loft. The judge told him he had betrayed the trust of the people he served.';
    const a = prepare(article);
    const one = phrasingCover(
      a.phrasing,
      prepare('Officers said police found the letters in the loft of the house.').trigrams,
    );
    const two = phrasingCover(
      a.phrasing,
      prepare('In court the judge told him he had betrayed the trust of the people he served so long.').trigrams,
    );
    const both = coveredShare([one, two], a.phrasing.unquotedWords);
    expect(both).toBeCloseTo(
      coveredShare([one], a.phrasing.unquotedWords) + coveredShare([two], a.phrasing.unquotedWords),
      10,
    );
    expect(both).toBe(1);
  });

  it('is 0 for an article that is all quote, and for no sources', () => {
    const a = prepare('"We will fight them on the beaches and we shall never surrender."');
    expect(a.phrasing.unquotedWords).toBe(0);
    expect(coveredShare([phrasingCover(a.phrasing, a.trigrams)], 0)).toBe(0);
    expect(coveredShare([], 10)).toBe(0);
  });
});

describe('compareTexts phrasingShare', () => {
  it('is high for reused narrative wording and low for an independent report sharing only the quote', () => {
    const source = prepare(WIRE);
    const reused = compareTexts(
      prepare('The couple were formally found not guilty of the charges after a witness withdrew.'),
      source,
      DEFAULT_DETECTOR_PARAMS,
    );
    const independent = compareTexts(
      prepare(
        'A jury heard the boy say "I was such a fat kid I could hardly feel the kicks" as his parents sat in the dock.',
      ),
      source,
      DEFAULT_DETECTOR_PARAMS,
    );
    expect(reused.phrasingShare).toBe(1);
    expect(independent.phrasingShare).toBe(0);
  });
});
