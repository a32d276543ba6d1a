import { ArticleRejectedError } from '../errors.js';
import { decodeFingerprint } from '../detect/fingerprint-record.js';
import { contentHash } from '../detect/sketch-text.js';
import { detectorInfo } from '../report/build-report.js';
import type { Report } from '../report/report.js';
import { fingerprintKey } from '../store/keys.js';
import type { ArticleRead, ArticleSource } from '../store/ports.js';
import { prepareArticle } from './prepare-article.js';
import { loadReport } from './stored-reports.js';
import { processArticleEvent, screenKey, type ArticleEventDeps, type EventOutcome } from './process-article-event.js';

/** One archived object to judge: where it is. */
export interface ArchivedArticle {
  readonly bucket: string;
  readonly key: string;
  /** Its size when a listing gave it: an empty object is then read without a range (see S3ArticleSource). */
  readonly size?: number | undefined;
}

/** What became of one archived article: as its upload event would have ended, unchanged when already judged, or missing when the key holds no object. */
export type BackfillOutcome =
  | EventOutcome
  | { readonly action: 'unchanged'; readonly key: string; readonly report: Report }
  | { readonly action: 'missing'; readonly key: string };

/**
 * Judges an article already in the bucket as if its upload event had just arrived, placed in
 * indexing order by the object's LastModified, so that the older articles of an archive are the
 * sources of the newer ones. Safe to repeat: an article already judged, with the same text and
 * the same detector settings, is left as it is (its report is returned), so a second backfill,
 * or one over articles the trigger already judged, changes no report and no index entry.
 * Judging it again would not be idempotent: it would now list the archive's later articles
 * under laterCopies. Other articles (new, edited, or judged by other settings) keep the order
 * they were first indexed with when their text is unchanged.
 * Backfilling in any order is correct (each article is indexed before it queries), but a source
 * judged after its rewrite names it only under laterCopies and re-judges the rewrite's report if
 * it exists; processing in LastModified order lets each rewrite name its source directly.
 */
export async function backfillArticle(deps: ArticleEventDeps, article: ArchivedArticle): Promise<BackfillOutcome> {
  const { bucket, key } = article;
  const screened = screenKey(deps.incomingPrefix, key);
  if (screened) return screened;
  const read = await deps.source.read(key, deps.params.maxBytes, article.size);
  // a key listed in a manifest and deleted since: its removal event withdraws it, nothing to judge
  if (read.kind === 'missing') return { action: 'missing', key };
  const judged = read.kind === 'found' ? await alreadyJudged(deps, key, read.bytes) : undefined;
  if (judged) return { action: 'unchanged', key, report: judged };
  // only an empty object has no LastModified (S3 answers its range with 416); it is rejected before any order is used
  const lastModified = read.kind === 'found' ? read.lastModified : undefined;
  const eventTime = (lastModified ?? new Date()).toISOString();
  const event = {
    kind: 'created',
    bucket,
    key,
    eTag: read.kind === 'found' ? read.etag : undefined,
    size: read.kind === 'found' ? read.size : undefined,
    eventTime,
  } as const;
  // the created branch reads the object again: hand it the read already done (one GET per article)
  return processArticleEvent({ ...deps, source: withFirstRead(deps.source, key, read) }, event);
}

/**
 * The stored report of an article already judged as it is now: an ok report of the same text by
 * the same detector settings, with its fingerprint indexed. Rejected articles are judged again:
 * that is cheap (no index work) and gives the same report.
 */
async function alreadyJudged(deps: ArticleEventDeps, key: string, bytes: Uint8Array): Promise<Report | undefined> {
  const report = await loadReport(deps, key);
  if (
    !report ||
    report.status !== 'ok' ||
    !report.indexed ||
    JSON.stringify(report.detector) !== JSON.stringify(detectorInfo(deps.params))
  )
    return undefined;
  let text: string;
  try {
    text = prepareArticle(key, bytes, deps.params).text;
  } catch (err) {
    if (err instanceof ArticleRejectedError) return undefined;
    throw err;
  }
  const hash = contentHash(text);
  if (report.article.contentHash !== hash) return undefined;
  const fingerprint = await deps.store.get(fingerprintKey(key));
  return fingerprint && decodeFingerprint(fingerprint, key).contentHash === hash ? report : undefined;
}

/** A source whose first read of `key` returns `read`; every other call goes to `source`. */
function withFirstRead(source: ArticleSource, key: string, read: ArticleRead): ArticleSource {
  let served = false;
  return {
    read: async (k, maxBytes, expectedSize) => {
      if (!served && k === key) {
        served = true;
        return read;
      }
      return source.read(k, maxBytes, expectedSize);
    },
    exists: (k) => source.exists(k),
  };
}
