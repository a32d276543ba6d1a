import { MAX_ENTRIES_PER_BAND, type LshIndex } from './ports.js';

/** LshIndex in Maps of Sets; also the in-process form the local-folder index loads and saves. */
export class MemoryLshIndex implements LshIndex {
  protected readonly bands = new Map<string, Set<string>>();
  /** Entries per article id, built from `bands` on the first size() (a loaded index fills `bands` directly) and kept in step after. */
  private entriesOf: Map<string, number> | undefined;

  async add(id: string, bandKeys: readonly string[]): Promise<void> {
    for (const k of bandKeys) {
      let ids = this.bands.get(k);
      if (!ids) this.bands.set(k, (ids = new Set()));
      if (ids.has(id)) continue;
      ids.add(id);
      if (this.entriesOf) this.entriesOf.set(id, (this.entriesOf.get(id) ?? 0) + 1);
    }
  }

  async remove(id: string, bandKeys: readonly string[]): Promise<void> {
    for (const k of bandKeys) {
      const ids = this.bands.get(k);
      if (!ids?.delete(id)) continue;
      if (ids.size === 0) this.bands.delete(k);
      const left = (this.entriesOf?.get(id) ?? 0) - 1;
      if (left > 0) this.entriesOf?.set(id, left);
      else this.entriesOf?.delete(id);
    }
  }

  /** Exact: the ids holding at least one entry. */
  async size(): Promise<number> {
    if (!this.entriesOf) {
      this.entriesOf = new Map();
      for (const ids of this.bands.values())
        for (const id of ids) this.entriesOf.set(id, (this.entriesOf.get(id) ?? 0) + 1);
    }
    return this.entriesOf.size;
  }

  /** Nothing to do: the size is counted from the entries. */
  async countArticles(): Promise<void> {}

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
