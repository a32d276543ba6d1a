import { withdrawnReport } from '../report/build-report.js';
import type { Report } from '../report/report.js';
import { unindexArticle } from './fingerprint-index.js';
import { forgetLaterCopy } from './later-copies.js';
import { loadReport, refreshSourceReport, saveReport } from './stored-reports.js';
import type { DetectDeps } from './use-case-deps.js';

/**
 * Takes a deleted article out of the index, so it is no longer anyone's source, and marks its
 * report withdrawn; the sources it named no longer list it. Safe to repeat.
 */
export async function withdrawArticle(deps: DetectDeps, key: string): Promise<{ report: Report; wasIndexed: boolean }> {
  const sources = (await loadReport(deps, key))?.matches.map((m) => m.key) ?? [];
  const old = await unindexArticle(deps, key);
  const report = withdrawnReport(key, old?.title ?? '', deps.params);
  await saveReport(deps.store, report);
  for (const source of await forgetLaterCopy(deps.store, key, sources)) await refreshSourceReport(deps, source);
  return { report, wasIndexed: old !== undefined };
}
