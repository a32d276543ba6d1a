/** Base class of every error rewrite-radar throws on purpose. */
export class RewriteRadarError extends Error {
  override name = 'RewriteRadarError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Stable reason codes of a rejected article; they appear in reports as `error.code`. */
export type RejectionCode =
  | 'empty'
  | 'too-short'
  | 'too-large'
  | 'binary'
  | 'bad-encoding'
  | 'unsupported-type'
  | 'malformed-json'
  | 'malformed-html'
  | 'no-body'
  | 'not-found'
  | 'bad-key'
  | 'degenerate';

/** An expected failure of one article: it becomes a `rejected` report, never a crash. */
export class ArticleRejectedError extends RewriteRadarError {
  override name = 'ArticleRejectedError';
  constructor(
    readonly code: RejectionCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A configuration value is missing or out of range; the message names the setting. */
export class ConfigError extends RewriteRadarError {
  override name = 'ConfigError';
}

/** A storage fault (disk, network, S3, DynamoDB): thrown so the caller can retry. */
export class StoreError extends RewriteRadarError {
  override name = 'StoreError';
  constructor(
    message: string,
    readonly context: { key?: string; bucket?: string; table?: string },
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** DynamoDB kept throttling the index table after every retry: thrown so Lambda retries the event later. */
export class IndexThrottledError extends StoreError {
  override name = 'IndexThrottledError';
}

/** An invocation payload that is not an S3 event record we can act on: thrown so it reaches the failure destination. */
export class MalformedEventError extends RewriteRadarError {
  override name = 'MalformedEventError';
}
