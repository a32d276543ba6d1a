import { mapLimit } from '../lib/util/map-limit.js';
import { INDEX_PREFIX } from '../lib/store/keys.js';
import { MAX_ENTRIES_PER_BAND, type LshIndex, type ObjectStore } from '../lib/store/ports.js';

/** What the index needs of the bucket: S3ObjectStore provides it. */
export type EntryStore = Pick<ObjectStore, 'put' | 'delete'> & {
  listPages(prefix: string, pages: number): Promise<string[]>;
};

/** Requests one article's index work keeps in flight at once (the SDK's pool holds 50 sockets). */
export const S3_CONCURRENCY = 32;

/** Pages of 1,000 entries (S3's LIST page) read per band: MAX_ENTRIES_PER_BAND in all. */
export const MAX_PAGES_PER_BAND = MAX_ENTRIES_PER_BAND / 1000;

/**
 * The former product index, kept only as the benches' baseline (the product's is DynamoDbLshIndex;
 * `rewrite-radar reindex` moves a deployment off this one).
 * The LSH index as one empty S3 object per (band key, article): `index/<band>/<article key,
 * URI-encoded>` (the band sharded as below). Lambdas running at once only ever create or delete their own objects, so no
 * entry can be lost to a concurrent write and no lock is needed; a query is one LIST per band,
 * which S3 serves with read-after-write consistency.
 */
export class S3LshIndex implements LshIndex {
  constructor(
    private readonly store: EntryStore,
    private readonly prefix: string = INDEX_PREFIX,
  ) {}

  async add(id: string, bandKeys: readonly string[]): Promise<void> {
    await mapLimit(bandKeys, S3_CONCURRENCY, (band) => this.store.put(this.entryKey(band, id), ''));
  }

  async remove(id: string, bandKeys: readonly string[]): Promise<void> {
    await mapLimit(bandKeys, S3_CONCURRENCY, (band) => this.store.delete(this.entryKey(band, id)));
  }

  async query(bandKeys: readonly string[]): Promise<Map<string, number>> {
    const lists = await mapLimit(bandKeys, S3_CONCURRENCY, (band) =>
      this.store.listPages(this.bandPrefix(band), MAX_PAGES_PER_BAND),
    );
    const hits = new Map<string, number>();
    for (const keys of lists) {
      for (const key of keys) {
        const id = decodeURIComponent(key.slice(key.lastIndexOf('/') + 1));
        hits.set(id, (hits.get(id) ?? 0) + 1);
      }
    }
    return hits;
  }

  async readBands(bandKeys: readonly string[], limit: number): Promise<Array<readonly string[] | undefined>> {
    // one LIST page holds 1,000 keys: limit + 1 of them tell whether the band holds more than limit
    const pages = Math.ceil((limit + 1) / 1000);
    return mapLimit(bandKeys, S3_CONCURRENCY, async (band) => {
      const keys = await this.store.listPages(this.bandPrefix(band), pages);
      return keys.length > limit
        ? undefined
        : keys.map((key) => decodeURIComponent(key.slice(key.lastIndexOf('/') + 1)));
    });
  }

  /** Not kept: the baseline weighs keys as in an index of maxBandIds articles. */
  async size(): Promise<number> {
    return 0;
  }

  async countArticles(): Promise<void> {}

  /** Object key of one entry; the article key is URI-encoded into a single path segment. */
  entryKey(band: string, id: string): string {
    return `${this.bandPrefix(band)}${encodeURIComponent(id)}`;
  }

  /**
   * `index/b12/3f/3fa9.../`: band number, then two hex digits of the band hash, then the hash.
   * S3 scales request rates per key prefix, so spreading entries over many prefixes keeps a
   * busy index from being throttled; folder-backed test servers list one small folder each.
   */
  private bandPrefix(band: string): string {
    const dash = band.indexOf('-');
    return `${this.prefix}${band.slice(0, dash)}/${band.slice(dash + 1, dash + 3)}/${band.slice(dash + 1)}/`;
  }
}
