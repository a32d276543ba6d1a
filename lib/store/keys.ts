/** Where the use case keeps things inside an ObjectStore. */
export const FINGERPRINT_PREFIX = 'fingerprints/';
export const REPORT_PREFIX = 'reports/';
/** Where index entries live in the bucket (S3LshIndex). */
export const INDEX_PREFIX = 'index/';

/** Bucket names S3 accepts (3-63 lower-case letters, digits, dots and hyphens). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Whether a prefix can hold articles: relative, ending in "/", and outside the state the detector writes (so its writes never look like uploads). */
export function isIncomingPrefix(prefix: string): boolean {
  return (
    /^[^/].*\/$/.test(prefix) && ![REPORT_PREFIX, FINGERPRINT_PREFIX, INDEX_PREFIX].some((p) => prefix.startsWith(p))
  );
}

/** Whether a name is one S3 accepts for a bucket. */
export function isBucketName(name: string): boolean {
  return BUCKET_NAME.test(name);
}

/** Store key of an article's fingerprint. */
export function fingerprintKey(articleKey: string): string {
  return `${FINGERPRINT_PREFIX}${articleKey}.json`;
}

/** Store key of an article's JSON report. */
export function reportKey(articleKey: string): string {
  return `${REPORT_PREFIX}${articleKey}.json`;
}

/** Store key of an article's HTML report page. */
export function htmlReportKey(articleKey: string): string {
  return `${REPORT_PREFIX}${articleKey}.html`;
}

/** Longest path segment accepted: the local store adds ".json" and a temp suffix within 255 bytes. */
export const MAX_KEY_SEGMENT_BYTES = 200;

/**
 * Why a key is not a plain relative path, or null when it is. One rule for every adapter: no
 * absolute paths, no empty, "." or ".." segments, no backslashes or control characters.
 */
export function keyProblem(key: string): string | null {
  if (key.length === 0) return 'the key is empty';
  if (key.startsWith('/')) return 'the key is absolute';
  if (hasBackslashOrControl(key)) return 'the key holds a backslash or a control character';
  for (const part of key.split('/')) {
    if (part === '' || part === '.' || part === '..') return `the key has a "${part}" segment`;
    if (Buffer.byteLength(part, 'utf8') > MAX_KEY_SEGMENT_BYTES)
      return `a key segment is longer than ${MAX_KEY_SEGMENT_BYTES} bytes`;
  }
  return null;
}

function hasBackslashOrControl(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 92 || c < 32 || c === 127) return true;
  }
  return false;
}
