import { mkdir } from 'node:fs/promises';
import { s3HandlerDeps } from '../lambda/default-deps.js';
import { makeArticleEventHandler, type HandledEvent } from '../lambda/make-article-event-handler.js';
import type { Log } from '../lambda/json-log.js';
import { deliverEvents, triggerAccepts, type EventDelivery, type FailedDelivery } from './deliver-events.js';
import { startLocalDynamoDbServer, type LocalDynamoDbServer } from './local-dynamodb-server.js';
import { startLocalS3Server, type LocalS3Server } from './local-s3-server.js';

/** The bucket the local server creates. */
export const LOCAL_BUCKET = 'articles';

/** The serverless stack on this machine: s3rver, dynalite, the same handler, and S3-style event delivery. */
export interface LocalStackRuntime {
  readonly server: LocalS3Server;
  readonly dynamo: LocalDynamoDbServer;
  readonly delivery: EventDelivery;
  readonly incomingPrefix: string;
  close(): Promise<void>;
}

/**
 * Starts s3rver and dynalite (index table created, data in `dynamoDbDir`) on 127.0.0.1 and wires s3rver's object events, filtered as serverless.yml's trigger
 * filters them, to the Lambda handler (retried twice like an asynchronous invocation).
 * Configuration comes from the same environment variables as in AWS.
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
}): Promise<LocalStackRuntime> {
  await mkdir(options.dataDir, { recursive: true });
  await mkdir(options.dynamoDbDir, { recursive: true });
  const server = await startLocalS3Server({ directory: options.dataDir, bucket: LOCAL_BUCKET, ...(options.port !== undefined ? { port: options.port } : {}) });
  let dynamo: LocalDynamoDbServer;
  try {
    dynamo = await startLocalDynamoDbServer({ directory: options.dynamoDbDir, ...(options.dynamoDbPort !== undefined ? { port: options.dynamoDbPort } : {}) });
  } catch (err) {
    await server.close();
    throw err;
  }
  const base = s3HandlerDeps({ ...options.env, ARTICLES_BUCKET: LOCAL_BUCKET, INDEX_TABLE: dynamo.table }, server.clientConfig, dynamo.clientConfig);
  const handler = makeArticleEventHandler(options.log ? { ...base, log: options.log } : base);
  const delivery = deliverEvents(
    async (event) => {
      const results = await handler(event);
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
    close: async () => {
      await delivery.idle();
      await server.close();
      await dynamo.close();
    },
  };
}
