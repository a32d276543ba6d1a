import { LOCAL_TABLE } from '../store/dynamodb-client.js';
import { isBucketName, isIncomingPrefix } from '../store/keys.js';
import type { CliContext } from './cli-context.js';
import { LOCAL_DYNAMODB_ENDPOINT, LOCAL_S3_ENDPOINT, openS3Bucket, type OpenS3Bucket } from './open-s3-bucket.js';
import { UsageError } from './usage-error.js';

/** Options of the commands that work on a deployment (backfill, reindex), as parsed from the command line. */
export interface BucketOptions {
  readonly endpoint?: string | undefined;
  readonly dynamoDbEndpoint?: string | undefined;
  readonly table?: string | undefined;
  readonly bucket?: string | undefined;
  readonly prefix?: string | undefined;
  readonly concurrency?: string | undefined;
}

/** Those options validated, defaults (the local stack's) filled in. */
export interface ParsedBucketOptions {
  readonly endpoint: URL;
  readonly dynamoDbEndpoint: URL;
  readonly table: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly concurrency: number;
}

const MAX_CONCURRENCY = 64;

/** Validates the options, each failure a UsageError naming the option and the value given. */
export function parseBucketOptions(options: BucketOptions, defaultConcurrency: number): ParsedBucketOptions {
  const endpoint = parseEndpoint('--endpoint', options.endpoint ?? LOCAL_S3_ENDPOINT, LOCAL_S3_ENDPOINT);
  const dynamoDbEndpoint = parseEndpoint(
    '--dynamodb-endpoint',
    options.dynamoDbEndpoint ?? LOCAL_DYNAMODB_ENDPOINT,
    LOCAL_DYNAMODB_ENDPOINT,
  );
  const table = options.table ?? LOCAL_TABLE;
  if (!/^[A-Za-z0-9_.-]{3,255}$/.test(table))
    throw new UsageError(
      `--table must be a DynamoDB table name (3-255 of A-Z a-z 0-9 _ - .), got ${JSON.stringify(table)}`,
    );
  const bucket = options.bucket ?? 'articles';
  if (!isBucketName(bucket))
    throw new UsageError(
      `--bucket must be an S3 bucket name (3-63 lower-case letters, digits, dots, hyphens), got ${JSON.stringify(bucket)}`,
    );
  const prefix = options.prefix ?? 'incoming/';
  if (!isIncomingPrefix(prefix))
    throw new UsageError(
      `--prefix must be a relative prefix ending in "/" outside reports/, fingerprints/ and index/, got ${JSON.stringify(prefix)}`,
    );
  const rawConcurrency = options.concurrency ?? String(defaultConcurrency);
  const concurrency = Number(rawConcurrency);
  if (!/^\d+$/.test(rawConcurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY)
    throw new UsageError(
      `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, got ${JSON.stringify(rawConcurrency)}`,
    );
  return { endpoint, dynamoDbEndpoint, table, bucket, prefix, concurrency };
}

function parseEndpoint(option: string, raw: string, example: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new UsageError(`${option} must be a URL like ${example}, got ${JSON.stringify(raw)}`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${option} must be an http or https URL, got ${JSON.stringify(raw)}`);
  return url;
}

/** What a command over a whole bucket is: its name, what it reads instead of arguments, its default concurrency. */
export interface BucketCommand {
  readonly name: string;
  readonly reads: string;
  readonly defaultConcurrency: number;
}

/** The start of a command over a whole bucket: refuses arguments, parses the bucket options, opens the bucket. */
export function openBucketForCommand(
  command: BucketCommand,
  ctx: CliContext,
  args: readonly string[],
  options: BucketOptions,
  env: NodeJS.ProcessEnv,
): { parsed: ParsedBucketOptions; opened: OpenS3Bucket } {
  if (args.length > 0)
    throw new UsageError(
      `${command.name} takes no arguments (it reads ${command.reads}), got ${args.map((a) => JSON.stringify(a)).join(' ')}`,
    );
  const parsed = parseBucketOptions(options, command.defaultConcurrency);
  const { endpoint, dynamoDbEndpoint, table, bucket, prefix } = parsed;
  const opened = openS3Bucket(
    { endpoint, dynamoDbEndpoint, table, bucket, incomingPrefix: prefix, params: ctx.params, licensed: ctx.licensed },
    env,
  );
  return { parsed, opened };
}
