import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { jsonLog } from '../log.js';
import { createCloudAdapters } from '../store/cloud-adapters.js';
import type { S3RequestCounter } from '../store/s3-client.js';
import { lambdaConfig } from './lambda-config.js';
import type { HandlerDeps } from './make-article-event-handler.js';

/**
 * The handler's adapters, built once per cold start from the environment: a bad variable fails
 * the start with its name. `s3Config` lets the local server point the same code at 127.0.0.1.
 */
export function s3HandlerDeps(env: NodeJS.ProcessEnv = process.env, s3Config: S3ClientConfig = {}): HandlerDeps & { s3Requests: S3RequestCounter } {
  const config = lambdaConfig(env);
  const { store, index, source, requests } = createCloudAdapters({ bucket: config.bucket, s3Config, s3SocketTimeoutMs: config.s3SocketTimeoutMs });
  return {
    bucket: config.bucket,
    incomingPrefix: config.incomingPrefix,
    params: config.params,
    store,
    index,
    source,
    // a warm Lambda judges many articles: prepared source texts are reused across them
    preparedCache: new Map(),
    log: jsonLog(config.logLevel),
    s3Requests: requests,
  };
}
