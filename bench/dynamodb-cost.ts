/** Dollars per million articles with the index on DynamoDB: pure arithmetic over measured requests and handler time. */
import { AWS_US_EAST_1_PRICES, s3PriceClass } from './cost-model.js';

/** DynamoDB on-demand list prices, us-east-1, Standard table class. */
export interface DynamoDbPrices {
  readonly asOf: string;
  readonly region: string;
  /** On-demand write request units (one standard write of up to 1 KB), $ per million. */
  readonly writeRequestUnitPerMillion: number;
  /** On-demand read request units (one strongly consistent read of up to 4 KB), $ per million. */
  readonly readRequestUnitPerMillion: number;
  /** Table storage, $ per GB-month (each item bills its bytes plus 100 bytes of overhead). */
  readonly storageGbMonth: number;
  /** Point-in-time recovery (continuous backups), $ per GB-month of table size. */
  readonly pitrGbMonth: number;
}

/**
 * us-east-1 on-demand prices since the November 2024 cut ($0.625 per million writes, as issue 10
 * quotes), taken as of 2026-12-02 from the AWS DynamoDB pricing pages as last read, not re-checked
 * from this machine.
 */
export const DYNAMODB_US_EAST_1_PRICES: DynamoDbPrices = Object.freeze({
  asOf: '2026-12-02',
  region: 'us-east-1',
  writeRequestUnitPerMillion: 0.625,
  readRequestUnitPerMillion: 0.125,
  storageGbMonth: 0.25,
  pitrGbMonth: 0.2,
});

/** Bytes DynamoDB adds to each item for storage billing. */
export const DYNAMODB_ITEM_OVERHEAD_BYTES = 100;

/** One article's measured work: requests by service and command, request units, handler time. */
export interface ArticleWork {
  readonly s3RequestsByCommand: Readonly<Record<string, number>>;
  readonly dynamoDbRequestsByCommand: Readonly<Record<string, number>>;
  readonly writeRequestUnits: number;
  readonly readRequestUnits: number;
  /** Estimated billed Lambda duration (see estimateLambdaMs in cost-model.ts). */
  readonly lambdaMs: number;
  readonly lambdaMemoryMb: number;
}

/** Dollars per million such articles, by service and in all. */
export interface ItemisedCost {
  readonly s3Usd: number;
  readonly dynamoDbWritesUsd: number;
  readonly dynamoDbReadsUsd: number;
  readonly lambdaComputeUsd: number;
  readonly lambdaRequestsUsd: number;
  readonly totalUsd: number;
}

const MILLION = 1_000_000;

/** What a million articles like `work` cost to process (storage apart). */
export function costPerMillion(
  work: ArticleWork,
  dynamo: DynamoDbPrices = DYNAMODB_US_EAST_1_PRICES,
  aws = AWS_US_EAST_1_PRICES,
): ItemisedCost {
  let s3Usd = 0;
  for (const [command, n] of Object.entries(work.s3RequestsByCommand)) {
    const c = s3PriceClass(command);
    const per1000 = c === 'get' ? aws.s3GetPer1000 : c === 'free' ? 0 : aws.s3PutCopyPostListPer1000;
    s3Usd += ((n * MILLION) / 1000) * per1000;
  }
  const dynamoDbWritesUsd = work.writeRequestUnits * dynamo.writeRequestUnitPerMillion;
  const dynamoDbReadsUsd = work.readRequestUnits * dynamo.readRequestUnitPerMillion;
  const lambdaComputeUsd =
    (work.lambdaMemoryMb / 1024) * (Math.ceil(work.lambdaMs) / 1000) * MILLION * aws.lambdaArm64GbSecond;
  const lambdaRequestsUsd = aws.lambdaPerMillionRequests;
  return {
    s3Usd,
    dynamoDbWritesUsd,
    dynamoDbReadsUsd,
    lambdaComputeUsd,
    lambdaRequestsUsd,
    totalUsd: s3Usd + dynamoDbWritesUsd + dynamoDbReadsUsd + lambdaComputeUsd + lambdaRequestsUsd,
  };
}

/** Request units of one Query that read `items` items of `itemBytes` each, strongly consistent: 4 KB a unit, at least one. */
export function queryReadUnits(items: number, itemBytes: number): number {
  return Math.max(1, Math.ceil((items * itemBytes) / 4096));
}

/** Billable bytes of one index item: attribute names and string values (UTF-8), as DynamoDB sizes items. */
export function indexItemBytes(band: string, article: string): number {
  return 'band'.length + Buffer.byteLength(band) + 'article'.length + Buffer.byteLength(article);
}

/** Monthly table storage and point-in-time recovery of an index of `articles` articles. */
export function indexStorageUsdPerMonth(
  articles: number,
  itemsPerArticle: number,
  itemBytes: number,
  dynamo: DynamoDbPrices = DYNAMODB_US_EAST_1_PRICES,
): { tableGb: number; tableUsd: number; pitrUsd: number; totalUsd: number } {
  const tableGb = (articles * itemsPerArticle * (itemBytes + DYNAMODB_ITEM_OVERHEAD_BYTES)) / 1024 ** 3;
  const tableUsd = tableGb * dynamo.storageGbMonth;
  const pitrUsd = tableGb * dynamo.pitrGbMonth;
  return { tableGb, tableUsd, pitrUsd, totalUsd: tableUsd + pitrUsd };
}

/**
 * Sequential round trips of one created-article event on the DynamoDB index: GET the article and
 * its previous fingerprint, PUT the fingerprint, the index writes (32 batches at a time), the
 * count, the key Queries (32 at a time), the candidate GETs (16 at a time), then the two reports.
 */
export function dynamoDbHandlerRoundTrips(
  s3: Readonly<Record<string, number>>,
  dynamo: Readonly<Record<string, number>>,
): number {
  const gets = s3['GetObject'] ?? 0;
  return (
    2 +
    1 +
    Math.ceil((dynamo['BatchWriteItem'] ?? 0) / 32) +
    (dynamo['UpdateItem'] ?? 0) +
    (dynamo['BatchGetItem'] ?? 0) +
    Math.ceil((dynamo['Query'] ?? 0) / 32) +
    Math.ceil(Math.max(0, gets - 2) / 16) +
    2
  );
}
