import type { DynamoDBClient, DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import type { DetectorParams } from '../detect/detector-params.js';
import { makeDynamoDbClient } from '../lambda/dynamodb-client.js';
import { makeS3Client } from '../lambda/s3-client.js';
import { localDynamoDbClientConfig } from '../local/local-dynamodb-server.js';
import { S3RVER_CREDENTIALS } from '../local/s3rver-credentials.js';
import { DynamoDbLshIndex } from '../store/dynamodb-lsh-index.js';
import { S3ArticleSource } from '../store/s3-article-source.js';
import { S3ObjectStore } from '../store/s3-object-store.js';
import type { ArticleEventDeps } from '../use-cases/process-article-event.js';

/** The endpoint of the local stack (`npm start`, port 4569). */
export const LOCAL_S3_ENDPOINT = 'http://127.0.0.1:4569';

/** The DynamoDB endpoint of the local stack (`npm start`, dynalite on port 4567). */
export const LOCAL_DYNAMODB_ENDPOINT = 'http://127.0.0.1:4567';

/** The adapters the Lambda functions use (lib/lambda/default-deps.ts), over a bucket at any S3-compatible endpoint. */
export interface OpenS3Bucket {
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
  readonly bucket: string;
  readonly deps: ArticleEventDeps;
  /** S3 requests sent so far. */
  readonly requests: () => number;
  close(): void;
}

/** Hosts taken to be the local s3rver. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Client settings for an endpoint. One explicit rule for credentials: an endpoint on the loopback
 * address (127.0.0.1, localhost, ::1) with no AWS_ACCESS_KEY_ID in the environment is the local
 * s3rver and gets its fixed, public S3RVER/S3RVER pair; anything else uses the SDK's standard
 * chain (environment, AWS_PROFILE, SSO, instance role). Local servers also need path-style URLs.
 */
export function s3ClientConfigFor(endpoint: URL, env: NodeJS.ProcessEnv): S3ClientConfig {
  const loopback = LOOPBACK_HOSTS.has(endpoint.hostname);
  const useS3rver = loopback && (env['AWS_ACCESS_KEY_ID'] ?? '') === '';
  return {
    endpoint: endpoint.href.replace(/\/$/, ''),
    region: env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || 'us-east-1',
    forcePathStyle: loopback,
    ...(useS3rver ? { credentials: { ...S3RVER_CREDENTIALS } } : {}),
  };
}

/** DynamoDB client settings for an endpoint: on the loopback address without AWS_ACCESS_KEY_ID, dynalite's; else the standard chain. */
export function dynamoDbClientConfigFor(endpoint: URL, env: NodeJS.ProcessEnv): DynamoDBClientConfig {
  const href = endpoint.href.replace(/\/$/, '');
  if (LOOPBACK_HOSTS.has(endpoint.hostname) && (env['AWS_ACCESS_KEY_ID'] ?? '') === '') return localDynamoDbClientConfig(href);
  return { endpoint: href, region: env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || 'us-east-1' };
}

/** Builds the S3 and DynamoDB adapters once for a whole run; `close` releases the clients' sockets. */
export function openS3Bucket(
  options: { endpoint: URL; dynamoDbEndpoint: URL; table: string; bucket: string; incomingPrefix: string; params: DetectorParams },
  env: NodeJS.ProcessEnv = process.env,
): OpenS3Bucket {
  const { s3, requests } = makeS3Client(s3ClientConfigFor(options.endpoint, env));
  const { dynamodb } = makeDynamoDbClient(dynamoDbClientConfigFor(options.dynamoDbEndpoint, env));
  const store = new S3ObjectStore(s3, options.bucket);
  return {
    s3,
    dynamodb,
    bucket: options.bucket,
    deps: {
      store,
      index: new DynamoDbLshIndex(dynamodb, options.table),
      source: new S3ArticleSource(s3, options.bucket),
      incomingPrefix: options.incomingPrefix,
      params: options.params,
      // one process judges the whole archive: prepared source texts are reused across articles
      preparedCache: new Map(),
    },
    requests,
    close: () => {
      s3.destroy();
      dynamodb.destroy();
    },
  };
}
