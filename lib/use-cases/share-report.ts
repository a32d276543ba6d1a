import { CorruptReportError, decodeReport } from '../report/decode-report.js';
import { escapeHtml } from '../report/escape-html.js';
import { renderReportHtml } from '../report/render-report-html.js';
import { reportHref } from '../report/report-links.js';
import type { Report } from '../report/report.js';
import { htmlReportKey, reportKey } from '../store/keys.js';
import type { ObjectStore } from '../store/ports.js';

/** Where shared copies of report pages go: outside reports/, never written by the functions. */
export const SHARED_PAGE_PREFIX = 'shared-pages/';

/** A report page prepared for a reader without AWS credentials. */
export interface SharedPage {
  /** The object to link: the shared copy, or the report page itself when it names no other report. */
  readonly key: string;
  /** The other reports its links open, each through its own presigned link. */
  readonly linked: readonly string[];
}

/**
 * A report's page as a reader opening it from a presigned link needs it: a relative link from a
 * presigned page loses the signature (a private bucket answers 403), so the page is rendered again
 * with every link to another report presigned (`presign`, same lifetime) and stored as
 * `shared-pages/<article key>.html`. Returns undefined when there is no readable report there.
 */
export async function shareReportPage(
  store: ObjectStore,
  articleKey: string,
  presign: (key: string) => Promise<string>,
): Promise<SharedPage | undefined> {
  const bytes = await store.get(reportKey(articleKey));
  if (bytes === undefined) return undefined;
  let report: Report;
  try {
    report = decodeReport(bytes, reportKey(articleKey));
  } catch (err) {
    if (err instanceof CorruptReportError) return undefined; // not a report (a digest page's JSON): linked as it is
    throw err;
  }
  const linked = linkedArticles(report);
  if (linked.length === 0) return { key: htmlReportKey(articleKey), linked };
  let page = renderReportHtml(report);
  for (const other of linked) {
    const relative = `href="${escapeHtml(reportHref(articleKey, other))}"`;
    page = page.split(relative).join(`href="${escapeHtml(await presign(htmlReportKey(other)))}"`);
  }
  const key = `${SHARED_PAGE_PREFIX}${articleKey}.html`;
  await store.put(key, page, 'text/html; charset=utf-8');
  return { key, linked };
}

/** The articles whose reports a page links: its sources and its later copies. */
function linkedArticles(report: Report): string[] {
  const keys = report.status === 'ok' ? [...report.matches, ...report.laterCopies].map((m) => m.key) : [];
  return [...new Set(keys)];
}
