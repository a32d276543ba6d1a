import { ConfigError } from '../errors.js';
import { isBucketName } from '../store/keys.js';
import { MAX_LINK_SECONDS } from '../store/presigned-links.js';
import { decimalNumber } from '../util/decimal-number.js';

/** What the digest function reads from its environment, parsed once per cold start. */
export interface DigestConfig {
  readonly bucket: string;
  /** How long the digest's presigned report links live (DIGEST_LINK_SECONDS, at most 7 days). */
  readonly linkSeconds: number;
}

/** Reads and validates the digest function's variables; a bad value throws ConfigError naming it. */
export function digestConfig(env: NodeJS.ProcessEnv): DigestConfig {
  const bucket = env['ARTICLES_BUCKET'] ?? '';
  if (!isBucketName(bucket))
    throw new ConfigError(`ARTICLES_BUCKET must be an S3 bucket name, got ${JSON.stringify(env['ARTICLES_BUCKET'])}`);
  const raw = env['DIGEST_LINK_SECONDS'];
  const linkSeconds = raw === undefined || raw === '' ? MAX_LINK_SECONDS : decimalNumber(raw);
  if (!Number.isInteger(linkSeconds) || linkSeconds < 60 || linkSeconds > MAX_LINK_SECONDS)
    throw new ConfigError(
      `DIGEST_LINK_SECONDS must be a whole number of seconds from 60 to ${MAX_LINK_SECONDS} (7 days), got ${JSON.stringify(raw)}`,
    );
  return Object.freeze({ bucket, linkSeconds });
}
