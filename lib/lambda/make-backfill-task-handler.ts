import { StoreError } from '../errors.js';
import type { Report } from '../report/report.js';
import { countRequests, requestTotal, type RequestCounts } from '../store/request-scope.js';
import { formatOf } from '../text/extract-article.js';
import { backfillArticle, type BackfillOutcome } from '../use-cases/backfill-article.js';
import type { HandlerDeps } from './make-article-event-handler.js';
import { parseBatchEvent, type BatchSchemaVersion, type BatchTask } from './parse-batch-event.js';

/** How S3 Batch Operations counts a task: Succeeded, retried (TemporaryFailure), or failed for good. */
export type BatchResultCode = 'Succeeded' | 'TemporaryFailure' | 'PermanentFailure';

/** One task's answer; resultString goes into the job's completion report. */
export interface BatchTaskResult {
  readonly taskId: string;
  readonly resultCode: BatchResultCode;
  readonly resultString: string;
}

/** The response Batch Operations expects from a LambdaInvoke function. */
export interface BatchResponse {
  readonly invocationSchemaVersion: BatchSchemaVersion;
  readonly treatMissingKeysAs: BatchResultCode;
  readonly invocationId: string;
  readonly results: readonly BatchTaskResult[];
}

/** resultString is a column of the completion report CSV: a verdict or a reason, not a report. */
const MAX_RESULT_STRING = 500;

/**
 * The Lambda entry point for an S3 Batch Operations job over the archive (LambdaInvoke,
 * schema 1.0 or 2.0). Each task's key is judged as its upload event would be (backfillArticle);
 * an article already judged as it is keeps its report, so a job run again changes nothing.
 * Judged and rejected articles succeed; S3 faults are TemporaryFailure so the job retries them;
 * keys of another bucket or outside the incoming prefix are PermanentFailure. Keys without an
 * article suffix (an S3 Inventory manifest lists every object) succeed as skipped, so they
 * neither get a report the trigger would never write nor count towards the job's failure limit.
 */
export function makeBackfillTaskHandler(deps: HandlerDeps): (event: unknown) => Promise<BatchResponse> {
  return async (event) => {
    const invocation = parseBatchEvent(event);
    for (const problem of invocation.unanswerable)
      deps.log('error', 'malformed batch task', { invocationId: invocation.invocationId, problem });
    const results: BatchTaskResult[] = [];
    for (const task of invocation.tasks) results.push(await runTask(deps, task, invocation.jobId));
    return {
      invocationSchemaVersion: invocation.invocationSchemaVersion,
      // every task gets a result; one somehow left out must not pass as done
      treatMissingKeysAs: 'PermanentFailure',
      invocationId: invocation.invocationId,
      results,
    };
  };
}

async function runTask(deps: HandlerDeps, task: BatchTask, jobId: string | undefined): Promise<BatchTaskResult> {
  const result = (resultCode: BatchResultCode, text: string, fields: Record<string, unknown> = {}): BatchTaskResult => {
    const resultString = text.length > MAX_RESULT_STRING ? `${text.slice(0, MAX_RESULT_STRING - 3)}...` : text;
    deps.log(resultCode === 'Succeeded' ? 'info' : 'error', 'batch task handled', {
      jobId,
      taskId: task.taskId,
      ...('key' in task ? { key: task.key } : {}),
      resultCode,
      resultString,
      ...fields,
    });
    return { taskId: task.taskId, resultCode, resultString };
  };
  if ('problem' in task) return result('PermanentFailure', `malformed task: ${task.problem}`);
  if (task.bucket !== deps.bucket)
    return result(
      'PermanentFailure',
      `bucket ${JSON.stringify(task.bucket)} is not the one this function serves (${JSON.stringify(deps.bucket)})`,
    );
  if (!task.key.startsWith(deps.incomingPrefix))
    return result('PermanentFailure', `key is outside ${deps.incomingPrefix}: not an article`);
  if (formatOf(task.key) === undefined)
    return result('Succeeded', 'skipped: not an article suffix (the trigger ignores it too)');
  const started = performance.now();
  let outcome: BackfillOutcome;
  let counts: RequestCounts;
  try {
    ({ result: outcome, counts } = await countRequests(() =>
      backfillArticle(deps, { bucket: task.bucket, key: task.key }),
    ));
  } catch (err) {
    const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    // S3 faults (after the SDK's retries) may pass: Batch Operations retries a TemporaryFailure
    return result(err instanceof StoreError ? 'TemporaryFailure' : 'PermanentFailure', why);
  }
  const cost = { ms: Math.round(performance.now() - started), s3Requests: requestTotal(counts.s3) };
  if (outcome.action === 'missing')
    return result('PermanentFailure', 'NoSuchKey: the object was deleted after the manifest was made', cost);
  if (outcome.action === 'unchanged')
    return result('Succeeded', `${describeReport(outcome.report)} (already judged)`, cost);
  if (outcome.action !== 'reported')
    return result('PermanentFailure', `${outcome.action}: ${'why' in outcome ? outcome.why : ''}`, cost);
  return result('Succeeded', describeReport(outcome.report), { ...cost, refreshed: outcome.refreshed });
}

/** `rewrite of incoming/wire/a.txt (0.8123)`, `original`, `rejected: too-short`. */
function describeReport(report: Report): string {
  if (report.status !== 'ok' || report.verdict === null)
    return `${report.status}: ${report.error?.code ?? 'no verdict'}`;
  return report.rewriteOf
    ? `${report.verdict} of ${report.rewriteOf.key} (${report.rewriteOf.score.toFixed(4)})`
    : report.verdict;
}
