import { MAX_ENTRIES_PER_BAND, type LshIndex } from './ports.js';

/** LshIndex in Maps of Sets; also the in-process form the local-folder index loads and saves. */
export class MemoryLshIndex implements LshIndex {
  protected readonly bands = new Map<string, Set<string>>();

  async add(id: string, bandKeys: readonly string[]): Promise<void> {
    for (const k of bandKeys) {
      let ids = this.bands.get(k);
      if (!ids) this.bands.set(k, (ids = new Set()));
      ids.add(id);
    }
  }

  async remove(id: string, bandKeys: readonly string[]): Promise<void> {
    for (const k of bandKeys) {
      const ids = this.bands.get(k);
      if (!ids) continue;
      ids.delete(id);
      if (ids.size === 0) this.bands.delete(k);
    }
  }

  async query(bandKeys: readonly string[]): Promise<Map<string, number>> {
    const hits = new Map<string, number>();
    for (const k of bandKeys) {
      const ids = this.bands.get(k);
      if (ids === undefined) continue;
      for (const id of ids.size > MAX_ENTRIES_PER_BAND ? firstListed(ids) : ids) hits.set(id, (hits.get(id) ?? 0) + 1);
    }
    return hits;
  }

  async readBands(bandKeys: readonly string[], limit: number): Promise<Array<readonly string[] | undefined>> {
    return bandKeys.map((k) => {
      const ids = this.bands.get(k);
      return ids === undefined ? [] : ids.size > limit ? undefined : [...ids];
    });
  }

  /** Number of (band key, id) entries: the index's size in table items. */
  entryCount(): number {
    let n = 0;
    for (const ids of this.bands.values()) n += ids.size;
    return n;
  }
}

/**
 * The MAX_ENTRIES_PER_BAND ids that DynamoDbLshIndex would read of a band this full: a Query
 * returns a partition's items in byte order of the UTF-8 sort key. Eval and the CLI then judge
 * as the Lambda does.
 */
function firstListed(ids: ReadonlySet<string>): string[] {
  const bytes = [...ids].map((id) => [Buffer.from(id, 'utf8'), id] as const);
  bytes.sort((a, b) => Buffer.compare(a[0], b[0]));
  return bytes.slice(0, MAX_ENTRIES_PER_BAND).map(([, id]) => id);
}
