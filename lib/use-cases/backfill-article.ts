import type { ArticleRead, ArticleSource } from '../store/ports.js';
import { processArticleEvent, type ArticleEventDeps, type EventOutcome } from './process-article-event.js';

/** One archived object to judge: where it is. */
export interface ArchivedArticle {
  readonly bucket: string;
  readonly key: string;
}

/** What became of one archived article: as its upload event would have ended, or missing when the key holds no object. */
export type BackfillOutcome = EventOutcome | { readonly action: 'missing'; readonly key: string };

/**
 * Judges an article already in the bucket as if its upload event had just arrived, placed in
 * indexing order by the object's LastModified, so that the older articles of an archive are the
 * sources of the newer ones. Safe to repeat: an article whose text is unchanged keeps the order
 * it was first indexed with, so a second backfill writes the same reports and index entries.
 * Backfilling in any order is correct (each article is indexed before it queries), but a source
 * judged after its rewrite names it only under laterCopies and re-judges the rewrite's report if
 * it exists; processing in LastModified order lets each rewrite name its source directly.
 */
export async function backfillArticle(deps: ArticleEventDeps, article: ArchivedArticle): Promise<BackfillOutcome> {
  const { bucket, key } = article;
  if (!key.startsWith(deps.incomingPrefix)) return { action: 'ignored', key, why: `outside ${deps.incomingPrefix}` };
  const read = await deps.source.read(key, deps.params.maxBytes);
  // a key listed in a manifest and deleted since: its removal event withdraws it, nothing to judge
  if (read.kind === 'missing') return { action: 'missing', key };
  // only an empty object has no LastModified (S3 answers its range with 416); it is rejected before any order is used
  const lastModified = read.kind === 'found' ? read.lastModified : undefined;
  const eventTime = (lastModified ?? new Date()).toISOString();
  const event = { kind: 'created', bucket, key, eTag: read.kind === 'found' ? read.etag : undefined, size: read.kind === 'found' ? read.size : undefined, eventTime } as const;
  // the created branch reads the object again: hand it the read already done (one GET per article)
  return processArticleEvent({ ...deps, source: withFirstRead(deps.source, key, read) }, event);
}

/** A source whose first read of `key` returns `read`; every other call goes to `source`. */
function withFirstRead(source: ArticleSource, key: string, read: ArticleRead): ArticleSource {
  let served = false;
  return {
    read: async (k, maxBytes, expectedSize) => {
      if (!served && k === key) {
        served = true;
        return read;
      }
      return source.read(k, maxBytes, expectedSize);
    },
    exists: (k) => source.exists(k),
  };
}
