import { mkdir } from 'node:fs/promises';
import { alertBus, s3HandlerDeps } from '../lambda/default-deps.js';
import { digestConfig } from '../lambda/digest-config.js';
import { makeArticleEventHandler, type HandledEvent } from '../lambda/make-article-event-handler.js';
import type { Log } from '../log.js';
import { deliverEvents, triggerAccepts, type EventDelivery, type FailedDelivery } from './deliver-events.js';
import { LOCAL_TABLE } from '../store/dynamodb-client.js';
import { startLocalDynamoDbServer, type LocalDynamoDbServer } from './local-dynamodb-server.js';
import { startLocalS3Server, type LocalS3Server } from './local-s3-server.js';
import { mirrorReports } from './mirror-reports.js';
import { lambdaConfig } from '../lambda/lambda-config.js';
import type { FlaggedArticle } from '../alerts/flagged-article.js';
import { RecordingAlertSink } from '../store/recording-alert-sink.js';
import { checkIndexParams } from '../store/index-params.js';

/** The bucket the local server creates. */
export const LOCAL_BUCKET = 'articles';

/** The serverless stack on this machine: s3rver, dynalite, the same handler, and S3-style event delivery. */
export interface LocalStackRuntime {
  readonly server: LocalS3Server;
  readonly dynamo: LocalDynamoDbServer;
  readonly delivery: EventDelivery;
  readonly incomingPrefix: string;
  /** The stand-in for the EventBridge bus: every alert the handler published, in order. */
  readonly alerts: RecordingAlertSink;
  close(): Promise<void>;
}

/**
 * Starts s3rver and dynalite (index table created, data in `dynamoDbDir`) on 127.0.0.1 and wires s3rver's object events, filtered as serverless.yml's trigger
 * filters them, to the Lambda handler (retried twice like an asynchronous invocation).
 * Configuration comes from the same environment variables as in AWS; a bad one throws
 * ConfigError before anything is started.
 */
export async function startLocalStackRuntime(options: {
  dataDir: string;
  port?: number;
  dynamoDbDir: string;
  dynamoDbPort?: number;
  env?: NodeJS.ProcessEnv;
  log?: Log;
  onHandled?: (results: readonly HandledEvent[]) => void;
  onFailure?: (failure: FailedDelivery) => void;
  /** Called with each alert published (the stand-in bus: nothing leaves the machine). */
  onAlert?: (alert: FlaggedArticle) => void;
  /** A folder the reports are copied into as they are written, to open them from disk. */
  mirrorReportsTo?: string;
}): Promise<LocalStackRuntime> {
  const env = { ...options.env, ARTICLES_BUCKET: LOCAL_BUCKET, INDEX_TABLE: LOCAL_TABLE };
  // a bad variable fails before the port is bound, so nothing is left listening; the digest's and
  // the alert bus's are checked too, though alerts stay in this process and no digest runs here
  lambdaConfig(env);
  digestConfig(env);
  alertBus(env);
  await mkdir(options.dataDir, { recursive: true });
  await mkdir(options.dynamoDbDir, { recursive: true });
  const server = await startLocalS3Server({
    directory: options.dataDir,
    bucket: LOCAL_BUCKET,
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  let dynamo: LocalDynamoDbServer;
  try {
    dynamo = await startLocalDynamoDbServer({
      directory: options.dynamoDbDir,
      ...(options.dynamoDbPort !== undefined ? { port: options.dynamoDbPort } : {}),
    });
  } catch (err) {
    await server.close();
    throw err;
  }
  const alerts = new RecordingAlertSink(options.onAlert);
  const base = s3HandlerDeps({ ...env, INDEX_TABLE: dynamo.table }, server.clientConfig, dynamo.clientConfig, alerts);
  try {
    // sketch parameters the kept index was not built with are refused now, not by every event in turn
    await checkIndexParams(base.store, base.params, { record: false });
  } catch (err) {
    base.close();
    await server.close();
    await dynamo.close();
    throw err;
  }
  const mirror =
    options.mirrorReportsTo === undefined
      ? undefined
      : mirrorReports(base.store, options.mirrorReportsTo, (key, error) =>
          options.log?.('warn', 'report not mirrored', { key, error: String(error) }),
        );
  if (mirror) server.onEvent((e) => mirror.onEvent(e));
  const handler = makeArticleEventHandler(options.log ? { ...base, log: options.log } : base);
  const delivery = deliverEvents(
    async (event) => {
      const results = await handler(event);
      // s3rver emits a write's event before answering it: the copies of these reports have begun
      await mirror?.idle();
      options.onHandled?.(results);
      return results;
    },
    { accepts: triggerAccepts(base.incomingPrefix), ...(options.onFailure ? { onFailure: options.onFailure } : {}) },
  );
  server.onEvent((e) => delivery.deliver(e));
  return {
    server,
    dynamo,
    delivery,
    incomingPrefix: base.incomingPrefix,
    alerts,
    close: async () => {
      await delivery.idle();
      await mirror?.idle();
      base.close();
      await server.close();
      await dynamo.close();
    },
  };
}
