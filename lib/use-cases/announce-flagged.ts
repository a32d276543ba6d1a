import { flaggedArticle, type FlaggedArticle } from '../alerts/flagged-article.js';
import { flaggedMarkerKey } from '../digest/flagged-marker.js';
import { applyLicences, isLicensedSource } from '../report/licensed-sources.js';
import type { Report } from '../report/report.js';
import { publisherNames } from '../text/publisher-names.js';
import { storedFingerprint } from './fingerprint-index.js';
import type { IngestDeps } from './use-case-deps.js';

/**
 * A judged report with the licensed list applied (applyLicences). Publisher names are read from
 * the files' metadata only when the list names publishers: the article's own bytes (for its later
 * copies) and each flagged source's upload, one read per flagged source.
 */
export async function licenceReport(deps: IngestDeps, report: Report, bytes: Uint8Array): Promise<Report> {
  const licensed = deps.licensed;
  if (report.status !== 'ok' || !licensed || (licensed.keyPrefixes.length === 0 && licensed.publishers.length === 0))
    return report;
  const namesOf = async (key: string, own?: Uint8Array): Promise<string[]> => {
    if (licensed.publishers.length === 0) return [];
    const body = own ?? (await readSource(deps, key));
    return body ? publisherNames(key, body, deps.params.maxBytes) : [];
  };
  const keys = new Set<string>();
  for (const m of report.matches) if (isLicensedSource(licensed, m.key, await namesOf(m.key))) keys.add(m.key);
  const self =
    report.laterCopies.length > 0 &&
    isLicensedSource(licensed, report.article.key, await namesOf(report.article.key, bytes));
  return keys.size > 0 || self ? applyLicences(report, keys, self) : report;
}

/**
 * For a flagged report (copy, rewrite, partial): leaves its object for the digest of the day it
 * was indexed, then publishes its alert. Both are idempotent (a retry writes and sends the same
 * bytes: flaggedAt is the indexing time, kept by the fingerprint) and any failure is thrown, so a
 * retried event does both again: the alert goes out at least once, with the same id every time.
 */
export async function announceFlagged(deps: IngestDeps, report: Report): Promise<FlaggedArticle | undefined> {
  if (!flaggedArticle(report, new Date(0))) return undefined;
  const alert = flaggedArticle(report, await indexedAt(deps, report.article.key))!;
  await deps.store.put(flaggedMarkerKey(alert), `${JSON.stringify(alert, null, 2)}\n`, 'application/json');
  await deps.alerts?.publish(alert);
  return alert;
}

async function readSource(deps: IngestDeps, key: string): Promise<Uint8Array | undefined> {
  const read = await deps.source.read(key, deps.params.maxBytes);
  return read.kind === 'found' ? read.bytes : undefined;
}

/** When the article took its place in indexing order (its S3 event time in Lambda); now if unknown. */
async function indexedAt(deps: IngestDeps, key: string): Promise<Date> {
  const order = (await storedFingerprint(deps.store, key))?.order;
  const time = order === undefined ? Number.NaN : Date.parse(order.slice(0, order.indexOf('|')));
  return Number.isNaN(time) ? (deps.now ?? (() => new Date()))() : new Date(time);
}
