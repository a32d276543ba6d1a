import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DetectorParams } from '../detect/detector-params.js';
import type { LicensedSources } from '../report/licensed-sources.js';
import { createCloudAdapters } from '../store/cloud-adapters.js';
import { dynamoDbClientConfigFor } from '../store/dynamodb-client.js';
import { s3ClientConfigFor } from '../store/s3-client.js';
import type { ArticleEventDeps } from '../use-cases/process-article-event.js';

/** The endpoint of the local stack (`npm start`, port 4569). */
export const LOCAL_S3_ENDPOINT = 'http://127.0.0.1:4569';

/** The DynamoDB endpoint of the local stack (`npm start`, dynalite on port 4567). */
export const LOCAL_DYNAMODB_ENDPOINT = 'http://127.0.0.1:4567';

/** The Lambda functions' adapters (createCloudAdapters) over a bucket and index table at any endpoints. */
export interface OpenS3Bucket {
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
  readonly bucket: string;
  readonly deps: ArticleEventDeps;
  close(): void;
}

/** Builds the S3 and DynamoDB adapters once for a whole run; `close` releases the clients' sockets. */
export function openS3Bucket(
  options: {
    endpoint: URL;
    dynamoDbEndpoint: URL;
    table: string;
    bucket: string;
    incomingPrefix: string;
    params: DetectorParams;
    licensed?: LicensedSources;
  },
  env: NodeJS.ProcessEnv = process.env,
): OpenS3Bucket {
  const cloud = createCloudAdapters({
    bucket: options.bucket,
    table: options.table,
    s3Config: s3ClientConfigFor(options.endpoint, env),
    dynamoDbConfig: dynamoDbClientConfigFor(options.dynamoDbEndpoint, env),
  });
  return {
    s3: cloud.s3,
    dynamodb: cloud.dynamodb,
    bucket: options.bucket,
    deps: {
      store: cloud.store,
      index: cloud.index,
      source: cloud.source,
      incomingPrefix: options.incomingPrefix,
      params: options.params,
      ...(options.licensed ? { licensed: options.licensed } : {}),
      // one process judges the whole archive: prepared source texts are reused across articles
      preparedCache: new Map(),
    },
    close: cloud.close,
  };
}
