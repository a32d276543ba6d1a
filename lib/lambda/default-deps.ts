import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { jsonLog } from '../log.js';
import { createCloudAdapters } from '../store/cloud-adapters.js';
import type { DynamoDbRequestCounter } from '../store/dynamodb-client.js';
import type { S3RequestCounter } from '../store/s3-client.js';
import { emfArticleMetrics } from './article-metrics.js';
import { lambdaConfig } from './lambda-config.js';
import type { HandlerDeps } from './make-article-event-handler.js';

/**
 * The handler's adapters, built once per cold start from the environment: a bad variable fails
 * the start with its name. `s3Config` and `dynamoDbConfig` let the local servers point the same
 * code at 127.0.0.1. CloudWatch metrics (EMF lines on stdout) only inside Lambda, where
 * AWS_LAMBDA_FUNCTION_NAME is set.
 */
export function s3HandlerDeps(
  env: NodeJS.ProcessEnv = process.env,
  s3Config: S3ClientConfig = {},
  dynamoDbConfig: DynamoDBClientConfig = {},
): HandlerDeps & { s3Requests: S3RequestCounter; dynamoDbRequests: DynamoDbRequestCounter; close(): void } {
  const config = lambdaConfig(env);
  const cloud = createCloudAdapters({
    bucket: config.bucket,
    table: config.indexTable,
    s3Config,
    s3SocketTimeoutMs: config.s3SocketTimeoutMs,
    dynamoDbConfig,
  });
  return {
    bucket: config.bucket,
    incomingPrefix: config.incomingPrefix,
    params: config.params,
    store: cloud.store,
    index: cloud.index,
    source: cloud.source,
    // a warm Lambda judges many articles: prepared source texts are reused across them
    preparedCache: new Map(),
    log: jsonLog(config.logLevel),
    s3Requests: cloud.requests,
    dynamoDbRequests: cloud.dynamoDbRequests,
    // for the local stack and tests: Lambda freezes the process instead
    close: cloud.close,
    ...(env['AWS_LAMBDA_FUNCTION_NAME'] ? { metrics: emfArticleMetrics(env) } : {}),
  };
}
