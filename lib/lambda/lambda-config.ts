import { ConfigError } from '../errors.js';
import { detectorParams, type DetectorParams } from '../detect/detector-params.js';

/** Everything the functions read from their environment, parsed once per cold start. */
export interface LambdaConfig {
  readonly bucket: string;
  /** The DynamoDB table holding the LSH index. */
  readonly indexTable: string;
  /** Only keys under this prefix are articles; events elsewhere are ignored. */
  readonly incomingPrefix: string;
  readonly params: DetectorParams;
  readonly logLevel: LogLevel;
  /** An S3 request whose socket is idle this long fails (and the SDK retries it). */
  readonly s3SocketTimeoutMs: number;
}

/** Idle socket limit of S3 requests: far above a healthy request's wait; three attempts fit in the function's 60 s. */
export const DEFAULT_S3_SOCKET_TIMEOUT_MS = 10_000;

/** Levels of the structured log, least to most severe. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Environment variables that override a detector parameter, with the parameter they set. */
const PARAM_VARIABLES = {
  MAX_BYTES: 'maxBytes',
  MIN_WORDS: 'minWords',
  MAX_CANDIDATES: 'maxCandidates',
  REWRITE_SHARE: 'rewriteShare',
  PARTIAL_SHARE: 'partialShare',
  COPY_CONTAINMENT: 'copyContainment',
  PASSAGE_WORDS: 'passageWords',
} as const satisfies Record<string, keyof DetectorParams>;

/** Bucket names S3 accepts (3-63 lower-case letters, digits, dots and hyphens). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Table names DynamoDB accepts (3-255 letters, digits, underscores, hyphens and dots). */
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** Whether a prefix can hold articles: relative, ending in "/", and outside the state the detector writes (so its writes never look like uploads). */
export function isIncomingPrefix(prefix: string): boolean {
  return /^[^/].*\/$/.test(prefix) && !['reports/', 'fingerprints/', 'index/'].some((p) => prefix.startsWith(p));
}

/** Whether a name is one S3 accepts for a bucket. */
export function isBucketName(name: string): boolean {
  return BUCKET_NAME.test(name);
}

/** Reads and validates the configuration; a bad value throws ConfigError naming the variable. */
export function lambdaConfig(env: NodeJS.ProcessEnv): LambdaConfig {
  const bucket = env['ARTICLES_BUCKET'];
  if (bucket === undefined || bucket === '') throw new ConfigError('ARTICLES_BUCKET is not set: it names the bucket holding incoming/ articles');
  if (!isBucketName(bucket)) throw new ConfigError(`ARTICLES_BUCKET must be an S3 bucket name, got ${JSON.stringify(bucket)}`);
  const indexTable = env['INDEX_TABLE'];
  if (indexTable === undefined || indexTable === '') throw new ConfigError('INDEX_TABLE is not set: it names the DynamoDB table holding the index');
  if (!TABLE_NAME.test(indexTable)) throw new ConfigError(`INDEX_TABLE must be a DynamoDB table name (3-255 of A-Z a-z 0-9 _ - .), got ${JSON.stringify(indexTable)}`);
  const incomingPrefix = env['INCOMING_PREFIX'] ?? 'incoming/';
  if (!isIncomingPrefix(incomingPrefix)) {
    throw new ConfigError(`INCOMING_PREFIX must be a relative prefix ending in "/" outside reports/, fingerprints/ and index/, got ${JSON.stringify(incomingPrefix)}`);
  }
  const overrides: Record<string, number> = {};
  for (const [variable, param] of Object.entries(PARAM_VARIABLES)) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new ConfigError(`${variable} must be a number, got ${JSON.stringify(raw)}`);
    overrides[param] = value;
  }
  let params: DetectorParams;
  try {
    params = detectorParams(overrides as Partial<DetectorParams>);
  } catch (err) {
    const variable = Object.entries(PARAM_VARIABLES).find(([, p]) => err instanceof Error && err.message.startsWith(p))?.[0];
    throw new ConfigError(variable ? `${variable}: ${(err as Error).message}` : (err as Error).message, { cause: err });
  }
  const logLevel = (env['LOG_LEVEL'] ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(env['LOG_LEVEL'])}`);
  const rawTimeout = env['S3_SOCKET_TIMEOUT_MS'];
  const s3SocketTimeoutMs = rawTimeout === undefined || rawTimeout === '' ? DEFAULT_S3_SOCKET_TIMEOUT_MS : Number(rawTimeout);
  if (!Number.isInteger(s3SocketTimeoutMs) || s3SocketTimeoutMs < 100 || s3SocketTimeoutMs > 600_000) {
    throw new ConfigError(`S3_SOCKET_TIMEOUT_MS must be an integer number of milliseconds in 100..600000, got ${JSON.stringify(rawTimeout)}`);
  }
  return Object.freeze({ bucket, indexTable, incomingPrefix, params, logLevel: logLevel as LogLevel, s3SocketTimeoutMs });
}
