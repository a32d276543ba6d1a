import { ConfigError } from '../errors.js';
import { detectorParams, type DetectorParams } from '../detect/detector-params.js';
import { LOG_LEVELS, type LogLevel } from '../log.js';
import { isBucketName, isIncomingPrefix } from '../store/keys.js';
import { DEFAULT_S3_SOCKET_TIMEOUT_MS } from '../store/s3-client.js';
import { parseVerdictParams } from '../detect/verdict-params.js';
import { parseLicensedSources, type LicensedSources } from '../report/licensed-sources.js';
import { decimalNumber } from '../util/decimal-number.js';

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
  /** LICENSED_SOURCES: copies of these are `licensed`, not alerted. */
  readonly licensed: LicensedSources;
}

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

/** Table names DynamoDB accepts (3-255 letters, digits, underscores, hyphens and dots). */
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** Reads and validates the configuration; a bad value throws ConfigError naming the variable. */
export function lambdaConfig(env: NodeJS.ProcessEnv): LambdaConfig {
  const bucket = env['ARTICLES_BUCKET'];
  if (bucket === undefined || bucket === '')
    throw new ConfigError('ARTICLES_BUCKET is not set: it names the bucket holding incoming/ articles');
  if (!isBucketName(bucket))
    throw new ConfigError(`ARTICLES_BUCKET must be an S3 bucket name, got ${JSON.stringify(bucket)}`);
  const indexTable = env['INDEX_TABLE'];
  if (indexTable === undefined || indexTable === '')
    throw new ConfigError('INDEX_TABLE is not set: it names the DynamoDB table holding the index');
  if (!TABLE_NAME.test(indexTable))
    throw new ConfigError(
      `INDEX_TABLE must be a DynamoDB table name (3-255 of A-Z a-z 0-9 _ - .), got ${JSON.stringify(indexTable)}`,
    );
  const incomingPrefix = env['INCOMING_PREFIX'] ?? 'incoming/';
  if (!isIncomingPrefix(incomingPrefix)) {
    throw new ConfigError(
      `INCOMING_PREFIX must be a relative prefix ending in "/" outside reports/, fingerprints/ and index/, got ${JSON.stringify(incomingPrefix)}`,
    );
  }
  // DETECTOR_PARAMS (a params file's JSON, e.g. from `rewrite-radar calibrate`) first; single variables win over it
  const rawParams = env['DETECTOR_PARAMS'];
  const overrides: Record<string, number> =
    rawParams === undefined || rawParams === '' ? {} : { ...parseVerdictParams(rawParams, 'DETECTOR_PARAMS') };
  for (const [variable, param] of Object.entries(PARAM_VARIABLES)) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const value = decimalNumber(raw);
    if (!Number.isFinite(value)) throw new ConfigError(`${variable} must be a number, got ${JSON.stringify(raw)}`);
    overrides[param] = value;
  }
  let params: DetectorParams;
  try {
    params = detectorParams(overrides as Partial<DetectorParams>);
  } catch (err) {
    const variable = Object.entries(PARAM_VARIABLES).find(
      ([, p]) => err instanceof Error && err.message.startsWith(p),
    )?.[0];
    throw new ConfigError(variable ? `${variable}: ${(err as Error).message}` : (err as Error).message, { cause: err });
  }
  const logLevel = (env['LOG_LEVEL'] ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(env['LOG_LEVEL'])}`);
  const rawTimeout = env['S3_SOCKET_TIMEOUT_MS'];
  const s3SocketTimeoutMs =
    rawTimeout === undefined || rawTimeout === '' ? DEFAULT_S3_SOCKET_TIMEOUT_MS : decimalNumber(rawTimeout);
  if (!Number.isInteger(s3SocketTimeoutMs) || s3SocketTimeoutMs < 100 || s3SocketTimeoutMs > 600_000) {
    throw new ConfigError(
      `S3_SOCKET_TIMEOUT_MS must be an integer number of milliseconds in 100..600000, got ${JSON.stringify(rawTimeout)}`,
    );
  }
  return Object.freeze({
    bucket,
    indexTable,
    incomingPrefix,
    params,
    logLevel: logLevel as LogLevel,
    s3SocketTimeoutMs,
    licensed: parseLicensedSources(env['LICENSED_SOURCES'], 'LICENSED_SOURCES'),
  });
}
