import { indexBandKeys, queryBandKeys } from '../detect/candidate-keys.js';
import { FINGERPRINT_FORMAT_VERSION } from '../detect/fingerprint-record.js';
import type { LaterCopyVerdict } from '../detect/judge-article.js';
import type { Report } from '../report/report.js';
import { checkIndexParams } from '../store/index-params.js';
import type { DatedFingerprint } from './article-dates.js';
import { replaceInIndex, storedFingerprint } from './fingerprint-index.js';
import { judgeAgainstIndex, sketchArticle } from './judge-against-index.js';
import { noStats, type ArticleInput, type DetectDeps, type DetectStats } from './use-case-deps.js';

/**
 * Fingerprints and indexes an article, then judges it against the index: indexing first means
 * two copies of each other indexed at the same moment still find each other. Its place in
 * indexing order is `input.order` (now when absent), except that the same text indexed again
 * keeps the place it had, so it never becomes a later copy of its own copies; changed text
 * takes the new place. Writes no report (ingestArticle does). A rejected article leaves the
 * store and the index as they were; store faults are thrown. Also returns its order and the
 * candidates found to be later copies of it (a pair judged at the same moment; see ingestArticle).
 */
export async function indexArticle(
  deps: DetectDeps,
  input: ArticleInput,
): Promise<{ report: Report; stats: DetectStats; order?: string; racedCopies: readonly LaterCopyVerdict[] }> {
  const article = sketchArticle(deps, input.key, input.bytes);
  if ('status' in article) return { report: article, stats: noStats(), racedCopies: [] };
  await checkIndexParams(deps.store, deps.params, { record: true });
  const bands = queryBandKeys(article.sketch, deps.params);
  const previous = await storedFingerprint(deps.store, input.key);
  const order =
    previous?.contentHash === article.contentHash
      ? previous.order
      : (input.order ?? `${new Date().toISOString()}|${input.key}`);
  const self: DatedFingerprint = {
    formatVersion: FINGERPRINT_FORMAT_VERSION,
    key: input.key,
    title: article.title,
    text: article.text,
    contentHash: article.contentHash,
    wordCount: article.sketch.model.tokens.count,
    signature: article.sketch.signature,
    bandKeys: indexBandKeys(article.sketch, deps.params),
    order,
    ...(article.publishedAt !== undefined ? { publishedAt: article.publishedAt } : {}),
  };
  await replaceInIndex(deps, self, previous);
  const judged = await judgeAgainstIndex(deps, { ...article, order }, { bands, sourcesBefore: order, indexed: true });
  return { ...judged, order };
}
