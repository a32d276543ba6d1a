import type { Verification } from '../detect/judge-article.js';
import type { Report } from '../report/report.js';
import { queryBandKeys } from '../detect/candidate-keys.js';
import { checkIndexParams } from '../store/index-params.js';
import { storedFingerprint } from './fingerprint-index.js';
import { judgeAgainstIndex, sketchArticle } from './judge-against-index.js';
import { noStats, type ArticleInput, type DetectDeps, type DetectStats } from './use-case-deps.js';

/**
 * Judges an article against the index without adding it or writing anything. An article that is
 * itself indexed keeps its stored place in indexing order, so its own later copies are not named
 * as its sources; any other may have every indexed article as a source.
 */
export async function checkArticle(
  deps: DetectDeps,
  input: ArticleInput,
): Promise<{ report: Report; stats: DetectStats; verification?: Verification }> {
  const article = sketchArticle(deps, input.key, input.bytes);
  if ('status' in article) return { report: article, stats: noStats() };
  await checkIndexParams(deps.store, deps.params, { record: false });
  const order = input.order ?? `${new Date().toISOString()}|${input.key}`;
  const sourcesBefore = (await storedFingerprint(deps.store, input.key))?.order;
  return judgeAgainstIndex(
    deps,
    { ...article, order },
    { bands: queryBandKeys(article.sketch, deps.params), sourcesBefore, indexed: false },
  );
}
