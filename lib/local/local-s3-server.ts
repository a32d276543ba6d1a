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
