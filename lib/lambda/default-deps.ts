import { S3ArticleSource } from '../store/s3-article-source.js';
import { DynamoDbLshIndex } from '../store/dynamodb-lsh-index.js';
import { S3ObjectStore } from '../store/s3-object-store.js';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { emfArticleMetrics } from './article-metrics.js';
import { makeDynamoDbClient, type DynamoDbRequestCounter } from './dynamodb-client.js';
import { jsonLog } from './json-log.js';
import { lambdaConfig } from './lambda-config.js';
import type { HandlerDeps } from './make-article-event-handler.js';
import { makeS3Client, type S3RequestCounter } from './s3-client.js';

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
): HandlerDeps & { s3Requests: S3RequestCounter; dynamoDbRequests: DynamoDbRequestCounter } {
  const config = lambdaConfig(env);
  const { s3, requests } = makeS3Client(s3Config, config.s3SocketTimeoutMs);
  // S3_SOCKET_TIMEOUT_MS is S3's alone: DynamoDB sockets keep the default 10 s idle limit
  const { dynamodb, requests: dynamoDbRequests } = makeDynamoDbClient(dynamoDbConfig);
  const store = new S3ObjectStore(s3, config.bucket);
  return {
    bucket: config.bucket,
    incomingPrefix: config.incomingPrefix,
    params: config.params,
    store,
    index: new DynamoDbLshIndex(dynamodb, config.indexTable),
    source: new S3ArticleSource(s3, config.bucket),
    // a warm Lambda judges many articles: prepared source texts are reused across them
    preparedCache: new Map(),
    log: jsonLog(config.logLevel),
    s3Requests: requests,
    dynamoDbRequests,
    ...(env['AWS_LAMBDA_FUNCTION_NAME'] ? { metrics: emfArticleMetrics(env) } : {}),
  };
}
