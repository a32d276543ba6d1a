import { DENSE_GAP_SHARE, gapCounterparts, MAX_GAP_SENTENCES } from '../../../lib/detect/align.js';
import { compareTexts, prepareText, type PreparedText } from '../../../lib/detect/compare-texts.js';
import { DEFAULT_DETECTOR_PARAMS } from '../../../lib/detect/detector-params.js';
import { modelText } from '../../../lib/detect/fingerprint.js';

const PARAMS = DEFAULT_DETECTOR_PARAMS;

/** The wire's lead, then four sentences a rewrite keeps close. */
const LEAD =
  'More than 2,400 dock workers walked off the job at Port Calder on Friday after pay talks broke down late on Thursday night.';
const BODY = [
  'The Calder Dockers Union said its members had rejected a final offer of a 4.5 percent raise over two years.',
  'The port operator said the walkout would cost the regional economy about 18 million dollars a day.',
  'At least 14 container vessels were waiting at anchor off the breakwater, according to the harbour master.',
  'Two cruise ships due on Saturday have been diverted to the smaller port of Essling.',
];
/** The same lead reworded past the alignment's bar: the names and numbers stay, the wording goes. */
const REWORDED_LEAD =
  'Over 2,400 port employees stopped work at Port Calder on Friday when negotiations on a fresh wage agreement fell apart overnight.';
/** BODY restyled sentence by sentence, each past the alignment's bar: a few names and numbers stay. */
const RESTYLED_BODY = [
  'Its members threw out the last proposal from management, the Calder Dockers Union announced, calling the sum an insult.',
  'Losses for the region could reach 18 million dollars daily while the stoppage lasts, warned a spokesman for the operator.',
  'Cargo vessels have been stacking up beyond the breakwater, with the harbour master putting the count at 14.',
  'Passengers on two cruise ships will now disembark in Essling instead, the line confirmed.',
];
/** A sentence with nothing of the wire's. */
const NEW_LEAD = 'Shoppers in the capital queued for hours on Sunday as a new bakery opened its doors.';

function prepare(sentences: readonly string[]): PreparedText {
  return prepareText(modelText(sentences.join(' ')));
}

function counterparts(article: readonly string[], source: readonly string[]): Array<[string, string, number]> {
  const a = prepare(article);
  const b = prepare(source);
  const { pairs } = compareTexts(a, b, PARAMS);
  const quote = (t: PreparedText, i: number): string =>
    t.model.text.slice(t.model.sentences[i]!.start, t.model.sentences[i]!.end);
  return gapCounterparts(a.sentences, b.sentences, pairs, PARAMS).map((p) => [quote(a, p.a), quote(b, p.b), p.score]);
}

describe('gapCounterparts', () => {
  it('pairs a reworded lead with the source lead at the same place, below the alignment bar', () => {
    const found = counterparts([REWORDED_LEAD, ...BODY], [LEAD, ...BODY]);
    expect(found.map(([a, b]) => [a, b])).toEqual([[REWORDED_LEAD, LEAD]]);
    const score = found[0]![2];
    expect(score).toBeGreaterThanOrEqual(PARAMS.minSentenceScore / 2);
    expect(score).toBeLessThan(PARAMS.minSentenceScore);
  });

  it('pairs nothing with a sentence that shares none of its words, nor any aligned sentence', () => {
    expect(counterparts([NEW_LEAD, ...BODY], [LEAD, ...BODY])).toEqual([]);
    expect(counterparts([LEAD, ...BODY], [LEAD, ...BODY])).toEqual([]);
  });

  it('looks only between the same aligned sentences: a reworded lead moved to the end is not paired', () => {
    expect(counterparts([...BODY, REWORDED_LEAD], [LEAD, ...BODY])).toEqual([]);
  });

  it(`pairs a stretch of more than ${MAX_GAP_SENTENCES} sentences after an aligned one when it is restyled sentence by sentence`, () => {
    expect(RESTYLED_BODY.length).toBeGreaterThan(MAX_GAP_SENTENCES);
    const found = counterparts([LEAD, ...RESTYLED_BODY], [LEAD, ...BODY]);
    expect(found.map(([a, b]) => [a, b])).toEqual(RESTYLED_BODY.map((r, i) => [r, BODY[i]]));
    for (const [, , score] of found) expect(score).toBeLessThan(PARAMS.minSentenceScore);
  });

  it(`leaves such a stretch alone when fewer than ${DENSE_GAP_SHARE} of its sentences have a counterpart in order`, () => {
    const filler = ['Rain is forecast in Oslo.', 'Trains in Lima ran late.', 'Bread prices in Rome rose.'];
    expect(counterparts([LEAD, RESTYLED_BODY[0]!, ...filler], [LEAD, ...BODY])).toEqual([]);
  });

  it(`leaves a gap of at most ${MAX_GAP_SENTENCES} article sentences beside a longer stretch of the source alone`, () => {
    const longer = [...BODY, 'The harbour master said the queue of vessels would take a week to clear.'];
    expect(counterparts([LEAD, ...RESTYLED_BODY.slice(0, 2)], [LEAD, ...longer])).toEqual([]);
  });

  it('leaves a long stretch before the first aligned sentence alone: independent reports of one event open alike', () => {
    expect(counterparts([...RESTYLED_BODY, LEAD], [...BODY, LEAD])).toEqual([]);
  });

  it(`leaves a leading gap of more than ${MAX_GAP_SENTENCES} sentences a side alone: that is new material`, () => {
    const padding = Array.from(
      { length: MAX_GAP_SENTENCES },
      (_, i) => `Filler sentence number ${i + 1} talks about weather in Oslo.`,
    );
    expect(counterparts([...padding, REWORDED_LEAD, ...BODY], [LEAD, ...BODY])).toEqual([]);
    expect(counterparts([...padding.slice(1), REWORDED_LEAD, ...BODY], [LEAD, ...BODY]).map(([a]) => a)).toEqual([
      REWORDED_LEAD,
    ]);
  });

  it('pairs nothing when no sentence aligned: nothing vouches for the place in two short texts', () => {
    const article = [REWORDED_LEAD, RESTYLED_BODY[1]!];
    const source = [LEAD, BODY[1]!];
    expect(compareTexts(prepare(article), prepare(source), PARAMS).pairs).toEqual([]);
    expect(counterparts(article, source)).toEqual([]);
  });

  it('finds nothing when either text has no sentence', () => {
    expect(gapCounterparts([], prepare(BODY).sentences, [], PARAMS)).toEqual([]);
    expect(gapCounterparts(prepare(BODY).sentences, [], [], PARAMS)).toEqual([]);
  });
});
