import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { countCommand, currentCounts } from './request-scope.js';
import { S3RVER_CREDENTIALS } from './s3rver-credentials.js';

/** Idle socket limit of S3 requests: far above a healthy request's wait; three attempts fit in the function's 60 s. */
export const DEFAULT_S3_SOCKET_TIMEOUT_MS = 10_000;

/**
 * An S3 client that only adds checksums where S3 requires them (the SDK's default adds them to
 * every upload, which S3-compatible test servers store with aws-chunked framing in the body),
 * and that counts the HTTP requests it sends by command into the work that sent them
 * (countRequests; S3 bills LIST and PUT 12.5 times GET).
 * The SDK sets no socket limits, so a connection that stalls would hold the invocation until
 * Lambda's timeout: here a socket idle for `socketTimeoutMs` (no byte either way; waiting for a
 * free socket does not count) fails with a TimeoutError, which the SDK retries. No connection
 * timeout: the SDK's counts the wait for a free socket too, and so failed queued requests when
 * many were in flight.
 */
export function makeS3Client(config: S3ClientConfig = {}, socketTimeoutMs = DEFAULT_S3_SOCKET_TIMEOUT_MS): S3Client {
  const s3 = new S3Client({
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { socketTimeout: socketTimeoutMs },
    ...config,
  });
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      const counts = currentCounts();
      if (counts) countCommand(counts.s3, context.commandName);
      return next(args);
    },
    { step: 'deserialize', name: 'countRequests' },
  );
  // outputs are parsed above the deserialize step: read them once per command, after retries
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const counts = currentCounts();
      const output = result.output as { Contents?: unknown[]; ContentLength?: number } | undefined;
      if (!counts) return result;
      if (context.commandName === 'ListObjectsV2Command') counts.listedKeys += output?.Contents?.length ?? 0;
      else if (context.commandName === 'GetObjectCommand') counts.bytesRead += output?.ContentLength ?? 0;
      return result;
    },
    { step: 'initialize', name: 'countResults' },
  );
  return s3;
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
