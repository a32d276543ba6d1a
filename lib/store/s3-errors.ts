import { StoreError } from '../errors.js';

/** HTTP status of an AWS SDK v3 error, when it has one. */
export function httpStatusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null || !('$metadata' in err)) return undefined;
  const meta = (err as { $metadata?: { httpStatusCode?: number } }).$metadata;
  return meta?.httpStatusCode;
}

/** The S3 error code (NoSuchKey, SlowDown, ...) of an SDK error, when it has one. */
export function s3ErrorName(err: unknown): string | undefined {
  return err instanceof Error ? err.name : undefined;
}

/** S3 said the key holds no object. */
export function isNoSuchKey(err: unknown): boolean {
  const name = s3ErrorName(err);
  return name === 'NoSuchKey' || name === 'NotFound' || httpStatusOf(err) === 404;
}

/** Wraps any other S3 failure (after the SDK's own retries) as a StoreError naming bucket and key. */
export function s3Fault(action: string, bucket: string, key: string, err: unknown): StoreError {
  const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new StoreError(`S3 ${action} s3://${bucket}/${key} failed: ${why}`, { bucket, key }, { cause: err });
}
