import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import S3rver from 's3rver';
import S3Object from 's3rver/lib/models/object';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { S3RVER_CREDENTIALS } from '../store/s3rver-credentials.js';

/** An S3-compatible server on 127.0.0.1 with the articles bucket created. */
export interface LocalS3Server {
  readonly endpoint: string;
  readonly bucket: string;
  /** Client settings that reach it (path-style, s3rver's fixed credentials). */
  readonly clientConfig: S3ClientConfig;
  /** Called with every object event the server emits (S3's record shape; keys are NOT URL-encoded). */
  onEvent(listener: (event: unknown) => void): void;
  /** Writes an object straight into the server's store, without HTTP, signing or events: for seeding benchmarks fast. */
  putDirect(key: string, body: Buffer): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts s3rver with its data in `directory` on 127.0.0.1 (port 0: any free port). Listings of
 * more than 1,000 keys need the process to run with --openssl-legacy-provider: s3rver's
 * continuation tokens use a cipher Node 20 otherwise rejects.
 */
export async function startLocalS3Server(options: {
  directory: string;
  bucket: string;
  port?: number;
}): Promise<LocalS3Server> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
    configureBuckets: [{ name: options.bucket }],
  });
  writeObjectsWhole(server.store);
  // s3rver leaves a listen error unhandled (it ends the process): a port in use is found first
  if (options.port) await probePort(options.port);
  // before s3rver's own middleware (Koa composes the list when the server starts)
  server.middleware.unshift(refuseUnstorableKeys);
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    bucket: options.bucket,
    clientConfig: { endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { ...S3RVER_CREDENTIALS } },
    onEvent: (listener) => void server.on('event', listener),
    putDirect: async (key, body) =>
      void (await server.store.putObject(
        new S3Object(options.bucket, key, body, {
          'content-type': 'application/octet-stream',
          'content-length': String(body.length),
        }),
      )),
    close: () => server.close(),
  };
}

/**
 * s3rver stores an object as "<last segment>._S3rver_object" beside "<last segment>._S3rver_metadata.json":
 * a segment longer than this makes a file name over the file system's 255 bytes.
 */
export const MAX_LOCAL_KEY_SEGMENT_BYTES = 255 - '._S3rver_metadata.json'.length;

/**
 * Answers a write whose key the local store cannot hold with S3's KeyTooLongError (400): s3rver
 * leaves the file system's ENAMETOOLONG unhandled, which ends the process. AWS takes such keys
 * (segments are not limited there); the function then rejects them as bad-key.
 */
async function refuseUnstorableKeys(ctx: S3rver.Context, next: () => Promise<void>): Promise<void> {
  if (ctx.method === 'PUT' || ctx.method === 'POST') {
    const segments = ctx.path.split('/').map((s) => Buffer.byteLength(safeDecode(s), 'utf8'));
    if (segments.some((bytes) => bytes > MAX_LOCAL_KEY_SEGMENT_BYTES)) {
      ctx.status = 400;
      ctx.type = 'application/xml';
      ctx.body =
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>KeyTooLongError</Code>' +
        `<Message>A key segment is longer than ${MAX_LOCAL_KEY_SEGMENT_BYTES} bytes, more than the local store's file names hold.</Message></Error>`;
      return;
    }
  }
  await next();
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Resolves when the port can be bound on 127.0.0.1; rejects with the listen error (EADDRINUSE) when not. */
function probePort(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

let tempFiles = 0;

/**
 * Makes each object write whole before anyone can read it, as S3's are: s3rver writes straight
 * into the object's file and answers before the write has finished, so a GET at that moment read
 * a report cut short (logged "not JSON") or a stream that ended early ("aborted"). The content
 * goes to a temporary file beside it, renamed over the object's (atomic on one file system);
 * listings see only names ending in "._S3rver_object".
 */
function writeObjectsWhole(store: S3rver.Store): void {
  store.putObject = async (object) => {
    const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(objectPath), { recursive: true });
    const content = Buffer.isBuffer(object.content) ? object.content : await buffer(object.content);
    const md5 = createHash('md5').update(content).digest('hex');
    const temp = join(dirname(objectPath), `.rewrite-radar-${process.pid}-${++tempFiles}.tmp`);
    await writeFile(temp, content);
    await rename(temp, objectPath);
    await store.putMetadata(object.bucket, object.key, object.metadata, md5);
    return { size: content.length, md5 };
  };
}
