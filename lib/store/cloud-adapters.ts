import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { S3ArticleSource } from './s3-article-source.js';
import { makeS3Client, type S3RequestCounter } from './s3-client.js';
import { S3LshIndex } from './s3-lsh-index.js';
import { S3ObjectStore } from './s3-object-store.js';

/** The adapters of one bucket, as every entry point that talks to the cloud uses them. */
export interface CloudAdapters {
  readonly s3: S3Client;
  readonly store: S3ObjectStore;
  readonly index: S3LshIndex;
  readonly source: S3ArticleSource;
  /** S3 requests sent so far by this client, and what they returned. */
  readonly requests: S3RequestCounter;
  /** Releases the client's sockets. */
  close(): void;
}

/** Builds the S3 client once (per cold start or per CLI run) and every adapter over it. */
export function createCloudAdapters(options: { bucket: string; s3Config?: S3ClientConfig; s3SocketTimeoutMs?: number }): CloudAdapters {
  const { s3, requests } = makeS3Client(options.s3Config ?? {}, options.s3SocketTimeoutMs);
  const store = new S3ObjectStore(s3, options.bucket);
  return { s3, store, index: new S3LshIndex(store), source: new S3ArticleSource(s3, options.bucket), requests, close: () => s3.destroy() };
}
