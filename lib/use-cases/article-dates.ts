import type { FingerprintRecord } from '../detect/fingerprint-record.js';
import type { OrderedText } from '../detect/judge-article.js';
import type { ArticleDates } from '../report/report.js';
import { isoTime } from '../text/published-time.js';

/** A fingerprint with the publication time its file declared, stored beside the detector's fields. */
export type DatedFingerprint = FingerprintRecord & { readonly publishedAt?: string };

/** What decides which of two related articles is the source: publication time, else indexing order. */
export interface Placed {
  readonly order: string;
  readonly publishedAt?: string | undefined;
}

/** The time part of an indexing order ("<ISO time>|<key>"), or null when it holds none. */
export function indexedAtOf(order: string): string | null {
  const bar = order.indexOf('|');
  return (bar < 0 ? undefined : isoTime(order.slice(0, bar))) ?? null;
}

/** When a stored article was indexed and published, as the report shows them. */
export function datesOf(record: DatedFingerprint): ArticleDates {
  return { indexedAt: indexedAtOf(record.order), publishedAt: record.publishedAt ?? null };
}

/**
 * Whether `a` came first: the earlier-published when both carry a publication time (a backfill or
 * a late upload of the original still makes it the source), else the earlier-indexed.
 */
export function precedes(a: Placed, b: Placed): boolean {
  if (a.publishedAt !== undefined && b.publishedAt !== undefined && a.publishedAt !== b.publishedAt)
    return a.publishedAt < b.publishedAt;
  return a.order < b.order;
}

/**
 * The article and candidates re-keyed so that judgeArticle's plain string comparison of orders
 * follows `precedes`: a candidate that came first sorts before the article ("0|"), any other after
 * it ("2|"); among sources, ties still go to the earlier-indexed.
 */
export function judgingOrders<T extends OrderedText>(
  article: Placed,
  candidates: ReadonlyArray<T & { readonly publishedAt?: string | undefined }>,
): { sourcesBefore: string; candidates: T[] } {
  return {
    sourcesBefore: `1|${article.order}`,
    candidates: candidates.map((c) => ({ ...c, order: `${precedes(c, article) ? 0 : 2}|${c.order}` })),
  };
}
