import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { S3RVER_CREDENTIALS } from './s3rver-credentials.js';

/** Idle socket limit of S3 requests: far above a healthy request's wait; three attempts fit in the function's 60 s. */
export const DEFAULT_S3_SOCKET_TIMEOUT_MS = 10_000;

/** HTTP requests sent, retries included (each is billed), in all and by S3 command; and what came back. */
export interface S3RequestCounter {
  (): number;
  byCommand(): Record<string, number>;
  /** Keys returned by LIST pages, in all: what an index query cost to read and parse. */
  listedKeys(): number;
  /** Body bytes GET responses declared (Content-Length), in all. */
  bytesRead(): number;
}

/**
 * An S3 client that only adds checksums where S3 requires them (the SDK's default adds them to
 * every upload, which S3-compatible test servers store with aws-chunked framing in the body),
 * and that counts the HTTP requests it sends by command (S3 bills LIST and PUT ten times GET).
 * The SDK sets no socket limits, so a connection that stalls would hold the invocation until
 * Lambda's timeout: here a socket idle for `socketTimeoutMs` (no byte either way; waiting for a
 * free socket does not count) fails with a TimeoutError, which the SDK retries. No connection
 * timeout: the SDK's counts the wait for a free socket too, and so failed queued requests when
 * many were in flight.
 */
export function makeS3Client(
  config: S3ClientConfig = {},
  socketTimeoutMs = DEFAULT_S3_SOCKET_TIMEOUT_MS,
): { s3: S3Client; requests: S3RequestCounter } {
  const s3 = new S3Client({
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { socketTimeout: socketTimeoutMs },
    ...config,
  });
  const sent = new Map<string, number>();
  let total = 0;
  let listed = 0;
  let bytes = 0;
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      total++;
      const command = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      sent.set(command, (sent.get(command) ?? 0) + 1);
      return next(args);
    },
    { step: 'deserialize', name: 'countRequests' },
  );
  // outputs are parsed above the deserialize step: read them once per command, after retries
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const output = result.output as { Contents?: unknown[]; ContentLength?: number } | undefined;
      if (context.commandName === 'ListObjectsV2Command') listed += output?.Contents?.length ?? 0;
      else if (context.commandName === 'GetObjectCommand') bytes += output?.ContentLength ?? 0;
      return result;
    },
    { step: 'initialize', name: 'countResults' },
  );
  const requests = Object.assign(() => total, {
    byCommand: () => Object.fromEntries(sent),
    listedKeys: () => listed,
    bytesRead: () => bytes,
  });
  return { s3, requests };
}

/** Hosts taken to be the local s3rver. */
export const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Client settings for an endpoint. One explicit rule for credentials: an endpoint on the loopback
 * address (127.0.0.1, localhost, ::1) with no AWS_ACCESS_KEY_ID in the environment is the local
 * s3rver and gets its fixed, public S3RVER/S3RVER pair; anything else uses the SDK's standard
 * chain (environment, AWS_PROFILE, SSO, instance role). Local servers also need path-style URLs.
 */
export function s3ClientConfigFor(endpoint: URL, env: NodeJS.ProcessEnv): S3ClientConfig {
  const loopback = LOOPBACK_HOSTS.has(endpoint.hostname);
  const useS3rver = loopback && (env['AWS_ACCESS_KEY_ID'] ?? '') === '';
  return {
    endpoint: endpoint.href.replace(/\/$/, ''),
    region: env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || 'us-east-1',
    forcePathStyle: loopback,
    ...(useS3rver ? { credentials: { ...S3RVER_CREDENTIALS } } : {}),
  };
}
