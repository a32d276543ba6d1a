import type { RejectionCode } from '../errors.js';
import type { Verdict } from '../detect/evidence.js';

/**
 * A report's verdict: the detector's, or `licensed` — a copy or rewrite of a source on the
 * configured licensed list (licensed-sources.ts): shown, never alerted.
 */
export type ReportVerdict = Verdict | 'licensed';

/** Bump on any incompatible change of the report layout (docs/report-schema.md); decodeReport migrates older ones. */
export const REPORT_SCHEMA_VERSION = 2;

/** How many later copies a source's report lists (the newest); `laterCopiesTotal` counts them all. */
export const LATER_COPIES_SHOWN = 100;

/** When an article entered the index and when it says it was published (ISO 8601 UTC; null: unknown or not given). */
export interface ArticleDates {
  /** Time of its place in indexing order; null when it was not indexed (check) or the report predates schema 2. */
  readonly indexedAt: string | null;
  /** Publication time from the file's metadata (HTML meta, JSON-LD, <time>, JSON publishedAt); null when not given. */
  readonly publishedAt: string | null;
}

/** A character range of a document's cleaned text, with the text itself. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** An aligned pair of passages: evidence that one sentence was derived from the other. */
export interface Passage {
  readonly score: number;
  readonly article: TextSpan;
  readonly source: TextSpan;
}

/** Exact measures of one verified source. */
export interface MatchMeasures {
  readonly alignedShare: number;
  readonly derivedShare: number;
  readonly containment: number;
  readonly jaccard: number;
  readonly estimatedJaccard: number;
  readonly trigramContainment: number;
  /** Share of the article's unquoted words in unquoted word 3-grams found verbatim in the source (added in 0.2; schema stays 1). */
  readonly phrasingShare: number;
  /** Share of the smaller text's facts (distinctive terms, numbers) kept in the same order, beyond chance. */
  readonly orderedFacts: number;
  /** orderedFacts with the article's new rare words that are not names counted only as far as its names and numbers are new (a restyle's added colour is not new reporting). */
  readonly orderedBareFacts: number;
  readonly alignedSentences: number;
}

/** One flagged source of the article. */
export interface Match extends ArticleDates {
  readonly key: string;
  readonly title: string;
  readonly verdict: Exclude<ReportVerdict, 'original'>;
  readonly score: number;
  readonly measures: MatchMeasures;
  readonly passages: readonly Passage[];
  /**
   * Sentences the alignment left out that stand at the same place in both texts and have words
   * in common (a reworded lead, a heavy restyle), in article order: counted in
   * measures.alignedShare, not in alignedSentences. Added within schema 2; a report written
   * before reads as none.
   */
  readonly counterparts: readonly Passage[];
}

/** A later article found to derive from this one: its key, title, how and when. */
export interface LaterCopy extends ArticleDates {
  readonly key: string;
  readonly title: string;
  readonly verdict: Exclude<ReportVerdict, 'original'>;
  readonly score: number;
}

/** A flagged source named as the article's verdict. */
export interface RewriteOf {
  readonly key: string;
  readonly verdict: Exclude<ReportVerdict, 'original'>;
  readonly score: number;
}

/** LSH candidates: how many, how many were verified, and the ones considered with their estimate. */
export interface CandidateSummary {
  readonly found: number;
  readonly verified: number;
  readonly top: ReadonlyArray<{ readonly key: string; readonly estimatedSimilarity: number }>;
}

/** Fields every report has, whatever its status. */
interface ReportBase {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly article: ArticleDates & {
    readonly key: string;
    readonly title: string;
    readonly wordCount: number;
    /**
     * Words of its comment, left out of the aligned shares: questions and exclamations naming no one
     * and no figure (0 when rejected or withdrawn; added within schema 2, absent in older reports).
     */
    readonly commentWords?: number;
    readonly contentHash: string | null;
    /** The cleaned story text that passage offsets index ("" when rejected or withdrawn). */
    readonly text: string;
  };
  readonly detector: { readonly version: string; readonly params: Readonly<Record<string, unknown>> };
}

/** The report of a judged article. */
export interface OkReport extends ReportBase {
  readonly status: 'ok';
  readonly error: null;
  readonly verdict: ReportVerdict;
  readonly rewriteOf: RewriteOf | null;
  readonly matches: readonly Match[];
  readonly candidates: CandidateSummary;
  readonly indexed: boolean;
  /** The newest (at most LATER_COPIES_SHOWN) later articles that name this one as a source, newest first. */
  readonly laterCopies: readonly LaterCopy[];
  /** How many later articles name this one as a source, listed or not. */
  readonly laterCopiesTotal: number;
}

/** Fields of a report without a verdict: nothing matched, nothing indexed. */
interface UnjudgedFields {
  readonly verdict: null;
  readonly rewriteOf: null;
  readonly matches: readonly [];
  readonly candidates: CandidateSummary;
  readonly indexed: false;
  readonly laterCopies: readonly [];
  readonly laterCopiesTotal: 0;
}

/** The report of an article that could not be judged, with the reason. */
export interface RejectedReport extends ReportBase, UnjudgedFields {
  readonly status: 'rejected';
  readonly error: { readonly code: RejectionCode; readonly message: string };
}

/** The report of an article deleted from the bucket: it left the index and is no longer anyone's source. */
export interface WithdrawnReport extends ReportBase, UnjudgedFields {
  readonly status: 'withdrawn';
  readonly error: null;
}

/** The report written for every article: judged, rejected or withdrawn (discriminated on `status`). */
export type Report = OkReport | RejectedReport | WithdrawnReport;
