import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ArticleRead, ArticleSource } from './ports.js';
import { httpStatusOf, isNoSuchKey, s3ErrorName, s3Fault } from './s3-errors.js';

/**
 * Reads uploaded articles from a bucket. A Range GET fetches at most maxBytes + 1 bytes, and
 * Content-Range tells the whole size, so an oversized object costs one small read. A missing key
 * is a 404 because the role may list the bucket (serverless.yml); a 403 is a real permission
 * fault and is thrown, so it reaches the failure queue instead of becoming a "not-found" report.
 */
export class S3ArticleSource implements ArticleSource {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  async read(key: string, maxBytes: number, expectedSize?: number): Promise<ArticleRead> {
    let out;
    try {
      // a range over an empty object is unsatisfiable (S3 answers 416, some test servers break the response)
      const range = expectedSize === 0 ? {} : { Range: `bytes=0-${maxBytes}` };
      out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ...range }));
    } catch (err) {
      if (isNoSuchKey(err)) return { kind: 'missing' };
      // S3 answers a range request on an empty object with 416
      if (s3ErrorName(err) === 'InvalidRange' || httpStatusOf(err) === 416)
        return { kind: 'found', bytes: new Uint8Array(), size: 0, etag: undefined };
      throw s3Fault('GetObject', this.bucket, key, err);
    }
    const size = totalSize(out.ContentRange) ?? out.ContentLength ?? 0;
    if (size > maxBytes) {
      await out.Body?.transformToByteArray().catch(() => undefined); // drain the socket
      return { kind: 'too-large', size };
    }
    let bytes: Uint8Array;
    try {
      bytes = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    } catch (err) {
      // a connection cut mid-body is a store fault like any other: typed, so the caller retries
      throw s3Fault('GetObject', this.bucket, key, err);
    }
    // LastModified (second precision) places an archived article in indexing order when it is backfilled
    return {
      kind: 'found',
      bytes,
      size: bytes.length,
      etag: unquote(out.ETag),
      ...(out.LastModified ? { lastModified: out.LastModified } : {}),
    };
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (err) {
      if (isNoSuchKey(err)) return false;
      throw s3Fault('HeadObject', this.bucket, key, err);
    }
  }
}

/** The total of a Content-Range header ("bytes 0-99/1234"), when it states one. */
function totalSize(contentRange: string | undefined): number | undefined {
  const total = contentRange?.slice(contentRange.lastIndexOf('/') + 1);
  return total !== undefined && /^\d+$/.test(total) ? Number(total) : undefined;
}

/** ETags come quoted; events carry them bare. */
export function unquote(etag: string | undefined): string | undefined {
  return etag?.replace(/^"|"$/g, '');
}
