import { withdrawnReport } from '../report/build-report.js';
import type { Report } from '../report/report.js';
import { unindexArticle } from './fingerprint-index.js';
import { saveReport } from './stored-reports.js';
import type { DetectDeps } from './use-case-deps.js';

/**
 * Takes a deleted article out of the index, so it is no longer anyone's source, and marks its
 * report withdrawn. Safe to repeat.
 */
export async function withdrawArticle(deps: DetectDeps, key: string): Promise<{ report: Report; wasIndexed: boolean }> {
  const old = await unindexArticle(deps, key);
  const report = withdrawnReport(key, old?.title ?? '', deps.params);
  await saveReport(deps.store, report);
  return { report, wasIndexed: old !== undefined };
}
