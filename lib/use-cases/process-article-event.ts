import { ArticleRejectedError } from '../errors.js';
import type { Report } from '../report/report.js';
import { unreportableKey } from '../store/keys.js';
import type { ArticleEvent } from './article-event.js';
import { ingestArticle } from './ingest-article.js';
import type { DetectStats, IngestDeps } from './use-case-deps.js';
import { withdrawArticle } from './withdraw-article.js';

/** What handling article events needs beyond ingesting: which keys are articles. */
export interface ArticleEventDeps extends IngestDeps {
  readonly incomingPrefix: string;
}

/** What became of one event, for logs and tests. */
export type EventOutcome =
  | { readonly action: 'ignored'; readonly key: string; readonly why: string }
  /** An article no report can be written for (see unreportableKey): logged as a warning, not retried. */
  | { readonly action: 'refused'; readonly key: string; readonly why: string }
  | { readonly action: 'superseded'; readonly key: string; readonly why: string }
  | {
      readonly action: 'reported';
      readonly key: string;
      readonly report: Report;
      readonly stats: DetectStats;
      readonly refreshed: readonly string[];
    }
  | { readonly action: 'withdrawn'; readonly key: string; readonly report: Report; readonly wasIndexed: boolean };

/**
 * Handles one S3 notification. Events come at least once and in any order, so each step is
 * idempotent and checks the bucket's present state: a created event whose object has since
 * been overwritten, or a removed event whose key holds a new upload, is superseded by the
 * event of that newer state. Article problems become rejected reports; store faults are thrown.
 */
export async function processArticleEvent(deps: ArticleEventDeps, event: ArticleEvent): Promise<EventOutcome> {
  const screened = screenKey(deps.incomingPrefix, event.key);
  if (screened) return screened;
  return event.kind === 'created' ? articleCreated(deps, event) : articleRemoved(deps, event.key);
}

/** The outcome of a key that is never judged: outside the incoming prefix, or too long for a report (see unreportableKey). */
export function screenKey(incomingPrefix: string, key: string): EventOutcome | undefined {
  if (!key.startsWith(incomingPrefix)) return { action: 'ignored', key, why: `outside ${incomingPrefix}` };
  const unreportable = unreportableKey(key);
  return unreportable === undefined ? undefined : { action: 'refused', key, why: unreportable };
}

async function articleCreated(deps: ArticleEventDeps, event: ArticleEvent): Promise<EventOutcome> {
  const { key } = event;
  const read = await deps.source.read(key, deps.params.maxBytes, event.size);
  if (read.kind === 'found' && event.eTag !== undefined && read.etag !== undefined && read.etag !== event.eTag) {
    return {
      action: 'superseded',
      key,
      why: `the object was overwritten since this event (ETag ${read.etag}, event ${event.eTag})`,
    };
  }
  const bytes =
    read.kind === 'found'
      ? read.bytes
      : read.kind === 'missing'
        ? new ArticleRejectedError('not-found', `${key} was deleted before its upload event was processed`)
        : new ArticleRejectedError(
            'too-large',
            `${read.size} bytes is over the limit of ${deps.params.maxBytes} (MAX_BYTES); the object was not downloaded`,
          );
  const { report, stats, refreshed } = await ingestArticle(deps, { key, bytes, order: `${event.eventTime}|${key}` });
  return { action: 'reported', key, report, stats, refreshed };
}

async function articleRemoved(deps: ArticleEventDeps, key: string): Promise<EventOutcome> {
  if (await deps.source.exists(key)) return { action: 'superseded', key, why: 'the key holds a newer upload' };
  const { report, wasIndexed } = await withdrawArticle(deps, key);
  return { action: 'withdrawn', key, report, wasIndexed };
}
