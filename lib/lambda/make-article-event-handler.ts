import { MalformedEventError, RewriteRadarError } from '../errors.js';
import { processArticleEvent, type ArticleEventDeps, type EventOutcome } from '../use-cases/process-article-event.js';
import type { Log, LogLevel } from '../log.js';
import type { DynamoDbRequestCounter } from '../store/dynamodb-client.js';
import type { ArticleMetrics } from './article-metrics.js';
import { parseS3Event } from './parse-s3-event.js';
import type { S3RequestCounter } from '../store/s3-client.js';

/** What a handler is built from: the use case's adapters, the bucket it serves, a log, and an S3 request counter. */
export interface HandlerDeps extends ArticleEventDeps {
  readonly bucket: string;
  readonly log: Log;
  /** S3 requests sent so far by this process, and what they returned (for the per-article log line). */
  readonly s3Requests?: S3RequestCounter;
  /** DynamoDB requests and throttles so far (the index's cost, for the log line and the metrics). */
  readonly dynamoDbRequests?: DynamoDbRequestCounter;
  /** Where each article's figures go as CloudWatch metrics (inside Lambda only). */
  readonly metrics?: ArticleMetrics;
}

/** One line per handled event, as the handler returns it. */
export interface HandledEvent {
  readonly key: string;
  readonly action: EventOutcome['action'];
  readonly verdict: string | null;
  readonly status: string | null;
  /** The source a flagged article derives from. */
  readonly source: string | null;
  /** Why an article was rejected: its code and message. */
  readonly error: { readonly code: string; readonly message: string } | null;
  /** Why an event was ignored, superseded or refused. */
  readonly why: string | null;
}

/** Thrown after the rest of the batch ran, when records were malformed or S3 failed: Lambda retries, then the failure destination gets the event. */
export class EventBatchError extends RewriteRadarError {
  override name = 'EventBatchError';
}

/** How loud each outcome is logged: an event outside the prefix is routine, a refused article is not. */
const LOG_LEVEL: Record<EventOutcome['action'], LogLevel> = {
  ignored: 'debug',
  superseded: 'info',
  reported: 'info',
  withdrawn: 'info',
  refused: 'warn',
};

/**
 * The Lambda entry point for S3 object events (created and removed alike). Each record is
 * handled on its own; afterwards, malformed records and store faults are thrown together so the
 * event is retried whole, which is safe because every step is idempotent.
 */
export function makeArticleEventHandler(deps: HandlerDeps): (event: unknown) => Promise<HandledEvent[]> {
  return async (event) => {
    const { events, problems } = parseS3Event(event);
    const handled: HandledEvent[] = [];
    const faults: unknown[] = [];
    for (const e of events) {
      if (e.bucket !== deps.bucket) {
        problems.push(
          `event for bucket ${JSON.stringify(e.bucket)}, this function serves ${JSON.stringify(deps.bucket)}`,
        );
        continue;
      }
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const before = s3Tally(deps.s3Requests);
      const dynamoBefore = dynamoDbTally(deps.dynamoDbRequests);
      try {
        const outcome = await processArticleEvent(deps, e);
        const report = 'report' in outcome ? outcome.report : undefined;
        handled.push({
          key: e.key,
          action: outcome.action,
          verdict: report?.verdict ?? null,
          status: report?.status ?? null,
          source: report?.rewriteOf?.key ?? null,
          error: report?.error ?? null,
          why: 'why' in outcome ? outcome.why : null,
        });
        const ms = Math.round(performance.now() - started);
        const dynamo = dynamoDbSpent(dynamoBefore, dynamoDbTally(deps.dynamoDbRequests));
        deps.metrics?.({
          ...(outcome.action === 'reported' ? { candidatesFound: outcome.stats.candidatesFound } : {}),
          throttles: dynamo.dynamoDbThrottles,
          ms,
        });
        deps.log(LOG_LEVEL[outcome.action], 'article event handled', {
          key: e.key,
          event: e.kind,
          action: outcome.action,
          ...('why' in outcome ? { why: outcome.why } : {}),
          ...(report
            ? {
                status: report.status,
                verdict: report.verdict,
                rewriteOf: report.rewriteOf?.key ?? null,
                error: report.error?.code ?? null,
              }
            : {}),
          ...(outcome.action === 'reported'
            ? {
                candidatesFound: outcome.stats.candidatesFound,
                bandsSkipped: outcome.stats.bandsSkipped,
                candidatesVerified: outcome.stats.candidatesVerified,
                refreshed: outcome.refreshed,
              }
            : {}),
          ms,
          // CPU of this process: the rest of ms is spent waiting on S3 and DynamoDB
          cpuMs: Math.round(cpuMs(process.cpuUsage(cpuBefore))),
          ...s3Spent(before, s3Tally(deps.s3Requests)),
          ...dynamo,
        });
      } catch (err) {
        faults.push(err);
        deps.log('error', 'article event failed', {
          key: e.key,
          event: e.kind,
          error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
        });
      }
    }
    for (const p of problems) deps.log('error', 'malformed event record', { problem: p });
    if (faults.length > 0) {
      throw new EventBatchError(
        `${faults.length} of ${events.length} records failed; first: ${faults[0] instanceof Error ? faults[0].message : String(faults[0])}`,
        { cause: faults.length === 1 ? faults[0] : new AggregateError(faults) },
      );
    }
    if (problems.length > 0)
      throw new MalformedEventError(`${problems.length} malformed record(s): ${problems.join('; ')}`);
    return handled;
  };
}

/** What an S3 counter said at one moment. */
interface S3Tally {
  readonly requests: number;
  readonly byCommand: Record<string, number>;
  readonly listedKeys: number;
  readonly bytesRead: number;
}

function s3Tally(counter: S3RequestCounter | undefined): S3Tally {
  return counter
    ? {
        requests: counter(),
        byCommand: counter.byCommand(),
        listedKeys: counter.listedKeys(),
        bytesRead: counter.bytesRead(),
      }
    : { requests: 0, byCommand: {}, listedKeys: 0, bytesRead: 0 };
}

/** Log fields for the S3 work between two tallies: requests in all and by command, keys LIST returned, bytes GET returned. */
function s3Spent(before: S3Tally, after: S3Tally): Record<string, unknown> {
  return {
    s3Requests: after.requests - before.requests,
    s3RequestsByCommand: commandsSpent(before.byCommand, after.byCommand),
    s3ListedKeys: after.listedKeys - before.listedKeys,
    s3BytesRead: after.bytesRead - before.bytesRead,
  };
}

/** What a DynamoDB counter said at one moment. */
interface DynamoDbTally {
  readonly requests: number;
  readonly byCommand: Record<string, number>;
  readonly throttles: number;
}

function dynamoDbTally(counter: DynamoDbRequestCounter | undefined): DynamoDbTally {
  return counter
    ? { requests: counter(), byCommand: counter.byCommand(), throttles: counter.throttles() }
    : { requests: 0, byCommand: {}, throttles: 0 };
}

/** Log fields for the DynamoDB work between two tallies (concurrent events in one process share the counter, as for S3). */
function dynamoDbSpent(
  before: DynamoDbTally,
  after: DynamoDbTally,
): { dynamoDbRequests: number; dynamoDbRequestsByCommand: Record<string, number>; dynamoDbThrottles: number } {
  return {
    dynamoDbRequests: after.requests - before.requests,
    dynamoDbRequestsByCommand: commandsSpent(before.byCommand, after.byCommand),
    dynamoDbThrottles: after.throttles - before.throttles,
  };
}

/** Requests by command between two counts, commands with none left out. */
function commandsSpent(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const spent: Record<string, number> = {};
  for (const [command, n] of Object.entries(after))
    if (n > (before[command] ?? 0)) spent[command] = n - (before[command] ?? 0);
  return spent;
}

/** User plus system CPU of a process.cpuUsage() difference, in milliseconds. */
export function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}
