import type { S3Client } from '@aws-sdk/client-s3';
import type { DetectorParams } from '../detect/detector-params.js';
import { createCloudAdapters } from '../store/cloud-adapters.js';
import { s3ClientConfigFor } from '../store/s3-client.js';
import type { ArticleEventDeps } from '../use-cases/process-article-event.js';

/** The endpoint of the local stack (`npm start`, port 4569). */
export const LOCAL_S3_ENDPOINT = 'http://127.0.0.1:4569';

/** The Lambda functions' adapters (createCloudAdapters) over a bucket at any S3-compatible endpoint. */
export interface OpenS3Bucket {
  readonly s3: S3Client;
  readonly bucket: string;
  readonly deps: ArticleEventDeps;
  /** S3 requests sent so far. */
  readonly requests: () => number;
  close(): void;
}

/** Builds the S3 adapters once for a whole run; `close` releases the client's sockets. */
export function openS3Bucket(options: { endpoint: URL; bucket: string; incomingPrefix: string; params: DetectorParams }, env: NodeJS.ProcessEnv = process.env): OpenS3Bucket {
  const cloud = createCloudAdapters({ bucket: options.bucket, s3Config: s3ClientConfigFor(options.endpoint, env) });
  return {
    s3: cloud.s3,
    bucket: options.bucket,
    deps: {
      store: cloud.store,
      index: cloud.index,
      source: cloud.source,
      incomingPrefix: options.incomingPrefix,
      params: options.params,
      // one process judges the whole archive: prepared source texts are reused across articles
      preparedCache: new Map(),
    },
    requests: cloud.requests,
    close: cloud.close,
  };
}
