/** Where the use case keeps things inside an ObjectStore. */
export const FINGERPRINT_PREFIX = 'fingerprints/';
export const REPORT_PREFIX = 'reports/';
/** Where index entries live in the bucket (S3LshIndex). */
export const INDEX_PREFIX = 'index/';
/** One small object per (source, later article) pair, so concurrent rewrites never rewrite a shared list. */
export const LATER_COPIES_PREFIX = 'later-copies/';

/** Bucket names S3 accepts (3-63 lower-case letters, digits, dots and hyphens). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Whether a prefix can hold articles: relative, ending in "/", and outside the state the detector writes (so its writes never look like uploads). */
export function isIncomingPrefix(prefix: string): boolean {
  return (
    /^[^/].*\/$/.test(prefix) &&
    ![REPORT_PREFIX, FINGERPRINT_PREFIX, INDEX_PREFIX, LATER_COPIES_PREFIX].some((p) => prefix.startsWith(p))
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

/** Prefix under which the later copies of one source are listed. */
export function laterCopiesPrefix(sourceKey: string): string {
  return `${LATER_COPIES_PREFIX}${sourceKey}/`;
}

/**
 * Store key of the note an earlier article leaves for a later copy whose report it could not read
 * yet: the later copy reads it after saving its report and judges itself again (ingestArticle).
 * Beside the pair objects, whose keys start with 13 digits, so no listing mistakes it for one.
 */
export function rejudgeNoteKey(articleKey: string): string {
  return `${laterCopiesPrefix(articleKey)}rejudge.json`;
}

/** Largest time the inverted-time segment holds (13 digits of milliseconds: until the year 2286). */
const MAX_TIME = 9_999_999_999_999;

/**
 * Store key of one (source, later article) pair: `later-copies/<source>/<inverted time>/<later>.json`.
 * The inverted indexing time makes a plain lexicographic listing come newest first; `laterTime`
 * is stable for the same text, so re-judging it writes the same object.
 */
export function laterCopyKey(sourceKey: string, laterKey: string, laterTime: number): string {
  const inverted = String(MAX_TIME - Math.min(Math.max(Math.trunc(laterTime), 0), MAX_TIME)).padStart(13, '0');
  return `${laterCopiesPrefix(sourceKey)}${inverted}/${laterKey}.json`;
}

/** The later article's key of a pair object listed under `laterCopiesPrefix(sourceKey)`, or undefined. */
export function laterKeyOf(sourceKey: string, pairKey: string): string | undefined {
  const rest = pairKey.slice(laterCopiesPrefix(sourceKey).length);
  if (!pairKey.startsWith(laterCopiesPrefix(sourceKey)) || !/^\d{13}\/.+\.json$/.test(rest)) return undefined;
  return rest.slice(14, -'.json'.length);
}

/** Longest path segment accepted: the local store adds ".json" and a temp suffix within 255 bytes. */
export const MAX_KEY_SEGMENT_BYTES = 200;

/** Longest object key S3 stores, in UTF-8 bytes. */
export const MAX_STORE_KEY_BYTES = 1024;

/**
 * Longest article key accepted (495 bytes): the longest key derived from one, a later-copies pair
 * object, holds two article keys and 33 bytes more, and must fit MAX_STORE_KEY_BYTES. Without the
 * limit, two long keys made that PUT fail on every retry, and the article never got its report.
 */
export const MAX_ARTICLE_KEY_BYTES = Math.floor((MAX_STORE_KEY_BYTES - laterCopyKey('', '', 0).length) / 2);

/**
 * Why no report can be written for an article key, or undefined when one can: its report keys
 * must fit MAX_STORE_KEY_BYTES (an S3 key may be 1,024 bytes, so an upload's may be too long).
 */
export function unreportableKey(articleKey: string): string | undefined {
  const bytes = Buffer.byteLength(reportKey(articleKey), 'utf8');
  return bytes > MAX_STORE_KEY_BYTES
    ? `the key is ${Buffer.byteLength(articleKey, 'utf8')} bytes: its report key would be ${bytes}, over S3's ${MAX_STORE_KEY_BYTES}, so no report can be written (keys are judged up to ${MAX_ARTICLE_KEY_BYTES})`
    : undefined;
}

/**
 * Why a key is not a plain relative path, or null when it is. One rule for every adapter: no
 * absolute paths, no empty, "." or ".." segments, no backslashes or control characters.
 */
export function keyProblem(key: string): string | null {
  if (key.length === 0) return 'the key is empty';
  if (key.startsWith('/')) return 'the key is absolute';
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes > MAX_ARTICLE_KEY_BYTES)
    return `the key is ${bytes} bytes, over ${MAX_ARTICLE_KEY_BYTES} (the keys derived from it must fit S3's ${MAX_STORE_KEY_BYTES})`;
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
