import { prepareText, type PreparedText } from '../detect/compare-texts.js';
import { decodeFingerprint } from '../detect/fingerprint-record.js';
import { modelText } from '../detect/fingerprint.js';
import { judgeArticle, type LaterCopyVerdict, type Verification } from '../detect/judge-article.js';
import { bandLimits, scoreCandidates } from '../detect/rank-candidates.js';
import { contentHash, sketchText, type SketchedText } from '../detect/sketch-text.js';
import { ArticleRejectedError } from '../errors.js';
import { buildMatch, okReport, rejectedReport } from '../report/build-report.js';
import type { Report } from '../report/report.js';
import { fingerprintKey } from '../store/keys.js';
import { MAX_ENTRIES_PER_BAND } from '../store/ports.js';
import { mapLimit } from '../util/map-limit.js';
import { datesOf, indexedAtOf, judgingOrders, type DatedFingerprint } from './article-dates.js';
import { listLaterCopies } from './later-copies.js';
import { prepareArticle } from './prepare-article.js';
import type { DetectDeps, DetectStats } from './use-case-deps.js';

/** Candidate fingerprints read at once (a few hundred KB in flight at most). */
const FINGERPRINT_FETCH_CONCURRENCY = 16;

/** Most prepared texts a cache keeps (a few MB); the oldest are dropped first. */
const PREPARED_CACHE_LIMIT = 2000;

/** An article ready to be judged: cleaned, sketched, and placed in indexing order. */
export interface SketchedArticle {
  readonly key: string;
  readonly title: string;
  readonly text: string;
  readonly contentHash: string;
  readonly sketch: SketchedText;
  readonly order: string;
  /** Publication time its file declares (ISO 8601 UTC). */
  readonly publishedAt?: string;
}

/**
 * Looks the article's keys up in the index, scores the candidates by how rare the shared keys are, reads the best candidates' fingerprints and judges
 * the article against them (judgeArticle). With `sourcesBefore` (the article's indexing order) only
 * candidates that came first may be sources: published earlier when both give a publication time,
 * else indexed earlier (article-dates.ts); the others are judged as possible later copies.
 */
export async function judgeAgainstIndex(
  deps: DetectDeps,
  article: SketchedArticle,
  query: { bands: readonly string[]; sourcesBefore: string | undefined; indexed: boolean },
): Promise<{
  report: Report;
  stats: DetectStats;
  verification: Verification;
  racedCopies: readonly LaterCopyVerdict[];
}> {
  const { params, store, index } = deps;
  const limits = bandLimits(params, await index.size(), MAX_ENTRIES_PER_BAND);
  const search = scoreCandidates(await index.readBands(query.bands, limits.cap), limits, article.key);
  const ranked = search.candidates.slice(0, params.maxCandidates);
  // fetched side by side: on S3 each GET is a round trip of tens of milliseconds
  const fetched = await mapLimit(ranked, FINGERPRINT_FETCH_CONCURRENCY, ({ key }) => store.get(fingerprintKey(key)));
  const records = new Map<string, { record: DatedFingerprint; text: PreparedText }>();
  for (const [i, { key }] of ranked.entries()) {
    const bytes = fetched[i];
    if (!bytes) continue; // withdrawn between the index listing and now
    const record = decodeFingerprint(bytes, key);
    records.set(key, { record, text: preparedSource(deps.preparedCache, record) });
  }
  const stats: DetectStats = {
    candidatesFound: search.candidates.length,
    bandsSkipped: search.bandsSkipped,
    candidatesVerified: records.size,
    fingerprintsRead: ranked.length,
  };
  const articleText = prepareText(article.sketch.model);
  const candidates = [...records].map(([key, c]) => ({
    key,
    order: c.record.order,
    publishedAt: c.record.publishedAt,
    text: c.text,
  }));
  const ordered =
    query.sourcesBefore === undefined
      ? { sourcesBefore: undefined, candidates }
      : judgingOrders({ order: query.sourcesBefore, publishedAt: article.publishedAt }, candidates);
  const judgement = judgeArticle(
    { key: article.key, order: article.order, text: articleText },
    ordered.candidates,
    params,
    ordered.sourcesBefore,
  );
  // an indexed article's report is saved, and saveReport lists its later copies then
  const later = query.indexed ? { copies: [], total: 0 } : await listLaterCopies(store, article.key);
  const self = { text: article.text, model: article.sketch.model, signature: article.sketch.signature };
  const report = okReport({
    article: {
      key: article.key,
      title: article.title,
      wordCount: article.sketch.model.tokens.count,
      commentWords: articleText.commentWords,
      contentHash: article.contentHash,
      text: article.text,
      indexedAt: query.indexed ? indexedAtOf(article.order) : null,
      publishedAt: article.publishedAt ?? null,
    },
    matches: judgement.sources.map((j) => {
      const src = records.get(j.key)!;
      return buildMatch(j, self, { record: src.record, model: src.text.model, dates: datesOf(src.record) });
    }),
    candidates: {
      found: stats.candidatesFound,
      verified: stats.candidatesVerified,
      top: ranked.map(({ key, estimatedSimilarity }) => ({ key, estimatedSimilarity })),
    },
    indexed: query.indexed,
    laterCopies: later.copies,
    laterCopiesTotal: later.total,
    params,
  });
  return { report, stats, verification: judgement.verification, racedCopies: judgement.laterCopies };
}

/** Tokenized, sentence-split form of a stored fingerprint, from the cache when it is there. */
function preparedSource(cache: Map<string, PreparedText> | undefined, record: DatedFingerprint): PreparedText {
  const hit = cache?.get(record.contentHash);
  if (hit) return hit;
  const text = prepareText(modelText(record.text));
  if (cache) {
    if (cache.size >= PREPARED_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(record.contentHash, text);
  }
  return text;
}

/**
 * Cleans and sketches an article, or returns the rejected report of one that cannot be judged
 * (empty, binary, too short...); other errors are faults and are thrown.
 */
export function sketchArticle(
  deps: DetectDeps,
  key: string,
  bytes: Uint8Array,
): Omit<SketchedArticle, 'order'> | Report {
  let prepared: ReturnType<typeof prepareArticle>;
  try {
    prepared = prepareArticle(key, bytes, deps.params);
  } catch (err) {
    if (err instanceof ArticleRejectedError) return rejectedReport(key, err, deps.params);
    throw err;
  }
  return { key, ...prepared, contentHash: contentHash(prepared.text), sketch: sketchText(prepared.text, deps.params) };
}
