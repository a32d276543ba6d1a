import { jsonLog, type Log } from '../log.js';
import { CorruptReportError, decodeReport } from '../report/decode-report.js';
import { renderReportHtml } from '../report/render-report-html.js';
import type { Report } from '../report/report.js';
import { htmlReportKey, reportKey } from '../store/keys.js';
import type { ObjectStore } from '../store/ports.js';

/** Writes the JSON report and, beside it, the HTML page a person opens (`<key>.json`, `<key>.html`). */
export async function saveReport(store: ObjectStore, report: Report): Promise<void> {
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
