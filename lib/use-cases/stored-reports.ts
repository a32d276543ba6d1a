import { jsonLog, type Log } from '../log.js';
import { CorruptReportError, decodeReport } from '../report/decode-report.js';
import { renderReportHtml } from '../report/render-report-html.js';
import type { Report } from '../report/report.js';
import { htmlReportKey, laterCopiesPrefix, reportKey } from '../store/keys.js';
import type { ObjectStore } from '../store/ports.js';
import { listLaterCopies, type LaterCopiesListing } from './later-copies.js';

/** Saves of one report, each after a listing that changed under the previous one, before giving up. */
const MAX_SAVE_ROUNDS = 8;

/** A stored report as read, with the tag a save replacing it expects (null: there is none). */
export interface ReadReport {
  readonly report: Report | undefined;
  readonly tag: string | null;
}

/**
 * Writes the JSON report and, beside it, the HTML page a person opens (`<key>.json`, `<key>.html`),
 * with the later copies listed from their pair objects; returns what was written, or undefined
 * when the stored report is no longer the one read with tag `expected` (nothing written: read
 * it again and decide again). Judges and listers of one report may save at once: every write is
 * conditional, so no one's judgement or listing is lost to a writer holding an older read, and
 * every saver lists again after writing and writes again when the listing changed, so the last
 * write lists every pair written before it. `listed` is a listing the caller just made, or the
 * empty one it expects, saving one LIST.
 */
export async function saveReport(
  store: ObjectStore,
  report: Report,
  expected: string | null,
  listed?: LaterCopiesListing,
): Promise<Report | undefined> {
  if (report.status !== 'ok') {
    const tag = await writeJson(store, report, expected);
    if (tag === undefined) return undefined;
    await settleHtml(store, report, tag);
    return report;
  }
  let listing = listed ?? (await listLaterCopies(store, report.article.key));
  let saved: Report | undefined;
  let tag = expected;
  for (let round = 0; round < MAX_SAVE_ROUNDS; round++) {
    const next = { ...report, laterCopies: listing.copies, laterCopiesTotal: listing.total };
    const written = await writeJson(store, next, tag);
    // after a first write, a conflict means a newer writer, who lists after writing
    if (written === undefined) break;
    [saved, tag] = [next, written];
    const now = await store.list(laterCopiesPrefix(report.article.key));
    if (now.join('\n') === listing.pairKeys.join('\n')) break;
    listing = await listLaterCopies(store, report.article.key);
  }
  if (saved !== undefined && tag !== null) await settleHtml(store, saved, tag);
  return saved;
}

/**
 * Renders a source's stored report again with its later copies as listed now; nothing when it has
 * no ok report (its own save lists them) or the list is already current.
 */
export async function refreshSourceReport(deps: { store: ObjectStore; log?: Log }, sourceKey: string): Promise<void> {
  for (let round = 0; round < MAX_SAVE_ROUNDS; round++) {
    const { report: stored, tag } = await readReport(deps, sourceKey);
    if (!stored || stored.status !== 'ok' || tag === null) return;
    const listing = await listLaterCopies(deps.store, sourceKey);
    const current =
      stored.laterCopiesTotal === listing.total &&
      JSON.stringify(stored.laterCopies) === JSON.stringify(listing.copies);
    if (current || (await saveReport(deps.store, stored, tag, listing))) return;
  }
}

/** Writes the JSON report if the stored one still has tag `expected`; its new tag, or undefined. */
async function writeJson(store: ObjectStore, report: Report, expected: string | null): Promise<string | undefined> {
  const body = `${JSON.stringify(report, null, 2)}\n`;
  return store.putIfUnchanged(reportKey(report.article.key), body, expected, 'application/json');
}

/**
 * Writes the HTML page of the JSON report saved with `tag`, then reads the JSON again: a page
 * written after another saver's (slower) one would show an older report, so while the JSON has
 * changed, the page is rendered again from it. The last page written is then the last JSON's.
 */
async function settleHtml(store: ObjectStore, report: Report, tag: string): Promise<void> {
  let [shown, shownTag] = [report, tag];
  for (let round = 0; round < MAX_SAVE_ROUNDS; round++) {
    await store.put(htmlReportKey(shown.article.key), renderReportHtml(shown), 'text/html; charset=utf-8');
    const now = await store.getTagged(reportKey(shown.article.key));
    const current = now && now.tag !== shownTag ? readStoredReport({}, now.bytes, shown.article.key) : undefined;
    if (!now || !current) return;
    [shown, shownTag] = [current, now.tag];
  }
}

/** The stored report of an article with its tag; a corrupt one is logged and read as no report. */
export async function readReport(deps: { store: ObjectStore; log?: Log }, articleKey: string): Promise<ReadReport> {
  const stored = await deps.store.getTagged(reportKey(articleKey));
  if (!stored) return { report: undefined, tag: null };
  return { report: readStoredReport(deps, stored.bytes, articleKey), tag: stored.tag };
}

/** The stored report of an article; undefined when there is none or it is corrupt (then logged). */
export async function loadReport(
  deps: { store: ObjectStore; log?: Log },
  articleKey: string,
): Promise<Report | undefined> {
  return (await readReport(deps, articleKey)).report;
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
