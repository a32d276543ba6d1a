import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ConfigError } from '../errors.js';
import type { ObjectLinks } from './ports.js';

/** The longest a SigV4 presigned URL may live: 7 days. */
export const MAX_LINK_SECONDS = 7 * 24 * 3600;

/**
 * A presigned GET URL of one object: anyone holding it may read that object until it expires,
 * with no AWS credentials. S3 checks the signer's own rights when the link is used, and a link
 * signed with temporary credentials (a Lambda role, an SSO session) stops working when they
 * expire, whichever comes first.
 */
export async function presignGet(s3: S3Client, bucket: string, key: string, seconds: number): Promise<string> {
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_LINK_SECONDS)
    throw new ConfigError(`a link lives 1 to ${MAX_LINK_SECONDS} seconds (7 days, the SigV4 limit), got ${seconds}`);
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: seconds });
}

/** Links to a private bucket's objects, presigned for `seconds` from `now`. */
export function presignedLinks(s3: S3Client, bucket: string, seconds: number, now: Date = new Date()): ObjectLinks {
  return {
    href: (key) => presignGet(s3, bucket, key, seconds),
    expiresAt: new Date(now.getTime() + seconds * 1000),
  };
}
