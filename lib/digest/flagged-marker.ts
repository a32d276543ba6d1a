import type { AlertVerdict, FlaggedArticle } from '../alerts/flagged-article.js';
import { RewriteRadarError } from '../errors.js';
import { REPORT_PREFIX } from '../store/keys.js';

/**
 * Where each flagged article leaves one small object for the day's digest:
 * `reports/flagged/<YYYY-MM-DD>/<article key>.json`. One object per article and day, written by
 * the Lambda that judged it, so concurrent Lambdas never read, modify and write a shared list;
 * a retried event writes the same object again.
 */
export const FLAGGED_PREFIX = `${REPORT_PREFIX}flagged/`;

/** Where the digests go: `reports/digest/<YYYY-MM-DD>.html` and `.json`. */
export const DIGEST_PREFIX = `${REPORT_PREFIX}digest/`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const VERDICTS: readonly AlertVerdict[] = ['copy', 'rewrite', 'partial'];

/** A stored flagged-article object that is not one. */
export class CorruptMarkerError extends RewriteRadarError {
  override name = 'CorruptMarkerError';
}

/** The UTC day of a time, as YYYY-MM-DD. */
export function utcDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/** Whether a string is a real calendar day written YYYY-MM-DD. */
export function isDay(day: string): boolean {
  return DAY.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && utcDay(new Date(`${day}T00:00:00Z`)) === day;
}

/** The prefix of one day's flagged articles. */
export function flaggedDayPrefix(day: string): string {
  return `${FLAGGED_PREFIX}${day}/`;
}

/** The object a flagged article leaves for the digest of the day it was flagged. */
export function flaggedMarkerKey(alert: FlaggedArticle): string {
  return `${flaggedDayPrefix(utcDay(new Date(alert.flaggedAt)))}${alert.articleKey}.json`;
}

/** The digest page and data of a day. */
export function digestKeys(day: string): { html: string; json: string } {
  return { html: `${DIGEST_PREFIX}${day}.html`, json: `${DIGEST_PREFIX}${day}.json` };
}

/** Reads a stored marker, checking every field, or throws CorruptMarkerError. */
export function decodeFlaggedMarker(bytes: Uint8Array, key: string): FlaggedArticle {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (cause) {
    throw new CorruptMarkerError(`flagged-article object ${key} is not JSON`, { cause });
  }
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const strings = [
    'id',
    'articleKey',
    'title',
    'contentHash',
    'sourceKey',
    'sourceTitle',
    'reportKey',
    'htmlReportKey',
    'flaggedAt',
  ];
  const bad = strings.filter((f) => typeof r[f] !== 'string');
  if (!VERDICTS.includes(r['verdict'] as AlertVerdict)) bad.push('verdict');
  const score = r['score'];
  if (typeof score !== 'number' || !(score >= 0 && score <= 1)) bad.push('score');
  if (typeof r['flaggedAt'] === 'string' && Number.isNaN(Date.parse(r['flaggedAt']))) bad.push('flaggedAt');
  if (bad.length > 0) throw new CorruptMarkerError(`flagged-article object ${key} has bad fields: ${bad.join(', ')}`);
  return r as unknown as FlaggedArticle;
}
