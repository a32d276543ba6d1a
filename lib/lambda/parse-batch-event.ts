import { MalformedEventError } from '../errors.js';
import { decodeS3Key } from './parse-s3-event.js';

/** Invocation schema versions of S3 Batch Operations' LambdaInvoke that this function answers. */
export const BATCH_SCHEMA_VERSIONS = ['1.0', '2.0'] as const;
export type BatchSchemaVersion = (typeof BATCH_SCHEMA_VERSIONS)[number];

/** One task of a Batch Operations invocation, its key decoded; `problem` when it cannot be acted on. */
export type BatchTask =
  | { readonly taskId: string; readonly bucket: string; readonly key: string }
  | { readonly taskId: string; readonly problem: string };

/** A Batch Operations invocation as the handler needs it. */
export interface BatchInvocation {
  readonly invocationSchemaVersion: BatchSchemaVersion;
  readonly invocationId: string;
  readonly jobId: string | undefined;
  readonly tasks: readonly BatchTask[];
  /** Tasks without a taskId: no result can name them (treatMissingKeysAs decides). */
  readonly unanswerable: readonly string[];
}

/**
 * Reads a Batch Operations LambdaInvoke event. Schema 1.0 names the bucket by ARN
 * (`s3BucketArn`), 2.0 by name (`s3Bucket`, with `job.userArguments`); both carry the key
 * URL-encoded with `+` for spaces, as event keys are. A payload that is not such an event throws.
 */
export function parseBatchEvent(event: unknown): BatchInvocation {
  if (!isObject(event)) throw new MalformedEventError(`expected an S3 Batch Operations event, got ${describe(event)}`);
  const version = event['invocationSchemaVersion'];
  const invocationId = event['invocationId'];
  const tasks = event['tasks'];
  if (!(BATCH_SCHEMA_VERSIONS as readonly unknown[]).includes(version)) {
    throw new MalformedEventError(
      `expected invocationSchemaVersion ${BATCH_SCHEMA_VERSIONS.join(' or ')}, got ${describe(version)}`,
    );
  }
  if (typeof invocationId !== 'string' || invocationId === '')
    throw new MalformedEventError(`expected an invocationId string, got ${describe(invocationId)}`);
  if (!Array.isArray(tasks)) throw new MalformedEventError(`expected a tasks array, got ${describe(tasks)}`);
  const job = event['job'];
  const jobId = isObject(job) && typeof job['id'] === 'string' ? job['id'] : undefined;
  const parsed: BatchTask[] = [];
  const unanswerable: string[] = [];
  tasks.forEach((task: unknown, i) => {
    if (!isObject(task) || typeof task['taskId'] !== 'string')
      return void unanswerable.push(`task ${i}: no taskId in ${describe(task)}`);
    parsed.push(parseTask(task['taskId'], task));
  });
  return { invocationSchemaVersion: version as BatchSchemaVersion, invocationId, jobId, tasks: parsed, unanswerable };
}

function parseTask(taskId: string, task: Record<string, unknown>): BatchTask {
  const rawKey = task['s3Key'];
  if (typeof rawKey !== 'string' || rawKey === '') return { taskId, problem: `s3Key ${describe(rawKey)} is not a key` };
  const bucket = bucketOf(task);
  if (bucket === undefined)
    return {
      taskId,
      problem: `no s3Bucket nor s3BucketArn naming a bucket (s3Bucket ${describe(task['s3Bucket'])}, s3BucketArn ${describe(task['s3BucketArn'])})`,
    };
  try {
    return { taskId, bucket, key: decodeS3Key(rawKey) };
  } catch {
    return { taskId, problem: `s3Key ${JSON.stringify(rawKey)} is not valid URL encoding` };
  }
}

/** The bucket name from `s3Bucket` (2.0) or `s3BucketArn` (1.0: `arn:<partition>:s3:::<name>`). */
function bucketOf(task: Record<string, unknown>): string | undefined {
  const name = task['s3Bucket'];
  if (typeof name === 'string' && name !== '') return name;
  const arn = task['s3BucketArn'];
  const match = typeof arn === 'string' ? /^arn:[^:]+:s3:::([^/]+)$/.exec(arn) : null;
  return match?.[1];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
