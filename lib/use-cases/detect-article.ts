import { ArticleRejectedError } from '../errors.js';
import { mapLimit } from '../util/map-limit.js';
import { extractArticle } from '../text/extract-article.js';
import { cleanText } from '../text/clean-text.js';
import { sketchText, contentHash } from '../detect/sketch-text.js';
import { bandKeys } from '../sketch/lsh.js';
import { passageBandKeys } from '../detect/passage-band-keys.js';
import { articleWeights, compareTexts, prepareText, type PreparedText } from '../detect/compare-texts.js';
import { decideVerdicts, type ArticleWeights, type CandidateEvidence } from '../detect/decide-verdicts.js';
import { modelText } from '../detect/fingerprint.js';
import { rankCandidates } from '../detect/rank-candidates.js';
import { decodeFingerprint, encodeFingerprint, FINGERPRINT_FORMAT_VERSION, type FingerprintRecord } from '../detect/fingerprint-record.js';
import type { DetectorParams } from '../detect/detector-params.js';
import type { LshIndex, ObjectStore } from '../store/ports.js';
import { fingerprintKey, htmlReportKey, keyProblem, reportKey } from '../store/keys.js';
import { renderReportHtml } from '../report/render-report-html.js';
import type { LaterCopy, Report } from '../report/report.js';
import { buildMatch, okReport, rejectedReport } from '../report/build-report.js';

/** What the use case needs: the same for the CLI, the Lambda and the tests. */
export interface DetectDeps {
  readonly store: ObjectStore;
  readonly index: LshIndex;
  readonly params: DetectorParams;
  /** Prepared source texts by content hash; a warm process reuses them across articles. */
  readonly preparedCache?: Map<string, PreparedText>;
}

/** Candidate fingerprints read at once (a few hundred KB in flight at most). */
const FINGERPRINT_FETCH_CONCURRENCY = 16;

/** Most prepared texts a cache keeps (a few MB); the oldest are dropped first. */
const PREPARED_CACHE_LIMIT = 2000;

/** One article to judge. */
export interface ArticleInput {
  readonly key: string;
  readonly bytes: Uint8Array;
  /** Indexing order ("<ISO time>|<key>"); the earlier of two related articles is the source. */
  readonly order?: string;
}

/** What verdicts were decided from, so thresholds can be fitted without verifying again (calibrate). */
export interface Verification {
  readonly candidates: readonly CandidateEvidence[];
  readonly article: ArticleWeights;
}

/** Counters for logs and benchmarks. */
export interface DetectStats {
  candidatesFound: number;
  candidatesVerified: number;
  fingerprintsRead: number;
}

/**
 * Judges one article against the index. With `addToIndex`, it is fingerprinted and indexed
 * first, so two copies of each other indexed at the same moment still find each other; only
 * candidates earlier in indexing order are named as sources. Expected failures of the article
 * become a rejected report; store faults are thrown.
 */
export async function detectArticle(deps: DetectDeps, input: ArticleInput, options: { addToIndex: boolean }): Promise<{ report: Report; stats: DetectStats; verification?: Verification }> {
  const stats: DetectStats = { candidatesFound: 0, candidatesVerified: 0, fingerprintsRead: 0 };
  let prepared: { title: string; text: string };
  try {
    prepared = prepareArticle(input.key, input.bytes, deps.params);
  } catch (err) {
    if (err instanceof ArticleRejectedError) return { report: rejectedReport(input.key, err, deps.params), stats };
    throw err;
  }
  const { params, store, index } = deps;
  const sketch = sketchText(prepared.text, params);
  const bands = bandKeys(sketch.signature, params.lsh);
  const hash = contentHash(prepared.text);
  const previous = options.addToIndex ? await storedFingerprint(store, input.key) : undefined;
  // the same text indexed again (a re-upload, a redelivered event) keeps its place in the order,
  // so it never becomes a later copy of its own copies
  const order = previous?.contentHash === hash ? previous.order : (input.order ?? `${new Date().toISOString()}|${input.key}`);
  const self: FingerprintRecord = {
    formatVersion: FINGERPRINT_FORMAT_VERSION,
    key: input.key,
    title: prepared.title,
    text: prepared.text,
    contentHash: hash,
    wordCount: sketch.model.tokens.count,
    contentTermCount: sketch.contentTermCount,
    signature: sketch.signature,
    bandKeys: options.addToIndex ? [...new Set([...bands, ...passageBandKeys(sketch.model, params)])] : bands,
    order,
  };
  let indexed = false;
  // only articles indexed before this one may be its sources; a checked article that is itself
  // indexed keeps its stored place in that order (so its own later copies are not its source)
  let sourcesBefore: string | undefined = order;
  if (options.addToIndex) {
    indexed = true;
    await replaceInIndex(deps, self, previous);
  } else {
    sourcesBefore = (await storedFingerprint(store, input.key))?.order;
  }

  const hits = await index.query(bands);
  hits.delete(input.key);
  stats.candidatesFound = hits.size;
  const ranked = rankCandidates(hits, params.lsh, params.maxCandidates);
  const articleText = prepareText(sketch.model);
  const sources = new Map<string, { record: FingerprintRecord; text: PreparedText }>();
  const evidence: CandidateEvidence[] = [];
  const laterCopies: LaterCopy[] = [];
  // fetched side by side: on S3 each GET is a round trip of tens of milliseconds
  const fetched = await mapLimit(ranked, FINGERPRINT_FETCH_CONCURRENCY, ({ key }) => store.get(fingerprintKey(key)));
  stats.fingerprintsRead = ranked.length;
  for (const [i, { key }] of ranked.entries()) {
    const bytes = fetched[i];
    if (!bytes) continue; // withdrawn between the index listing and now
    const record = decodeFingerprint(bytes, key);
    const text = preparedSource(deps.preparedCache, record);
    stats.candidatesVerified++;
    if (sourcesBefore !== undefined && record.order > sourcesBefore) {
      // the later article is never the source; but when both were indexed at once, this may be
      // the only report that sees the pair, so it says which later articles derive from it
      const later = judgeAgainst(text, { key: input.key, order: self.order, text: articleText }, params);
      if (later) laterCopies.push({ key, verdict: later.verdict, score: later.score });
      continue;
    }
    sources.set(key, { record, text });
    evidence.push({ key, order: record.order, evidence: compareTexts(articleText, text, params) });
  }
  const weights = articleWeights(articleText, params.quoteWeight);
  const judged = decideVerdicts(evidence, params, weights);
  const matches = judged.map((j) => {
    const src = sources.get(j.key)!;
    return buildMatch(j, { text: prepared.text, model: sketch.model, signature: sketch.signature }, { record: src.record, model: src.text.model });
  });
  const report = okReport({
    article: { key: input.key, title: prepared.title, wordCount: self.wordCount, contentHash: self.contentHash },
    matches,
    candidates: { found: stats.candidatesFound, verified: stats.candidatesVerified, top: ranked.map(({ key, estimatedSimilarity }) => ({ key, estimatedSimilarity })) },
    indexed,
    laterCopies,
    params,
  });
  return { report, stats, verification: { candidates: evidence, article: weights } };
}

/** How one text derives from one earlier source, or undefined when it does not. */
function judgeAgainst(article: PreparedText, source: { key: string; order: string; text: PreparedText }, params: DetectorParams): { verdict: LaterCopy['verdict']; score: number } | undefined {
  const evidence = compareTexts(article, source.text, params);
  const [judged] = decideVerdicts([{ key: source.key, order: source.order, evidence }], params, articleWeights(article, params.quoteWeight));
  return judged ? { verdict: judged.verdict, score: judged.score } : undefined;
}

/** The stored fingerprint of an article, when it is indexed. */
async function storedFingerprint(store: ObjectStore, key: string): Promise<FingerprintRecord | undefined> {
  const bytes = await store.get(fingerprintKey(key));
  return bytes ? decodeFingerprint(bytes, key) : undefined;
}

/** Tokenized, sentence-split form of a stored fingerprint, from the cache when it is there. */
function preparedSource(cache: Map<string, PreparedText> | undefined, record: FingerprintRecord): PreparedText {
  const hit = cache?.get(record.contentHash);
  if (hit) return hit;
  const text = prepareText(modelText(record.text));
  if (cache) {
    if (cache.size >= PREPARED_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(record.contentHash, text);
  }
  return text;
}

/** Writes the JSON report and, beside it, the HTML page a person opens (`<key>.json`, `<key>.html`). */
export async function saveReport(store: ObjectStore, report: Report): Promise<void> {
  await store.put(reportKey(report.article.key), `${JSON.stringify(report, null, 2)}\n`, 'application/json');
  await store.put(htmlReportKey(report.article.key), renderReportHtml(report), 'text/html; charset=utf-8');
}

/** Removes an article from the index and its fingerprint (entries first, so a retry still finds them); safe to repeat. Returns the removed fingerprint. */
export async function withdrawArticle(deps: Pick<DetectDeps, 'store' | 'index'>, key: string): Promise<FingerprintRecord | undefined> {
  const old = await storedFingerprint(deps.store, key);
  if (!old) return undefined;
  await deps.index.remove(key, old.bandKeys);
  await deps.store.delete(fingerprintKey(key));
  return old;
}

/** Stores the fingerprint, then indexes it; an earlier version under the same key leaves the index first. */
async function replaceInIndex(deps: DetectDeps, self: FingerprintRecord, old: FingerprintRecord | undefined): Promise<void> {
  if (old) {
    const keep = new Set(self.bandKeys);
    const stale = old.bandKeys.filter((k) => !keep.has(k));
    if (stale.length > 0) await deps.index.remove(self.key, stale);
  }
  // fingerprint before index entries: a reader that finds an entry can always read its fingerprint
  await deps.store.put(fingerprintKey(self.key), encodeFingerprint(self), 'application/json');
  await deps.index.add(self.key, self.bandKeys);
}

/** Extracts, cleans and size-checks an article; throws ArticleRejectedError. */
export function prepareArticle(key: string, bytes: Uint8Array, params: Pick<DetectorParams, 'maxBytes' | 'minWords'>): { title: string; text: string } {
  const problem = keyProblem(key);
  if (problem) throw new ArticleRejectedError('bad-key', `key ${JSON.stringify(key)} is not a plain relative path: ${problem}`);
  const extracted = extractArticle(key, bytes, params.maxBytes);
  const clean = cleanText(extracted.text);
  const words = modelText(clean.text).tokens.count;
  if (words < params.minWords) {
    throw new ArticleRejectedError('too-short', `${words} words of story text after removing boilerplate; at least ${params.minWords} are needed to judge`);
  }
  return { title: extracted.title, text: clean.text };
}
