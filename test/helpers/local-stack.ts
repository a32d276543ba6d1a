import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient, ScanCommand, type ScanCommandOutput } from '@aws-sdk/client-dynamodb';
import { startLocalDynamoDbServer, type LocalDynamoDbServer } from '../../lib/local/local-dynamodb-server.js';
import { INDEX_TABLE_KEY, isIndexEntry } from '../../lib/store/dynamodb-lsh-index.js';
import { startDynamoDbFaultProxy, type DynamoDbFaultProxy, type RandomDynamoDbFaults } from './dynamodb-fault-proxy.js';
import { s3HandlerDeps } from '../../lib/lambda/default-deps.js';
import { makeArticleEventHandler, type HandlerDeps } from '../../lib/lambda/make-article-event-handler.js';
import { deliverEvents, triggerAccepts, type EventDelivery } from '../../lib/local/deliver-events.js';
import { startLocalS3Server, type LocalS3Server } from '../../lib/local/local-s3-server.js';
import { makeS3Client } from '../../lib/store/s3-client.js';
import { reportKey } from '../../lib/store/keys.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { decodeReport } from '../../lib/report/decode-report.js';
import type { Report } from '../../lib/report/report.js';

/** One item of the index table. */
export interface IndexEntry {
  readonly band: string;
  readonly article: string;
}

/** A real s3rver and dynalite on 127.0.0.1 whose object events reach the real handler, as S3 notifications reach the Lambda. */
export interface LocalStack {
  readonly server: LocalS3Server;
  readonly dynamo: LocalDynamoDbServer;
  readonly deps: HandlerDeps;
  readonly handler: (event: unknown) => Promise<unknown>;
  readonly delivery: EventDelivery;
  /** A separate client, as the uploading user has. */
  readonly user: S3Client;
  readonly logs: Array<Record<string, unknown>>;
  put(key: string, body: string | Uint8Array): Promise<void>;
  remove(key: string): Promise<void>;
  /** The JSON report of an article key, when there is one. */
  report(key: string): Promise<Report | undefined>;
  /** Every item of the index table, read straight from dynalite (a Scan, not the handler's path). */
  indexEntries(): Promise<IndexEntry[]>;
  close(): Promise<void>;
}

/** How a local stack is put together; every field has a default. */
export interface LocalStackOptions {
  readonly env?: Record<string, string>;
  /** false leaves events undelivered: the test calls the handler itself. */
  readonly wire?: boolean;
  /** Puts something (a fault proxy) between the handler and the server. */
  readonly endpoint?: (server: LocalS3Server) => Promise<string>;
  /** Puts something (a fault proxy) between the handler and dynalite. */
  readonly dynamoDbEndpoint?: (server: LocalDynamoDbServer) => Promise<string>;
}

/** Starts the servers (s3rver in a fresh temp folder, dynalite in memory), with the handler wired to S3 events unless `wire` is false. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const directory = await mkdtemp(join(tmpdir(), 'rr-s3-'));
  const server = await startLocalS3Server({ directory, bucket: 'articles' });
  const dynamo = await startLocalDynamoDbServer();
  const logs: Array<Record<string, unknown>> = [];
  const endpoint = options.endpoint ? await options.endpoint(server) : server.endpoint;
  const dynamoDbEndpoint = options.dynamoDbEndpoint ? await options.dynamoDbEndpoint(dynamo) : dynamo.endpoint;
  const base = s3HandlerDeps(
    { ARTICLES_BUCKET: 'articles', INDEX_TABLE: dynamo.table, ...options.env },
    { ...server.clientConfig, endpoint },
    { ...dynamo.clientConfig, endpoint: dynamoDbEndpoint },
  );
  const deps: HandlerDeps = { ...base, log: (level, message, fields) => void logs.push({ level, message, ...fields }) };
  const handler = makeArticleEventHandler(deps);
  const delivery = deliverEvents(handler, { accepts: triggerAccepts(deps.incomingPrefix) });
  if (options.wire !== false) server.onEvent((e) => delivery.deliver(e));
  // the uploader waits out a busy server: a PUT it retried would make S3 send a second event
  const user = makeS3Client(server.clientConfig, 120_000);
  return {
    server,
    dynamo,
    deps,
    handler,
    delivery,
    user,
    logs,
    put: async (key, body) => {
      const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      await user.send(new PutObjectCommand({ Bucket: 'articles', Key: key, Body: bytes, ContentLength: bytes.length }));
    },
    remove: async (key) => void (await user.send(new DeleteObjectCommand({ Bucket: 'articles', Key: key }))),
    report: async (key) => {
      const bytes = await deps.store.get(reportKey(key));
      return bytes ? decodeReport(bytes, reportKey(key)) : undefined;
    },
    indexEntries: () => scanIndex(dynamo),
    close: async () => {
      await delivery.idle();
      user.destroy();
      base.close();
      await dynamo.close();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Every item of a local server's index table (a Scan, not the handler's path). */
export async function scanIndex(dynamo: Pick<LocalDynamoDbServer, 'clientConfig' | 'table'>): Promise<IndexEntry[]> {
  const client = new DynamoDBClient(dynamo.clientConfig);
  try {
    const entries: IndexEntry[] = [];
    let start: ScanCommandOutput['LastEvaluatedKey'];
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: dynamo.table,
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of page.Items ?? []) {
        const band = item[INDEX_TABLE_KEY.partition]!.S!;
        // the article count's items live in the same table
        if (isIndexEntry(band)) entries.push({ band, article: item[INDEX_TABLE_KEY.sort]!.S! });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return entries;
  } finally {
    client.destroy();
  }
}

/**
 * A local stack whose handler reaches S3 and DynamoDB through fault proxies (the uploading user's
 * client and the test's Scan go straight to the servers); events are delivered by the test.
 * Close the stack and both proxies when done.
 */
export async function startProxiedStack(
  proxyOptions?: Parameters<typeof startFaultProxy>[1],
  stackOptions: Pick<LocalStackOptions, 'env'> = {},
  dynamoDbFaults?: RandomDynamoDbFaults,
): Promise<{ stack: LocalStack; proxy: FaultProxy; dynamoProxy: DynamoDbFaultProxy }> {
  let proxy: FaultProxy | undefined;
  let dynamoProxy: DynamoDbFaultProxy | undefined;
  const stack = await startLocalStack({
    ...stackOptions,
    wire: false,
    endpoint: async (server) => {
      proxy = await startFaultProxy(server.endpoint, proxyOptions);
      return proxy.endpoint;
    },
    dynamoDbEndpoint: async (dynamo) => {
      dynamoProxy = await startDynamoDbFaultProxy(dynamo.endpoint, dynamoDbFaults);
      return dynamoProxy.endpoint;
    },
  });
  return { stack, proxy: proxy!, dynamoProxy: dynamoProxy! };
}
