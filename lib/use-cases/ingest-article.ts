import { StoreError } from '../errors.js';
import type { LaterCopyVerdict } from '../detect/judge-article.js';
import { rejectedReport } from '../report/build-report.js';
import type { Report } from '../report/report.js';
import { announceFlagged, licenceReport } from './announce-flagged.js';
import { rejudgeNoteKey, reportKey } from '../store/keys.js';
import { indexArticle } from './index-article.js';
import { forgetLaterCopy, NO_LATER_COPIES, recordLaterCopies } from './later-copies.js';
import { loadReport, readReport, readStoredReport, refreshSourceReport, saveReport } from './stored-reports.js';
import { withdrawArticle } from './withdraw-article.js';
import { noStats, type DetectStats, type IngestDeps, type IngestInput } from './use-case-deps.js';

/** What ingesting one article did: its report, the counters, and the later copies judged again. */
export interface Ingested {
  readonly report: Report;
  readonly stats: DetectStats;
  readonly refreshed: readonly string[];
}

/**
 * The one way an article enters the archive, for every entry point: index then judge it
 * (indexArticle), write its reports, record it with each source it names (so the source's report
 * lists it) and judge again each later copy whose report does not name it yet (or leave it a
 * note to judge itself again, when its report is not saved yet). A copy of a licensed source
 * becomes `licensed`; a flagged report leaves its digest object and publishes its alert
 * (announceFlagged). An article that could not be read gets a rejected report and leaves the
 * index as it was.
 */
export async function ingestArticle(deps: IngestDeps, input: IngestInput): Promise<Ingested> {
  const judged = await judgeAgainIfNoted(deps, input, await judgeAndSave(deps, input));
  const refreshed: string[] = [];
  for (const later of judged.racedCopies) {
    if (await refreshLaterCopy(deps, judged.report.article.key, later)) refreshed.push(later.key);
  }
  // judging a later copy again lists it on this report: the caller gets the report as it now stands
  const report = refreshed.length > 0 ? ((await loadReport(deps, input.key)) ?? judged.report) : judged.report;
  return { report, stats: judged.stats, refreshed };
}

const quiet = (): void => undefined;

/** One article judged and saved, with the candidates found to be later copies of it. */
interface Judged {
  readonly report: Report;
  readonly stats: DetectStats;
  readonly racedCopies: readonly LaterCopyVerdict[];
}

/** Judgements of one article in a row that found its report changed by another judge before saving. */
const MAX_JUDGE_ROUNDS = 4;

/**
 * Judges and saves one article, and brings the later-copy lists of the sources it names (or named)
 * up to date. When another judge or lister saved its report meanwhile, judges it again: the
 * index may have grown since this judgement's query, and the newest query sees the most; when
 * the article was deleted meanwhile, withdraws it.
 */
async function judgeAndSave(deps: IngestDeps, input: IngestInput, round = 1): Promise<Judged> {
  const { key, bytes } = input;
  // the sources it named before, to drop pairs that no longer hold; a corrupt report (logged by
  // whoever read it first) names none
  const { report: previous, tag } = await readReport({ store: deps.store, log: quiet }, key);
  const previousSources = previous?.matches.map((m) => m.key) ?? [];
  const judged =
    bytes instanceof Uint8Array
      ? await indexArticle(deps, { key, bytes, ...(input.order !== undefined ? { order: input.order } : {}) })
      : { report: rejectedReport(key, bytes, deps.params), stats: noStats(), racedCopies: [] };
  const licensed = bytes instanceof Uint8Array ? await licenceReport(deps, judged.report, bytes) : judged.report;
  // an article without a report is seldom named by a later copy yet: the save starts from an empty
  // list, saving a LIST, and still lists after writing and writes again if one was named meanwhile
  const report = await saveReport(deps.store, licensed, tag, previous === undefined ? NO_LATER_COPIES : undefined);
  if (report === undefined) {
    // deleted meanwhile: its withdrawal wins (safe to repeat: it also undoes this judgement's index writes)
    if (!(await deps.source.exists(key))) {
      const { report: withdrawn } = await withdrawArticle(deps, key);
      return { report: withdrawn, stats: judged.stats, racedCopies: [] };
    }
    if (round < MAX_JUDGE_ROUNDS) return judgeAndSave(deps, input, round + 1);
    throw new StoreError(`the report of ${key} changed under ${MAX_JUDGE_ROUNDS} judgements in a row`, { key });
  }
  const sources =
    report.status === 'ok' && report.indexed && 'order' in judged && judged.order !== undefined
      ? await recordLaterCopies(deps.store, report, judged.order, previousSources)
      : await forgetLaterCopy(deps.store, key, previousSources);
  for (const source of sources) await refreshSourceReport(deps, source);
  await announceFlagged(deps, report);
  return { report, stats: judged.stats, racedCopies: judged.racedCopies };
}

/**
 * Two related articles processed at the same moment may each miss the other in their own
 * query; the earlier one then finds the later one (both index before they query) and judges
 * it again here if its report does not name the earlier one yet. A later copy without a report
 * may have queried already and be about to save: the earlier one leaves it a note, then reads
 * the report again. Each side writes before it reads, so either the report is found now or the
 * later copy finds the note after saving (judgeAgainIfNoted). Not recursive: the later copy's
 * own raced copies are left to their own events.
 */
async function refreshLaterCopy(deps: IngestDeps, sourceKey: string, later: LaterCopyVerdict): Promise<boolean> {
  let stored = await deps.store.get(reportKey(later.key));
  if (!stored) {
    await deps.store.put(rejudgeNoteKey(later.key), JSON.stringify({ source: sourceKey }), 'application/json');
    stored = await deps.store.get(reportKey(later.key));
    if (!stored) return false; // its save comes after the note, so it judges itself again
  }
  // a corrupt report is judged again like one that misses the source
  if (readStoredReport(deps, stored, later.key)?.matches.some((m) => m.key === sourceKey)) return false;
  const read = await deps.source.read(later.key, deps.params.maxBytes);
  if (read.kind !== 'found') return false; // gone or replaced: its own event reports it
  await judgeAndSave(deps, { key: later.key, bytes: read.bytes });
  return true;
}

/**
 * After an article's report is saved: if an earlier article judged at the same moment left it a
 * note (refreshLaterCopy), judge it again, now that the earlier one is in the index, and remove
 * the note. One GET per ingest, usually of nothing.
 */
async function judgeAgainIfNoted(deps: IngestDeps, input: IngestInput, judged: Judged): Promise<Judged> {
  if (judged.report.status !== 'ok' || !judged.report.indexed || !(input.bytes instanceof Uint8Array)) return judged;
  const note = rejudgeNoteKey(input.key);
  if (!(await deps.store.get(note))) return judged;
  const again = await judgeAndSave(deps, { key: input.key, bytes: input.bytes });
  await deps.store.delete(note);
  return again;
}
