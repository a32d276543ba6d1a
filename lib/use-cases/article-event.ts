/** One S3 notification as the use case needs it. */
export interface ArticleEvent {
  readonly kind: 'created' | 'removed';
  readonly bucket: string;
  /** Decoded object key. */
  readonly key: string;
  /** ETag of the version the event is about (created events only). */
  readonly eTag: string | undefined;
  /** Object size in bytes as the event states it (created events only). */
  readonly size: number | undefined;
  /** When S3 accepted the write: the article's place in indexing order. */
  readonly eventTime: string;
}
