import { jsonLog, type Log } from '../log.js';
import { CorruptReportError, decodeReport } from '../report/decode-report.js';
import { renderReportHtml } from '../report/render-report-html.js';
import type { Report } from '../report/report.js';
import { htmlReportKey, laterCopiesPrefix, reportKey } from '../store/keys.js';
import type { ObjectStore } from '../store/ports.js';
import { listLaterCopies, type LaterCopiesListing } from './later-copies.js';

/** Saves of one report, each after a listing that changed under the previous one, before giving up. */
const MAX_SAVE_ROUNDS = 8;

/**
 * Writes the JSON report and, beside it, the HTML page a person opens (`<key>.json`, `<key>.html`),
 * with the later copies listed from their pair objects; returns what was written. Several Lambdas
 * may save one source's report at once, each with its own listing: every saver lists again after
 * writing and writes again when the listing changed, so the last write lists every pair written
 * before it (a saver whose listing was complete stops; one that wrote a stale list sees it).
 * `listed` is a listing the caller just made, or the empty one it expects, saving one LIST.
 */
export async function saveReport(store: ObjectStore, report: Report, listed?: LaterCopiesListing): Promise<Report> {
  if (report.status !== 'ok') {
    await writeReport(store, report);
    return report;
  }
  let listing = listed ?? (await listLaterCopies(store, report.article.key));
  let saved: Report = report;
  for (let round = 0; round < MAX_SAVE_ROUNDS; round++) {
    saved = { ...report, laterCopies: listing.copies, laterCopiesTotal: listing.total };
    await writeReport(store, saved);
    const now = await store.list(laterCopiesPrefix(report.article.key));
    if (now.join('\n') === listing.pairKeys.join('\n')) break;
    listing = await listLaterCopies(store, report.article.key);
  }
  return saved;
}

/**
 * Renders a source's stored report again with its later copies as listed now; nothing when it has
 * no ok report (its own save lists them) or the list is already current.
 */
export async function refreshSourceReport(deps: { store: ObjectStore; log?: Log }, sourceKey: string): Promise<void> {
  const stored = await loadReport(deps, sourceKey);
  if (!stored || stored.status !== 'ok') return;
  const listing = await listLaterCopies(deps.store, sourceKey);
  const current =
    stored.laterCopiesTotal === listing.total && JSON.stringify(stored.laterCopies) === JSON.stringify(listing.copies);
  if (!current) await saveReport(deps.store, stored, listing);
}

async function writeReport(store: ObjectStore, report: Report): Promise<void> {
  await store.put(reportKey(report.article.key), `${JSON.stringify(report, null, 2)}\n`, 'application/json');
  await store.put(htmlReportKey(report.article.key), renderReportHtml(report), 'text/html; charset=utf-8');
}

/** The stored report of an article; undefined when there is none or it is corrupt (then logged). */
export async function loadReport(
  deps: { store: ObjectStore; log?: Log },
  articleKey: string,
): Promise<Report | undefined> {
  const bytes = await deps.store.get(reportKey(articleKey));
  return bytes ? readStoredReport(deps, bytes, articleKey) : undefined;
}

/** A stored report's bytes decoded; a corrupt one is logged and read as no report, so it is judged again. */
export function readStoredReport(deps: { log?: Log }, bytes: Uint8Array, articleKey: string): Report | undefined {
  try {
    return decodeReport(bytes, reportKey(articleKey));
  } catch (err) {
    if (!(err instanceof CorruptReportError)) throw err;
    (deps.log ?? stderrLog)('warn', 'stored report is corrupt; the article is judged again', {
      key: articleKey,
      error: err.message,
    });
    return undefined;
  }
}

/** Where use cases log when their caller gave no log (the CLI): warnings as JSON lines on stderr. */
const stderrLog = jsonLog('warn', (line) => process.stderr.write(`${line}\n`));
