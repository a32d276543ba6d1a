import { rejectedReport } from '../report/build-report.js';
import type { Report } from '../report/report.js';
import { announceFlagged, licenceReport } from './announce-flagged.js';
import { indexArticle } from './index-article.js';
import { reportKey } from '../store/keys.js';
import { readStoredReport, saveReport } from './stored-reports.js';
import { noStats, type DetectStats, type IngestDeps, type IngestInput } from './use-case-deps.js';

/** What ingesting one article did: its report, the counters, and the later copies judged again. */
export interface Ingested {
  readonly report: Report;
  readonly stats: DetectStats;
  readonly refreshed: readonly string[];
}

/**
 * The one way an article enters the archive, for every entry point: index then judge it
 * (indexArticle), write its reports, and judge again each later copy whose report does not name
 * it yet. A copy of a licensed source becomes `licensed`; a flagged report leaves its digest object
 * and publishes its alert (announceFlagged). An article that could not be read gets a rejected
 * report and leaves the index as it was.
 */
export async function ingestArticle(deps: IngestDeps, input: IngestInput): Promise<Ingested> {
  const { key, bytes } = input;
  const { report: judged, stats } =
    bytes instanceof Uint8Array
      ? await indexArticle(deps, { key, bytes, ...(input.order !== undefined ? { order: input.order } : {}) })
      : { report: rejectedReport(key, bytes, deps.params), stats: noStats() };
  const report = bytes instanceof Uint8Array ? await licenceReport(deps, judged, bytes) : judged;
  await saveReport(deps.store, report);
  await announceFlagged(deps, report);
  return { report, stats, refreshed: await refreshLaterCopies(deps, report) };
}

/**
 * Two related articles processed at the same moment may each miss the other in their own
 * query; the earlier one then finds the later one (both index before they query), lists it in
 * laterCopies, and judges it again here if its report does not name the earlier one yet.
 */
async function refreshLaterCopies(deps: IngestDeps, report: Report): Promise<string[]> {
  const refreshed: string[] = [];
  for (const later of report.laterCopies) {
    const stored = await deps.store.get(reportKey(later.key));
    if (!stored) continue; // still being judged: its own query runs after this article was indexed
    // a corrupt report is judged again like one that misses the source
    if (readStoredReport(deps, stored, later.key)?.matches.some((m) => m.key === report.article.key)) continue;
    const read = await deps.source.read(later.key, deps.params.maxBytes);
    if (read.kind !== 'found') continue; // gone or replaced: its own event reports it
    const again = await licenceReport(
      deps,
      (await indexArticle(deps, { key: later.key, bytes: read.bytes })).report,
      read.bytes,
    );
    await saveReport(deps.store, again);
    await announceFlagged(deps, again);
    refreshed.push(later.key);
  }
  return refreshed;
}
