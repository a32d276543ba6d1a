import {
  articleWeights,
  compareTexts,
  judgedWords,
  prepareText,
  type PreparedText,
} from '../../../lib/detect/compare-texts.js';
import { decideVerdicts, type CandidateEvidence } from '../../../lib/detect/decide-verdicts.js';
import type { ArticleWeights } from '../../../lib/detect/evidence.js';
import { DEFAULT_DETECTOR_PARAMS, detectorParams } from '../../../lib/detect/detector-params.js';
import { modelText } from '../../../lib/detect/fingerprint.js';
import { fixtureText } from '../../helpers/fixtures.js';

const PARAMS = DEFAULT_DETECTOR_PARAMS;

function prepare(text: string): PreparedText {
  return prepareText(modelText(text));
}

function weights(a: PreparedText): ArticleWeights {
  return articleWeights(a, PARAMS.quoteWeight);
}

function judge(article: string, sources: Record<string, string>): ReturnType<typeof decideVerdicts> {
  const a = prepare(article);
  const candidates: CandidateEvidence[] = Object.entries(sources).map(([key, text], i) => ({
    key,
    order: String(i),
    evidence: compareTexts(a, prepare(text), PARAMS),
  }));
  return decideVerdicts(candidates, PARAMS, weights(a));
}

/** Wire copy of a court case. */
const WIRE =
  'Christopher Grant and his wife Meryl were cleared of cruelty to their son at Cardiff Crown Court on Tuesday. ' +
  'They had been charged with cruelty to a child by regular violent attacks, by failing to provide adequate food, clothing and accommodation, and by constantly referring to him in a derogatory fashion. ' +
  'The Recorder of Cardiff formally found the couple not guilty of the charges after a witness withdrew from giving evidence. ' +
  'The boy told the jury: "My father would punch me almost every day and my stepmother would join in by kicking me."';

describe('decideVerdicts', () => {
  it('flags a story that reuses a wire passage inside its own reporting as partial, by phrasing, and names the wire', () => {
    const article =
      'A teenager who ballooned to 22 stone on a diet of chips has spoken of his despair after his parents walked free. ' +
      'Richard Thomas, now a student in Swansea, said he felt let down by the system and wanted other children to speak up. ' +
      '"Nobody listened to me for years, not the teachers and not the neighbours, and I do not want that to happen to anyone else," he said at his flat. ' +
      'His father and stepmother had been charged with cruelty to a child by regular violent attacks, by failing to provide adequate food, clothing and accommodation, and by constantly referring to him in a derogatory fashion. ' +
      'Friends of the family said the house had been cold and dark for years.';
    const [judged] = judge(article, { wire: WIRE });
    expect(judged?.verdict).toBe('partial');
    expect(judged?.key).toBe('wire');
    expect(judged!.evidence.alignedShare).toBeLessThan(PARAMS.partialShare);
    expect(judged!.evidence.phrasingShare).toBeGreaterThanOrEqual(PARAMS.partialPhrasing);
    expect(judged!.score).toBe(Math.round(judged!.evidence.phrasingShare * 10000) / 10000);
  });

  it('does not flag an independent report that shares the quote, the names and the court but not the wording', () => {
    const article =
      'A couple accused of feeding their son nothing but chips walked free yesterday. ' +
      'Christopher and Meryl Grant, of Sully, were acquitted when a key witness refused to testify. ' +
      'Earlier the boy had told jurors: "My father would punch me almost every day and my stepmother would join in by kicking me." ' +
      'The judge directed the jury to return verdicts of not guilty.';
    expect(judge(article, { wire: WIRE })).toEqual([]);
  });

  it('names every source that explains a part of the article by itself', () => {
    const first =
      'Police found 4,000 undelivered letters hidden in the loft of a house in Headingley after a neighbour reported a smell of burning paper.';
    const second =
      'The judge told the former postman that he had betrayed the trust of the people he had served for twenty years.';
    const article =
      'Police found 4,000 undelivered letters hidden in the loft of a house in Headingley after a neighbour reported a smell of burning paper. ' +
      'Residents of the street said they had wondered for months why no birthday cards arrived and several had complained to the sorting office. ' +
      'The judge told the former postman that he had betrayed the trust of the people he had served for twenty years. ' +
      'Royal Mail has written to every household on the round, offering an apology and a book of stamps as compensation for the trouble.';
    const judged = judge(article, { first, second });
    expect(judged.map((j) => [j.key, j.verdict]).sort()).toEqual([
      ['first', 'partial'],
      ['second', 'partial'],
    ]);
  });

  it('judges a restyle that changed most words a rewrite by its facts and sentences kept in order, and coverage telling them in its own order original', () => {
    const wire = fixtureText('articles/postman-wire.txt');
    const restyled = prepare(fixtureText('articles/postman-restyle.txt'));
    const [restyle] = judge(fixtureText('articles/postman-restyle.txt'), { wire });
    expect(restyle?.verdict).toBe('rewrite');
    const { pairs, counterparts, alignedShare, orderedFacts } = restyle!.evidence;
    // shares of the words judged: its comment ("Outrage erupts!") left out
    expect(restyled.commentWords).toBe(2);
    const share = (ps: typeof pairs): number =>
      ps.reduce((n, p) => n + weights(restyled).sentenceWeights[p.a]!, 0) / judgedWords(restyled);
    // the strict alignment alone is short of a rewrite; its sentences reworded past the bar keep their places
    expect(share(pairs)).toBeLessThan(PARAMS.rewriteShare);
    expect(counterparts.length).toBeGreaterThan(0);
    expect(alignedShare).toBeCloseTo(Math.min(1, share(pairs) + share(counterparts)), 6);
    expect(alignedShare).toBeGreaterThanOrEqual(PARAMS.rewriteShare);
    expect(orderedFacts).toBeGreaterThanOrEqual(PARAMS.restyleFacts);
    expect(judge(fixtureText('articles/postman-coverage.txt'), { wire })).toEqual([]);
  });
});

/** Sentence weights of a 100-word article: two 10-word sentences of the story's main facts, then shorter ones. */
const UNION_ARTICLE: ArticleWeights = {
  sentenceWeights: [10, 10, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
  judgedWords: 100,
  judgedUnquotedWords: 100,
};

/** A source aligning the given article sentences, and nothing else. */
function aligning(key: string, sentences: readonly number[]): CandidateEvidence {
  const share = sentences.reduce((sum, i) => sum + UNION_ARTICLE.sentenceWeights[i]!, 0) / UNION_ARTICLE.judgedWords;
  return {
    key,
    order: key,
    evidence: {
      alignedShare: share,
      derivedShare: share / 2,
      containment: 0.4,
      jaccard: 0.2,
      trigramContainment: 0.05,
      phrasingShare: 0,
      phrasingCover: new Uint8Array(UNION_ARTICLE.judgedWords),
      orderedFacts: 0,
      orderedBareFacts: 0,
      pairs: sentences.map((a, b) => ({ a, b, bEnd: b + 1, score: 0.5 })),
      counterparts: [],
    },
  };
}

describe('decideVerdicts: the aligned union', () => {
  it('does not add up outlets that each align the facts every report of the event gives', () => {
    // old rule: union {0..5} = 0.37 >= partialShare; sentences 0 and 1 are aligned by all four
    const outlets = [
      aligning('a', [0, 1, 2]),
      aligning('b', [0, 1, 3]),
      aligning('c', [0, 1, 4]),
      aligning('d', [0, 1, 5]),
    ];
    expect(decideVerdicts(outlets, PARAMS, UNION_ARTICLE)).toEqual([]);
  });

  it('adds up wire pieces that each explain a different part of the article', () => {
    const pieces = [aligning('day1', [0, 1, 2]), aligning('day2', [3, 4, 5])];
    expect(decideVerdicts(pieces, PARAMS, UNION_ARTICLE).map((j) => [j.key, j.verdict])).toEqual([
      ['day1', 'partial'],
      ['day2', 'partial'],
    ]);
  });

  it('lets a source join the union by sentences it alone adds, even beside common ones, and names none that adds nothing', () => {
    // c aligns only the sentences a and b align: what it shares, the others explain already
    const sources = [aligning('a', [0, 1, 2]), aligning('b', [0, 1, 3, 4, 5]), aligning('c', [0, 1])];
    expect(
      decideVerdicts(sources, PARAMS, UNION_ARTICLE)
        .map((j) => j.key)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it("names a duplicate of the source that counted first: it explains the union's bar by itself", () => {
    // sentences 0-5: 37 words of 100, over partialShare alone; the second adds nothing to the first
    const copies = [aligning('wire', [0, 1, 2, 3, 4, 5]), aligning('reprint', [0, 1, 2, 3, 4, 5])];
    expect(decideVerdicts(copies, PARAMS, UNION_ARTICLE).map((j) => [j.key, j.verdict])).toEqual([
      ['reprint', 'partial'],
      ['wire', 'partial'],
    ]);
  });

  it('takes the union of the words alignedShare is taken of: an article whose comment is left out is judged on the rest', () => {
    // sentences 0, 1, 3, 4: 28 words, 0.28 of all 100 words; 20 are comment, so 28 of the 80 judged
    const commented: ArticleWeights = { ...UNION_ARTICLE, judgedWords: 80 };
    const wire = aligning('wire', [0, 1, 3, 4]);
    const judged = { ...wire, evidence: { ...wire.evidence, alignedShare: 28 / 80 } };
    expect(decideVerdicts([judged], PARAMS, commented).map((j) => j.verdict)).toEqual(['partial']);
    expect(decideVerdicts([wire], PARAMS, UNION_ARTICLE)).toEqual([]);
  });
});

describe('decideVerdicts: restyles', () => {
  const restyle = (phrasingShare: number): CandidateEvidence => {
    const c = aligning('wire', [0, 1, 2, 3]);
    const phrasingCover = new Uint8Array(UNION_ARTICLE.judgedWords).map((_, i) =>
      i < phrasingShare * UNION_ARTICLE.judgedWords ? 1 : 0,
    );
    return {
      ...c,
      evidence: {
        ...c.evidence,
        orderedFacts: PARAMS.restyleFacts + 0.04,
        orderedBareFacts: PARAMS.restyleFacts + 0.04,
        phrasingShare,
        phrasingCover,
      },
    };
  };

  it('judges facts kept in order in changed wording a rewrite', () => {
    expect(decideVerdicts([restyle(0.1)], PARAMS, UNION_ARTICLE).map((j) => j.verdict)).toEqual(['rewrite']);
  });

  it('judges bare facts kept in order a rewrite, and leaves the blend to all the facts', () => {
    const c = aligning('wire', [0, 1, 2]); // alignedShare 0.25, half of rewriteShare
    const facts = (orderedFacts: number, orderedBareFacts: number): CandidateEvidence => ({
      ...c,
      evidence: { ...c.evidence, orderedFacts, orderedBareFacts },
    });
    // an embellished restyle: its added colour keeps all its facts under the threshold, its bare facts reach it
    expect(decideVerdicts([facts(0.12, PARAMS.restyleFacts)], PARAMS, UNION_ARTICLE).map((j) => j.verdict)).toEqual([
      'rewrite',
    ]);
    // (0.25 / 0.5 + 0.12 / 0.2) / 2 = 0.55: the blend reads all the facts, however bare the share
    expect(decideVerdicts([facts(0.12, 0.19)], PARAMS, UNION_ARTICLE)).toEqual([]);
  });

  it('judges sentences aligned and facts in order, each short of its threshold but together averaging restyleBlend, a rewrite', () => {
    const blended = (orderedFacts: number): CandidateEvidence => {
      const c = aligning('wire', [0, 1, 2]); // alignedShare 0.25, half of rewriteShare
      return { ...c, evidence: { ...c.evidence, orderedFacts } };
    };
    // (0.25 / 0.5 + f / 0.2) / 2 reaches 0.675 at f = 0.17
    expect(decideVerdicts([blended(0.18)], PARAMS, UNION_ARTICLE).map((j) => j.verdict)).toEqual(['rewrite']);
    expect(decideVerdicts([blended(0.15)], PARAMS, UNION_ARTICLE)).toEqual([]);
  });

  it('judges a text that reuses partialPhrasing of its wording verbatim by that wording: partial, not a restyle', () => {
    expect(
      decideVerdicts([restyle(PARAMS.partialPhrasing + 0.08)], PARAMS, UNION_ARTICLE).map((j) => j.verdict),
    ).toEqual(['partial']);
  });
});

describe('detectorParams partialPhrasing', () => {
  it('defaults to 0.3 and rejects values outside (0, 1)', () => {
    expect(DEFAULT_DETECTOR_PARAMS.partialPhrasing).toBe(0.3);
    expect(detectorParams({ partialPhrasing: 0.5 }).partialPhrasing).toBe(0.5);
    expect(() => detectorParams({ partialPhrasing: 1 })).toThrow('partialPhrasing must be a number in (0, 1), got 1');
  });
});
