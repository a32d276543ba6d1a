import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { s3HandlerDeps } from '../../lib/lambda/default-deps.js';
import { makeArticleEventHandler, type HandlerDeps } from '../../lib/lambda/make-article-event-handler.js';
import { deliverEvents, triggerAccepts, type EventDelivery } from '../../lib/local/deliver-events.js';
import { startLocalS3Server, type LocalS3Server } from '../../lib/local/local-s3-server.js';
import { makeS3Client } from '../../lib/store/s3-client.js';
import { reportKey } from '../../lib/store/keys.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { decodeReport } from '../../lib/report/decode-report.js';
import type { Report } from '../../lib/report/report.js';

/** A real s3rver on 127.0.0.1 whose object events reach the real handler, as S3 notifications reach the Lambda. */
export interface LocalStack {
  readonly server: LocalS3Server;
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
  close(): Promise<void>;
}

/** How a local stack is put together; every field has a default. */
export interface LocalStackOptions {
  readonly env?: Record<string, string>;
  /** false leaves events undelivered: the test calls the handler itself. */
  readonly wire?: boolean;
  /** Puts something (a fault proxy) between the handler and the server. */
  readonly endpoint?: (server: LocalS3Server) => Promise<string>;
}

/** Starts the server in a fresh temp folder, with the handler wired to its events unless `wire` is false. */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const directory = await mkdtemp(join(tmpdir(), 'rr-s3-'));
  const server = await startLocalS3Server({ directory, bucket: 'articles' });
  const logs: Array<Record<string, unknown>> = [];
  const endpoint = options.endpoint ? await options.endpoint(server) : server.endpoint;
  const base = s3HandlerDeps({ ARTICLES_BUCKET: 'articles', ...options.env }, { ...server.clientConfig, endpoint });
  const deps: HandlerDeps = { ...base, log: (level, message, fields) => void logs.push({ level, message, ...fields }) };
  const handler = makeArticleEventHandler(deps);
  const delivery = deliverEvents(handler, { accepts: triggerAccepts(deps.incomingPrefix) });
  if (options.wire !== false) server.onEvent((e) => delivery.deliver(e));
  const { s3: user } = makeS3Client(server.clientConfig);
  return {
    server,
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
    close: async () => {
      await delivery.idle();
      user.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * A local stack whose handler reaches S3 through a fault proxy (the uploading user's client goes
 * straight to the server); events are delivered by the test. Close both when done.
 */
export async function startProxiedStack(
  proxyOptions?: Parameters<typeof startFaultProxy>[1],
  stackOptions: Pick<LocalStackOptions, 'env'> = {},
): Promise<{ stack: LocalStack; proxy: FaultProxy }> {
  let proxy: FaultProxy | undefined;
  const stack = await startLocalStack({
    ...stackOptions,
    wire: false,
    endpoint: async (server) => {
      proxy = await startFaultProxy(server.endpoint, proxyOptions);
      return proxy.endpoint;
    },
  });
  return { stack, proxy: proxy! };
}
