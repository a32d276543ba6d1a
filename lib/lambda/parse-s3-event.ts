import { MalformedEventError } from '../errors.js';
import type { ArticleEvent } from '../use-cases/article-event.js';

/**
 * Reads the records of an S3 event. S3 URL-encodes keys with `+` for spaces; a record that is
 * not an object event of S3 is returned as a problem so that the rest of the batch goes on.
 */
export function parseS3Event(event: unknown): { events: ArticleEvent[]; problems: string[] } {
  const records = isObject(event) ? event['Records'] : undefined;
  if (!Array.isArray(records))
    throw new MalformedEventError(`expected an S3 event with a Records array, got ${describe(event)}`);
  const events: ArticleEvent[] = [];
  const problems: string[] = [];
  records.forEach((record: unknown, i) => {
    const parsed = parseRecord(record);
    if (typeof parsed === 'string') problems.push(`record ${i}: ${parsed}`);
    else events.push(parsed);
  });
  return { events, problems };
}

function parseRecord(record: unknown): ArticleEvent | string {
  if (!isObject(record)) return `expected an object, got ${describe(record)}`;
  const name = record['eventName'];
  const s3 = record['s3'];
  const time = record['eventTime'];
  if (record['eventSource'] !== 'aws:s3' || typeof name !== 'string')
    return `not an S3 notification (eventSource ${describe(record['eventSource'])})`;
  const kind = name.startsWith('ObjectCreated:')
    ? 'created'
    : name.startsWith('ObjectRemoved:')
      ? 'removed'
      : undefined;
  if (kind === undefined) return `event ${JSON.stringify(name)} is neither ObjectCreated nor ObjectRemoved`;
  if (!isObject(s3) || !isObject(s3['bucket']) || !isObject(s3['object'])) return 'no s3.bucket / s3.object';
  const bucket = s3['bucket']['name'];
  const rawKey = s3['object']['key'];
  const eTag = s3['object']['eTag'];
  const size = s3['object']['size'];
  if (typeof bucket !== 'string' || typeof rawKey !== 'string')
    return 's3.bucket.name or s3.object.key is not a string';
  if (typeof time !== 'string' || Number.isNaN(Date.parse(time))) return `eventTime ${describe(time)} is not a date`;
  let key: string;
  try {
    key = decodeS3Key(rawKey);
  } catch {
    return `key ${JSON.stringify(rawKey)} is not valid URL encoding`;
  }
  return {
    kind,
    bucket,
    key,
    eTag: typeof eTag === 'string' && eTag !== '' ? eTag : undefined,
    size: typeof size === 'number' && size >= 0 ? size : undefined,
    eventTime: new Date(time).toISOString(),
  };
}

/** S3 event keys are form-encoded: `+` is a space, `%2B` a plus. */
export function decodeS3Key(raw: string): string {
  return decodeURIComponent(raw.replace(/\+/g, ' '));
}

/** The inverse, as S3 writes keys into events (for local servers whose events carry raw keys). */
export function encodeS3Key(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
