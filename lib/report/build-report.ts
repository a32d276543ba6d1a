import type { ArticleRejectedError } from '../errors.js';
import type { AlignedPair } from '../detect/align.js';
import type { JudgedSource } from '../detect/decide-verdicts.js';
import { round, type PairEvidence } from '../detect/evidence.js';
import type { DetectorParams } from '../detect/detector-params.js';
import type { FingerprintRecord } from '../detect/fingerprint-record.js';
import type { TextModel } from '../detect/fingerprint.js';
import { estimateJaccard, type MinHash } from '../sketch/minhash.js';
import { DETECTOR_VERSION } from '../version.js';
import {
  REPORT_SCHEMA_VERSION,
  type ArticleDates,
  type Match,
  type MatchMeasures,
  type Passage,
  type OkReport,
  type RejectedReport,
  type Report,
  type WithdrawnReport,
} from './report.js';

/** A text as a report quotes it: its cleaned text and its model (whose sentences give the offsets). */
export interface QuotedText {
  readonly text: string;
  readonly model: TextModel;
}

/**
 * One flagged source as the report shows it: measures rounded, aligned passages quoted from both
 * texts, and the counterparts (sentences at the same place, reworded past the alignment's bar).
 */
export function buildMatch(
  judged: JudgedSource,
  article: QuotedText & { signature: MinHash },
  source: { record: FingerprintRecord; model: TextModel; dates: ArticleDates },
): Match {
  const e = judged.evidence;
  const quoted = { text: source.record.text, model: source.model };
  return {
    key: judged.key,
    title: source.record.title,
    indexedAt: source.dates.indexedAt,
    publishedAt: source.dates.publishedAt,
    verdict: judged.verdict,
    score: judged.score,
    measures: {
      ...pairMeasures(e),
      derivedShare: round(e.derivedShare),
      estimatedJaccard: round(estimateJaccard(article.signature, source.record.signature)),
    },
    passages: e.pairs.map((p) => quotePair(p, article, quoted)),
    counterparts: e.counterparts.map((p) => quotePair(p, article, quoted)),
  };
}

/** The measures of a pair that `compare` prints and a report's match holds, rounded (the report adds derivedShare and estimatedJaccard). */
export function pairMeasures(e: PairEvidence): Omit<MatchMeasures, 'derivedShare' | 'estimatedJaccard'> {
  return {
    alignedShare: round(e.alignedShare),
    containment: round(e.containment),
    jaccard: round(e.jaccard),
    trigramContainment: round(e.trigramContainment),
    phrasingShare: round(e.phrasingShare),
    orderedFacts: round(e.orderedFacts),
    orderedBareFacts: round(e.orderedBareFacts),
    alignedSentences: e.pairs.length,
  };
}

/** An aligned pair of sentences quoted from both texts, at their offsets in the cleaned texts. */
export function quotePair(p: AlignedPair, article: QuotedText, source: QuotedText): Passage {
  const a = article.model.sentences[p.a]!;
  const b0 = source.model.sentences[p.b]!;
  const b1 = source.model.sentences[p.bEnd - 1]!;
  return {
    score: round(p.score),
    article: { start: a.start, end: a.end, text: article.text.slice(a.start, a.end) },
    source: { start: b0.start, end: b1.end, text: source.text.slice(b0.start, b1.end) },
  };
}

/** The report of a judged article; the best match (matches come best first) is its verdict. */
export function okReport(
  parts: Pick<OkReport, 'article' | 'matches' | 'candidates' | 'indexed' | 'laterCopies' | 'laterCopiesTotal'> & {
    params: DetectorParams;
  },
): OkReport {
  const best = parts.matches[0];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    article: parts.article,
    status: 'ok',
    error: null,
    verdict: best ? best.verdict : 'original',
    rewriteOf: best ? { key: best.key, verdict: best.verdict, score: best.score } : null,
    matches: parts.matches,
    candidates: parts.candidates,
    indexed: parts.indexed,
    laterCopies: parts.laterCopies,
    laterCopiesTotal: parts.laterCopiesTotal,
    detector: detectorInfo(parts.params),
  };
}

/** The report of an article that could not be judged. */
export function rejectedReport(key: string, err: ArticleRejectedError, params: DetectorParams): RejectedReport {
  return {
    ...unjudged(
      { key, title: '', wordCount: 0, contentHash: null, text: '', indexedAt: null, publishedAt: null },
      params,
    ),
    status: 'rejected',
    error: { code: err.code, message: err.message },
  };
}

/** The report of an article deleted from the bucket: it left the index and is no longer anyone's source. */
export function withdrawnReport(key: string, title: string, params: DetectorParams): WithdrawnReport {
  const article = { key, title, wordCount: 0, contentHash: null, text: '', indexedAt: null, publishedAt: null };
  return { ...unjudged(article, params), status: 'withdrawn', error: null };
}

/** The fields of a report without a verdict, matches or candidates, never indexed; status and error go in place. */
function unjudged(article: Report['article'], params: DetectorParams): Omit<RejectedReport, 'status' | 'error'> {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    article,
    verdict: null,
    rewriteOf: null,
    matches: [],
    candidates: { found: 0, verified: 0, top: [] },
    indexed: false,
    laterCopies: [],
    laterCopiesTotal: 0,
    detector: detectorInfo(params),
  };
}

/** The detector block of a report: version and every parameter, so a report says what judged it. */
export function detectorInfo(params: DetectorParams): Report['detector'] {
  return { version: DETECTOR_VERSION, params: { ...params } };
}
