import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectStore, TaggedObject } from './ports.js';
import { httpStatusOf, isNoSuchKey, s3Fault } from './s3-errors.js';

/** ObjectStore over one S3 bucket: keys are object keys as they are (no prefix added). */
export class S3ObjectStore implements ObjectStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  async get(key: string): Promise<Uint8Array | undefined> {
    return (await this.getTagged(key))?.bytes;
  }

  async getTagged(key: string): Promise<TaggedObject | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return { bytes: out.Body ? await out.Body.transformToByteArray() : new Uint8Array(), tag: out.ETag ?? '' };
    } catch (err) {
      if (isNoSuchKey(err)) return undefined;
      throw s3Fault('GetObject', this.bucket, key, err);
    }
  }

  async put(key: string, body: Uint8Array | string, contentType?: string): Promise<void> {
    try {
      await this.putObject(key, body, contentType, {});
    } catch (err) {
      throw s3Fault('PutObject', this.bucket, key, err);
    }
  }

  /**
   * S3's conditional write (If-Match on the ETag, If-None-Match: * for a new object). 412 means
   * the object changed; 409 that another conditional write to it was in flight; a 404 that it
   * was deleted: all three leave it to the caller to read again. (s3rver ignores both headers.)
   */
  async putIfUnchanged(
    key: string,
    body: Uint8Array | string,
    expected: string | null,
    contentType?: string,
  ): Promise<string | undefined> {
    try {
      return await this.putObject(
        key,
        body,
        contentType,
        expected === null ? { IfNoneMatch: '*' } : { IfMatch: expected },
      );
    } catch (err) {
      const status = httpStatusOf(err);
      if (status === 412 || status === 409 || status === 404) return undefined;
      throw s3Fault('PutObject', this.bucket, key, err);
    }
  }

  /** One PutObject; returns the new ETag. */
  private async putObject(
    key: string,
    body: Uint8Array | string,
    contentType: string | undefined,
    condition: { IfMatch?: string; IfNoneMatch?: string },
  ): Promise<string> {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    // a known length keeps the SDK from treating the body as a stream of unknown size
    const out = await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentLength: bytes.length,
        ...(contentType ? { ContentType: contentType } : {}),
        ...condition,
      }),
    );
    return out.ETag ?? '';
  }

  async delete(key: string): Promise<void> {
    try {
      await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (err) {
      if (isNoSuchKey(err)) return;
      throw s3Fault('DeleteObject', this.bucket, key, err);
    }
  }

  async list(prefix: string): Promise<string[]> {
    return listKeys(this.s3, this.bucket, prefix, Number.POSITIVE_INFINITY);
  }

  /** The first keys under prefix, reading at most `pages` LIST pages of 1,000. */
  async listPages(prefix: string, pages: number): Promise<string[]> {
    return listKeys(this.s3, this.bucket, prefix, pages);
  }
}

/**
 * Keys under prefix in lexicographic order, following continuation tokens for at most maxPages
 * pages of 1,000. S3 LIST is strongly consistent: a key written before the call is listed.
 */
export async function listKeys(s3: S3Client, bucket: string, prefix: string, maxPages: number): Promise<string[]> {
  return (await listObjects(s3, bucket, prefix, maxPages)).map((o) => o.key);
}

/** One listed object: its key and when it was last written. */
export interface ListedObject {
  readonly key: string;
  readonly lastModified: Date | undefined;
  readonly size: number | undefined;
}

/** Like listKeys, with each object's LastModified (what a backfill orders an archive by). */
export async function listObjects(
  s3: S3Client,
  bucket: string,
  prefix: string,
  maxPages: number,
): Promise<ListedObject[]> {
  const keys: ListedObject[] = [];
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    let out;
    try {
      out = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }),
      );
    } catch (err) {
      throw s3Fault('ListObjectsV2', bucket, prefix, err);
    }
    for (const o of out.Contents ?? [])
      if (o.Key !== undefined) keys.push({ key: o.Key, lastModified: o.LastModified, size: o.Size });
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
    if (!token) break;
  }
  return keys;
}
