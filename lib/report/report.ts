import type { RejectionCode } from '../errors.js';
import type { Verdict } from '../detect/evidence.js';

/** Bump on any incompatible change of the report layout; documented in the README. */
export const REPORT_SCHEMA_VERSION = 1;

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
  readonly alignedSentences: number;
}

/** One flagged source of the article. */
export interface Match {
  readonly key: string;
  readonly title: string;
  readonly verdict: Exclude<Verdict, 'original'>;
  readonly score: number;
  readonly measures: MatchMeasures;
  readonly passages: readonly Passage[];
}

/** A later-indexed article found to derive from this one (the pair's other report may have missed it). */
export interface LaterCopy {
  readonly key: string;
  readonly verdict: Exclude<Verdict, 'original'>;
  readonly score: number;
}

/** The report written for every article, accepted or rejected. */
export interface Report {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly article: { readonly key: string; readonly title: string; readonly wordCount: number; readonly contentHash: string | null };
  readonly status: 'ok' | 'rejected' | 'withdrawn';
  readonly error: { readonly code: RejectionCode; readonly message: string } | null;
  readonly verdict: Verdict | null;
  readonly rewriteOf: { readonly key: string; readonly verdict: Exclude<Verdict, 'original'>; readonly score: number } | null;
  readonly matches: readonly Match[];
  /** LSH candidates: how many, how many were verified, and the ones considered with their estimate. */
  readonly candidates: { readonly found: number; readonly verified: number; readonly top: ReadonlyArray<{ readonly key: string; readonly estimatedSimilarity: number }> };
  readonly indexed: boolean;
  /** Later-indexed articles that derive from this one, best first; they name this one as their source. */
  readonly laterCopies: readonly LaterCopy[];
  readonly detector: { readonly version: string; readonly params: Readonly<Record<string, unknown>> };
}
