import { StoreError } from '../errors.js';
import { withdrawnReport } from '../report/build-report.js';
import type { Report } from '../report/report.js';
import { rejudgeNoteKey } from '../store/keys.js';
import { unindexArticle } from './fingerprint-index.js';
import { forgetLaterCopy } from './later-copies.js';
import { readReport, refreshSourceReport, saveReport } from './stored-reports.js';
import type { DetectDeps } from './use-case-deps.js';

/** Saves of the withdrawn report, each after reading one that changed meanwhile, before giving up. */
const MAX_WITHDRAW_ROUNDS = 8;

/**
 * Takes a deleted article out of the index, so it is no longer anyone's source, and marks its
 * report withdrawn; the sources it named no longer list it, and a note left for it to judge itself
 * again goes too. Safe to repeat.
 */
export async function withdrawArticle(deps: DetectDeps, key: string): Promise<{ report: Report; wasIndexed: boolean }> {
  let stored = await readReport(deps, key);
  const sources = new Set(stored.report?.matches.map((m) => m.key));
  const old = await unindexArticle(deps, key);
  const report = withdrawnReport(key, old?.title ?? '', deps.params);
  // a lister still saving an older read of the report must not bring it back
  for (let round = 1; !(await saveReport(deps.store, report, stored.tag)); round++) {
    if (round === MAX_WITHDRAW_ROUNDS)
      throw new StoreError(`the report of ${key} kept changing while withdrawn`, { key });
    stored = await readReport(deps, key);
    for (const m of stored.report?.matches ?? []) sources.add(m.key);
  }
  for (const source of await forgetLaterCopy(deps.store, key, [...sources])) await refreshSourceReport(deps, source);
  // a note an earlier article left it (ingestArticle) has no one left to read it
  await deps.store.delete(rejudgeNoteKey(key));
  return { report, wasIndexed: old !== undefined };
}
