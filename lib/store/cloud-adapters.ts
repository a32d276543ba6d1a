import type { DynamoDBClient, DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { makeDynamoDbClient } from './dynamodb-client.js';
import { DynamoDbLshIndex } from './dynamodb-lsh-index.js';
import { S3ArticleSource } from './s3-article-source.js';
import { makeS3Client } from './s3-client.js';
import { S3ObjectStore } from './s3-object-store.js';

/** The adapters of one deployment (bucket and index table), as every entry point that talks to the cloud uses them. */
export interface CloudAdapters {
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
  readonly store: S3ObjectStore;
  readonly index: DynamoDbLshIndex;
  readonly source: S3ArticleSource;
  /** Releases the clients' sockets. */
  close(): void;
}

/** What the adapters need: the bucket, the index table, and client settings (endpoints, credentials). */
export interface CloudOptions {
  readonly bucket: string;
  readonly table: string;
  readonly s3Config?: S3ClientConfig;
  readonly s3SocketTimeoutMs?: number;
  readonly dynamoDbConfig?: DynamoDBClientConfig;
}

/** Builds the clients once (per cold start or per CLI run) and every adapter over them. */
export function createCloudAdapters(options: CloudOptions): CloudAdapters {
  const s3 = makeS3Client(options.s3Config ?? {}, options.s3SocketTimeoutMs);
  // S3_SOCKET_TIMEOUT_MS is S3's alone: DynamoDB sockets keep the default 10 s idle limit
  const dynamodb = makeDynamoDbClient(options.dynamoDbConfig ?? {});
  return {
    s3,
    dynamodb,
    store: new S3ObjectStore(s3, options.bucket),
    index: new DynamoDbLshIndex(dynamodb, options.table),
    source: new S3ArticleSource(s3, options.bucket),
    close: () => {
      s3.destroy();
      dynamodb.destroy();
    },
  };
}
