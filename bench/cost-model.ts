/** Dollars per million articles on AWS from measured S3 requests, stored bytes and handler time: pure arithmetic, no I/O. */

/** Unit prices, each named, with the date and place they hold for. */
export interface AwsPrices {
  readonly asOf: string;
  readonly region: string;
  /** S3 Standard PUT, COPY, POST, LIST requests, $ per 1,000. */
  readonly s3PutCopyPostListPer1000: number;
  /** S3 Standard GET (and HEAD, SELECT, all other non-free) requests, $ per 1,000. */
  readonly s3GetPer1000: number;
  /** S3 Standard storage, $ per GB-month (first 50 TB; GB = 2^30 bytes). */
  readonly s3StorageGbMonth: number;
  /** Lambda arm64 compute, $ per GB-second (first 7.5 billion GB-s a month). */
  readonly lambdaArm64GbSecond: number;
  /** Lambda invocations, $ per million requests. */
  readonly lambdaPerMillionRequests: number;
}

/** us-east-1 list prices as given in issue 4, taken as of 2026-12-01 (not re-checked against the AWS price pages from this machine); no free tier. */
export const AWS_US_EAST_1_PRICES: AwsPrices = Object.freeze({
  asOf: '2026-12-01',
  region: 'us-east-1',
  s3PutCopyPostListPer1000: 0.005,
  s3GetPer1000: 0.0004,
  s3StorageGbMonth: 0.023,
  lambdaArm64GbSecond: 0.0000133334,
  lambdaPerMillionRequests: 0.2,
});

/** How S3 bills one SDK command (name without `Command`): DELETE is free; LIST and writes cost 12.5x a GET. */
export type S3PriceClass = 'put-copy-post-list' | 'get' | 'free';

const PRICE_CLASS: Readonly<Record<string, S3PriceClass>> = Object.freeze({
  PutObject: 'put-copy-post-list',
  CopyObject: 'put-copy-post-list',
  CreateMultipartUpload: 'put-copy-post-list',
  UploadPart: 'put-copy-post-list',
  CompleteMultipartUpload: 'put-copy-post-list',
  ListObjectsV2: 'put-copy-post-list',
  ListObjects: 'put-copy-post-list',
  GetObject: 'get',
  HeadObject: 'get',
  DeleteObject: 'free',
});

/** The price class of an S3 command; an unknown command is an error rather than a silent zero. */
export function s3PriceClass(command: string): S3PriceClass {
  const c = PRICE_CLASS[command];
  if (c === undefined)
    throw new RangeError(
      `no S3 price class for command ${JSON.stringify(command)}; expected one of ${Object.keys(PRICE_CLASS).join(', ')}`,
    );
  return c;
}

/** What one article costs in resources, averaged over a run. */
export interface ArticleUsage {
  /** S3 requests per article by command, as the S3 client counts them (retries included). */
  readonly s3RequestsPerArticle: Readonly<Record<string, number>>;
  /** Bytes kept per article under every prefix (article, fingerprint, reports, index entries). */
  readonly storedBytesPerArticle: number;
  /** Billed Lambda duration per article, ms (one invocation per article). */
  readonly lambdaMsPerArticle: number;
  /** Configured Lambda memory, MB (serverless.yml `memorySize`). */
  readonly lambdaMemoryMb: number;
}

/** Dollars (and the quantities behind them) per million articles. */
export interface CostPerMillion {
  readonly putCopyPostListRequests: number;
  readonly getRequests: number;
  readonly freeRequests: number;
  readonly s3PutCopyPostListUsd: number;
  readonly s3GetUsd: number;
  readonly lambdaGbSeconds: number;
  readonly lambdaComputeUsd: number;
  readonly lambdaRequestsUsd: number;
  /** Paid once, when the million articles are processed. */
  readonly processingUsd: number;
  readonly storedGb: number;
  /** Paid every month the million articles' objects are kept. */
  readonly storageUsdPerMonth: number;
}

const MILLION = 1_000_000;
const GIB = 1024 ** 3;

/** The cost of processing a million articles like the measured ones, and of keeping what they leave behind. */
export function costPerMillionArticles(usage: ArticleUsage, prices: AwsPrices = AWS_US_EAST_1_PRICES): CostPerMillion {
  expectNonNegative('storedBytesPerArticle', usage.storedBytesPerArticle);
  expectNonNegative('lambdaMsPerArticle', usage.lambdaMsPerArticle);
  if (!(usage.lambdaMemoryMb >= 128 && usage.lambdaMemoryMb <= 10240))
    throw new RangeError(`lambdaMemoryMb must be in [128, 10240], got ${usage.lambdaMemoryMb}`);
  const perClass: Record<S3PriceClass, number> = { 'put-copy-post-list': 0, get: 0, free: 0 };
  for (const [command, n] of Object.entries(usage.s3RequestsPerArticle)) {
    expectNonNegative(`s3RequestsPerArticle.${command}`, n);
    perClass[s3PriceClass(command)] += n * MILLION;
  }
  const s3PutCopyPostListUsd = (perClass['put-copy-post-list'] / 1000) * prices.s3PutCopyPostListPer1000;
  const s3GetUsd = (perClass.get / 1000) * prices.s3GetPer1000;
  // Lambda bills memory in GB of 1,024 MB times duration rounded up to the millisecond
  const lambdaGbSeconds = (usage.lambdaMemoryMb / 1024) * (Math.ceil(usage.lambdaMsPerArticle) / 1000) * MILLION;
  const lambdaComputeUsd = lambdaGbSeconds * prices.lambdaArm64GbSecond;
  const lambdaRequestsUsd = prices.lambdaPerMillionRequests;
  const storedGb = (usage.storedBytesPerArticle * MILLION) / GIB;
  return {
    putCopyPostListRequests: perClass['put-copy-post-list'],
    getRequests: perClass.get,
    freeRequests: perClass.free,
    s3PutCopyPostListUsd,
    s3GetUsd,
    lambdaGbSeconds,
    lambdaComputeUsd,
    lambdaRequestsUsd,
    processingUsd: s3PutCopyPostListUsd + s3GetUsd + lambdaComputeUsd + lambdaRequestsUsd,
    storedGb,
    storageUsdPerMonth: storedGb * prices.s3StorageGbMonth,
  };
}

/**
 * An estimate of the handler's duration on Lambda, since s3rver's are not AWS's: CPU time
 * measured locally, scaled by the share of a vCPU the memory buys (a whole one at 1,769 MB),
 * plus one S3 round trip per sequential wave of requests (the handler keeps up to 32 index
 * requests and 16 fingerprint GETs in flight; the rest are one after the other).
 */
export function estimateLambdaMs(input: {
  readonly cpuMsPerArticle: number;
  readonly lambdaMemoryMb: number;
  readonly sequentialRoundTrips: number;
  readonly roundTripMs: number;
}): number {
  expectNonNegative('cpuMsPerArticle', input.cpuMsPerArticle);
  expectNonNegative('sequentialRoundTrips', input.sequentialRoundTrips);
  expectNonNegative('roundTripMs', input.roundTripMs);
  const vcpu = Math.min(1, input.lambdaMemoryMb / 1769);
  return input.cpuMsPerArticle / vcpu + input.sequentialRoundTrips * input.roundTripMs;
}

/**
 * Sequential S3 waves of one created-article event, from its requests by command: GET the
 * article, GET its previous fingerprint, PUT the fingerprint, the index PUTs 32 at a time, the
 * band LISTs 32 at a time, the candidate GETs 16 at a time, then the two reports one by one.
 */
export function handlerRoundTrips(requests: Readonly<Record<string, number>>): number {
  const puts = requests['PutObject'] ?? 0;
  const gets = requests['GetObject'] ?? 0;
  const lists = requests['ListObjectsV2'] ?? 0;
  const indexPuts = Math.max(0, puts - 3);
  const candidateGets = Math.max(0, gets - 2);
  return 3 + Math.ceil(indexPuts / 32) + Math.ceil(lists / 32) + Math.ceil(candidateGets / 16) + 2;
}

function expectNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0))
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
}
