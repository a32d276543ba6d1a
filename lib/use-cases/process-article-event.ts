import { ArticleRejectedError } from '../errors.js';
import type { ArticleEvent } from '../lambda/parse-s3-event.js';
import { rejectedReport, withdrawnReport } from '../report/build-report.js';
import type { Report } from '../report/report.js';
import { reportKey } from '../store/keys.js';
import type { ArticleSource } from '../store/ports.js';
import { detectArticle, saveReport, withdrawArticle, type DetectDeps, type DetectStats } from './detect-article.js';

/** What handling article events needs beyond detection: where articles are read from and which keys are articles. */
export interface ArticleEventDeps extends DetectDeps {
  readonly source: ArticleSource;
  readonly incomingPrefix: string;
}

/** What became of one event, for logs and tests. */
export type EventOutcome =
  | { readonly action: 'ignored'; readonly key: string; readonly why: string }
  | { readonly action: 'superseded'; readonly key: string; readonly why: string }
  | { readonly action: 'reported'; readonly key: string; readonly report: Report; readonly stats: DetectStats; readonly refreshed: readonly string[] }
  | { readonly action: 'withdrawn'; readonly key: string; readonly report: Report; readonly wasIndexed: boolean };

/**
 * Handles one S3 notification. Events come at least once and in any order, so each step is
 * idempotent and checks the bucket's present state: a created event whose object has since
 * been overwritten, or a removed event whose key holds a new upload, is superseded by the
 * event of that newer state. Article problems become rejected reports; store faults are thrown.
 */
export async function processArticleEvent(deps: ArticleEventDeps, event: ArticleEvent): Promise<EventOutcome> {
  const { key } = event;
  if (!key.startsWith(deps.incomingPrefix)) return { action: 'ignored', key, why: `outside ${deps.incomingPrefix}` };
  return event.kind === 'created' ? articleCreated(deps, event) : articleRemoved(deps, key);
}

async function articleCreated(deps: ArticleEventDeps, event: ArticleEvent): Promise<EventOutcome> {
  const { key } = event;
  const read = await deps.source.read(key, deps.params.maxBytes, event.size);
  if (read.kind === 'found' && event.eTag !== undefined && read.etag !== undefined && read.etag !== event.eTag) {
    return { action: 'superseded', key, why: `the object was overwritten since this event (ETag ${read.etag}, event ${event.eTag})` };
  }
  let report: Report;
  let stats: DetectStats = { candidatesFound: 0, bandsSkipped: 0, candidatesVerified: 0, fingerprintsRead: 0 };
  if (read.kind === 'missing') {
    report = rejectedReport(key, new ArticleRejectedError('not-found', `${key} was deleted before its upload event was processed`), deps.params);
  } else if (read.kind === 'too-large') {
    report = rejectedReport(key, new ArticleRejectedError('too-large', `${read.size} bytes is over the limit of ${deps.params.maxBytes} (MAX_BYTES); the object was not downloaded`), deps.params);
  } else {
    ({ report, stats } = await detectArticle(deps, { key, bytes: read.bytes, order: `${event.eventTime}|${key}` }, { addToIndex: true }));
  }
  await saveReport(deps.store, report);
  const refreshed = await refreshLaterCopies(deps, report);
  return { action: 'reported', key, report, stats, refreshed };
}

/**
 * Two related articles processed at the same moment may each miss the other in their own
 * query; the earlier one then finds the later one (both index before they query), lists it in
 * laterCopies, and judges it again here if its report does not name the earlier one yet.
 */
async function refreshLaterCopies(deps: ArticleEventDeps, report: Report): Promise<string[]> {
  const refreshed: string[] = [];
  for (const later of report.laterCopies) {
    const stored = await deps.store.get(reportKey(later.key));
    if (!stored) continue; // still being judged: its own query runs after this article was indexed
    const theirs = JSON.parse(Buffer.from(stored).toString('utf8')) as Report;
    if (theirs.matches.some((m) => m.key === report.article.key)) continue;
    const read = await deps.source.read(later.key, deps.params.maxBytes);
    if (read.kind !== 'found') continue; // gone or replaced: its own event reports it
    const again = await detectArticle(deps, { key: later.key, bytes: read.bytes }, { addToIndex: true });
    await saveReport(deps.store, again.report);
    refreshed.push(later.key);
  }
  return refreshed;
}

async function articleRemoved(deps: ArticleEventDeps, key: string): Promise<EventOutcome> {
  if (await deps.source.exists(key)) return { action: 'superseded', key, why: 'the key holds a newer upload' };
  const old = await withdrawArticle(deps, key);
  const report = withdrawnReport(key, old?.title ?? '', deps.params);
  await saveReport(deps.store, report);
  return { action: 'withdrawn', key, report, wasIndexed: old !== undefined };
}
