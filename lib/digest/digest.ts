import type { FlaggedArticle } from '../alerts/flagged-article.js';

/** Bump on an incompatible change of the digest's JSON layout. */
export const DIGEST_SCHEMA_VERSION = 1;

/** One flagged article in a digest, with the link to its report page. */
export interface DigestEntry extends FlaggedArticle {
  /** The report page: relative to the digest page locally, presigned in a private bucket. */
  readonly reportUrl: string;
  /** The source's report page, linked the same way. */
  readonly sourceReportUrl: string;
}

/** A day's digest: `reports/digest/<day>.json`, and the data of the `.html` beside it. */
export interface Digest {
  readonly schemaVersion: typeof DIGEST_SCHEMA_VERSION;
  /** The UTC day the articles were flagged, YYYY-MM-DD. */
  readonly day: string;
  readonly generatedAt: string;
  /** When the report links stop working (ISO 8601); null when they do not expire. */
  readonly linksExpireAt: string | null;
  /** Newest first. */
  readonly articles: readonly DigestEntry[];
  /** Flagged-article objects that could not be read, by key (listed so none goes unseen). */
  readonly unreadable: readonly string[];
}

/** Entries newest first; equal times by article key, so a digest is the same however it was listed. */
export function newestFirst(entries: readonly DigestEntry[]): DigestEntry[] {
  return [...entries].sort(
    (a, b) =>
      (a.flaggedAt < b.flaggedAt ? 1 : a.flaggedAt > b.flaggedAt ? -1 : 0) ||
      (a.articleKey < b.articleKey ? -1 : a.articleKey > b.articleKey ? 1 : 0),
  );
}
