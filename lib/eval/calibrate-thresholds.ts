import { decideVerdicts, unionShares, type UnionShares } from '../detect/decide-verdicts.js';
import type { Verification } from '../detect/judge-article.js';
import type { DetectorParams } from '../detect/detector-params.js';
import { VERDICT_PARAM_NAMES, type VerdictParamName } from '../detect/verdict-params.js';
import { hashString } from '../sketch/hash.js';
import { outcomeOf, summarise, type CheckedArticle, type EvalOutcome, type EvalResult } from './evaluate-corpus.js';

/** Values tried for each verdict threshold (coordinate ascent over these grids). */
export const THRESHOLD_GRID: Readonly<Record<VerdictParamName, readonly number[]>> = Object.freeze({
  copyContainment: [0.6, 0.7, 0.8, 0.9],
  rewriteShare: steps(0.15, 0.8, 0.05),
  restyleFacts: steps(0.1, 0.5, 0.05),
  restyleBlend: steps(0.5, 0.95, 0.05),
  partialShare: steps(0.15, 0.8, 0.05),
  partialPhrasing: steps(0.15, 0.8, 0.05),
  minSourceShare: steps(0.05, 0.3, 0.05),
});

/** Passes of coordinate ascent: the second catches what a threshold moved in the first changes. */
const PASSES = 2;

/** What calibrate reports: the fitted thresholds and figures on the fitted data and cross-validated. */
export interface Calibration {
  readonly fitted: Pick<DetectorParams, VerdictParamName>;
  /** Figures of the fitted thresholds on all the articles they were fitted on (optimistic). */
  readonly inSample: EvalResult;
  /** Each fold judged with thresholds fitted on the other folds: what to expect on new articles. */
  readonly crossValidated: EvalResult;
  /** Figures of the thresholds the run started from. */
  readonly start: EvalResult;
  readonly folds: number;
  /** Whether the fitted thresholds meet the false-alarm ceiling on the fitted data (true without one). */
  readonly meetsCeiling: boolean;
}

/** Options of calibrate. */
export interface CalibrateOptions {
  /** Most false-alarm rate allowed; without it macro-F1 alone is maximised. */
  readonly maxFalseAlarms?: number;
  /** Folds of the cross-validation, by source group (at least 2). */
  readonly folds: number;
}

/**
 * Picks verdict thresholds from verified articles (evaluateCorpus outcomes): coordinate ascent on
 * macro-F1, among settings within the false-alarm ceiling when one is given (the lowest
 * false-alarm rate wins while none is). Cross-validation folds keep every article of one source
 * group (the same `sources` cell) together, so a story never helps fit its own held-out fold.
 */
export function calibrateThresholds(
  articles: readonly CheckedArticle[],
  start: DetectorParams,
  options: CalibrateOptions,
): Calibration {
  const fitted = fit(articles, start, options.maxFalseAlarms);
  const params = { ...start, ...fitted };
  const crossOutcomes: EvalOutcome[] = [];
  for (let fold = 0; fold < options.folds; fold++) {
    const held = articles.filter((a) => foldOf(a, options.folds) === fold);
    if (held.length === 0) continue;
    const train = articles.filter((a) => foldOf(a, options.folds) !== fold);
    crossOutcomes.push(...judge(held, { ...start, ...fit(train, start, options.maxFalseAlarms) }));
  }
  const inSample = summarise(judge(articles, params), 0, 0);
  return {
    fitted,
    inSample,
    crossValidated: summarise(crossOutcomes, 0, 0),
    start: summarise(judge(articles, start), 0, 0),
    folds: options.folds,
    meetsCeiling: options.maxFalseAlarms === undefined || (inSample.falseAlarmRate ?? 0) <= options.maxFalseAlarms,
  };
}

function fit(
  articles: readonly CheckedArticle[],
  start: DetectorParams,
  maxFalseAlarms: number | undefined,
): Pick<DetectorParams, VerdictParamName> {
  let best = pick(start);
  let bestValue = objective(summarise(judge(articles, start), 0, 0), maxFalseAlarms);
  for (let pass = 0; pass < PASSES; pass++) {
    for (const name of VERDICT_PARAM_NAMES) {
      for (const value of THRESHOLD_GRID[name]) {
        const trial = { ...best, [name]: value };
        const v = objective(summarise(judge(articles, { ...start, ...trial }), 0, 0), maxFalseAlarms);
        if (v > bestValue) {
          best = trial;
          bestValue = v;
        }
      }
    }
  }
  return best;
}

/** Larger is better: settings over the ceiling rank below all within it, by their false alarms. */
function objective(r: EvalResult, maxFalseAlarms: number | undefined): number {
  const fa = r.falseAlarmRate ?? 0;
  if (maxFalseAlarms !== undefined && fa > maxFalseAlarms) return -1 - fa;
  return r.macroF1 ?? r.recall ?? 1 - fa;
}

/** Outcomes of the articles under `params`, re-deciding verdicts from their stored evidence. */
export function judge(articles: readonly CheckedArticle[], params: DetectorParams): EvalOutcome[] {
  return articles.map((a) => {
    if (!a.verification) return a;
    const { candidates, article } = a.verification;
    return outcomeOf(
      a.row,
      decideVerdicts(candidates, params, article, cachedUnions(a, a.verification, params.minSourceShare)).map(
        (j) => j.key,
      ),
    );
  });
}

/** Union shares depend only on minSourceShare: computed once per article and value, they make a fit take seconds. */
const UNIONS = new WeakMap<CheckedArticle, Map<number, UnionShares>>();

function cachedUnions(a: CheckedArticle, v: Verification, minSourceShare: number): UnionShares {
  let byValue = UNIONS.get(a);
  if (!byValue) UNIONS.set(a, (byValue = new Map()));
  let u = byValue.get(minSourceShare);
  if (!u) byValue.set(minSourceShare, (u = unionShares(v.candidates, minSourceShare, v.article)));
  return u;
}

function foldOf(a: CheckedArticle, folds: number): number {
  return (hashString([...a.row.sources].sort().join(';')) >>> 0) % folds;
}

function pick(p: DetectorParams): Pick<DetectorParams, VerdictParamName> {
  return Object.fromEntries(VERDICT_PARAM_NAMES.map((n) => [n, p[n]])) as Pick<DetectorParams, VerdictParamName>;
}

function steps(from: number, to: number, by: number): number[] {
  const out: number[] = [];
  for (let x = from; x <= to + 1e-9; x += by) out.push(Math.round(x * 100) / 100);
  return out;
}
