import { createHash } from 'node:crypto';

/** A tag that changes with the bytes, like an S3 ETag (the MD5 of a single-part object). */
export function contentTag(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}
