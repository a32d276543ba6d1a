import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { ConfigError } from '../errors.js';
import { jsonLog } from '../log.js';
import { createCloudAdapters } from '../store/cloud-adapters.js';
import { presignedLinks } from '../store/presigned-links.js';
import { makeS3Client } from '../store/s3-client.js';
import { S3ObjectStore } from '../store/s3-object-store.js';
import type { DigestDeps } from '../use-cases/write-digest.js';
import { digestConfig } from './digest-config.js';
import { EventBridgeAlertSink } from '../store/eventbridge-alert-sink.js';
import type { AlertSink } from '../store/ports.js';
import { RecordingAlertSink } from '../store/recording-alert-sink.js';
import { emfArticleMetrics } from './article-metrics.js';
import { lambdaConfig } from './lambda-config.js';
import type { HandlerDeps } from './make-article-event-handler.js';

/**
 * The handler's adapters, built once per cold start from the environment: a bad variable fails
 * the start with its name. `s3Config` and `dynamoDbConfig` let the local servers point the same
 * code at 127.0.0.1, and `alerts` the stand-in bus. CloudWatch metrics (EMF lines on stdout) and
 * alerts on EventBridge only where ALERT_BUS is set (serverless.yml sets it).
 */
export function s3HandlerDeps(
  env: NodeJS.ProcessEnv = process.env,
  s3Config: S3ClientConfig = {},
  dynamoDbConfig: DynamoDBClientConfig = {},
  alerts: AlertSink = defaultAlertSink(env),
): HandlerDeps & { close(): void } {
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
    alerts,
    licensed: config.licensed,
    // a warm Lambda judges many articles: prepared source texts are reused across them
    preparedCache: new Map(),
    log: jsonLog(config.logLevel),
    // for the local stack and tests: Lambda freezes the process instead
    close: cloud.close,
    ...(env['AWS_LAMBDA_FUNCTION_NAME'] ? { metrics: emfArticleMetrics(env) } : {}),
  };
}

/**
 * EventBridge when ALERT_BUS names a bus (serverless.yml sets `default`); without it (the local
 * stack, benchmarks, a handler run on a laptop) alerts stay in process, so nothing reaches an AWS
 * account by accident.
 */
function defaultAlertSink(env: NodeJS.ProcessEnv): AlertSink {
  const bus = alertBus(env);
  return bus === undefined ? new RecordingAlertSink() : new EventBridgeAlertSink(new EventBridgeClient({}), bus);
}

/** The EventBridge bus ALERT_BUS names, undefined when unset; ConfigError when it is no bus name. */
export function alertBus(env: NodeJS.ProcessEnv): string | undefined {
  const bus = env['ALERT_BUS'];
  if (bus === undefined || bus === '') return undefined;
  if (!/^[A-Za-z0-9._-]{1,256}$/.test(bus))
    throw new ConfigError(`ALERT_BUS must be an EventBridge bus name such as default, got ${JSON.stringify(bus)}`);
  return bus;
}

/**
 * The digest function's adapters: its S3 client built once per cold start, the links presigned
 * per run (`now`) for DIGEST_LINK_SECONDS. It needs no index, so INDEX_TABLE is not read.
 */
export function digestHandlerDeps(
  env: NodeJS.ProcessEnv = process.env,
  s3Config: S3ClientConfig = {},
): (now: Date) => DigestDeps {
  const config = digestConfig(env);
  const s3 = makeS3Client(s3Config);
  const store = new S3ObjectStore(s3, config.bucket);
  const log = jsonLog('info');
  return (now) => ({ store, links: presignedLinks(s3, config.bucket, config.linkSeconds, now), now: () => now, log });
}
