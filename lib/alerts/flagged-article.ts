import type { Report } from '../report/report.js';
import { htmlReportKey, reportKey } from '../store/keys.js';

/** Verdicts that raise an alert and enter the digest (`licensed` and `original` do not). */
export type AlertVerdict = 'copy' | 'rewrite' | 'partial';

/** What a newsroom learns of one flagged article: the EventBridge detail and the digest entry. */
export interface FlaggedArticle {
  /** `<article key>#<content hash>`: the same for every retry of the same text, so consumers de-duplicate on it. */
  readonly id: string;
  readonly articleKey: string;
  readonly title: string;
  readonly contentHash: string;
  readonly verdict: AlertVerdict;
  readonly sourceKey: string;
  readonly sourceTitle: string;
  readonly score: number;
  /** The JSON report's key in the bucket; `htmlReportKey` is the page beside it. */
  readonly reportKey: string;
  readonly htmlReportKey: string;
  /** When this judgement was made (ISO 8601, UTC). */
  readonly flaggedAt: string;
}

/** EventBridge detail types, one per verdict, so a rule can select e.g. only copies. */
export const DETAIL_TYPES: Readonly<Record<AlertVerdict, string>> = {
  copy: 'Copy Found',
  rewrite: 'Rewrite Found',
  partial: 'Partial Copy Found',
};

/** The `source` of every event rewrite-radar publishes. */
export const EVENT_SOURCE = 'rewrite-radar';

/** The alert of a report whose verdict is copy, rewrite or partial; undefined for any other report. */
export function flaggedArticle(report: Report, flaggedAt: Date): FlaggedArticle | undefined {
  if (report.status !== 'ok' || report.rewriteOf === null || report.article.contentHash === null) return undefined;
  const verdict = report.rewriteOf.verdict;
  if (verdict !== 'copy' && verdict !== 'rewrite' && verdict !== 'partial') return undefined;
  const { key, title, contentHash } = report.article;
  const source = report.matches.find((m) => m.key === report.rewriteOf!.key);
  return {
    id: `${key}#${contentHash}`,
    articleKey: key,
    title,
    contentHash,
    verdict,
    sourceKey: report.rewriteOf.key,
    sourceTitle: source?.title ?? '',
    score: report.rewriteOf.score,
    reportKey: reportKey(key),
    htmlReportKey: htmlReportKey(key),
    flaggedAt: flaggedAt.toISOString(),
  };
}
