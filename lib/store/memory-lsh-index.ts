import type { LshIndex } from './ports.js';

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
    for (const k of bandKeys) for (const id of this.bands.get(k) ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
    return hits;
  }

  /** Number of (band key, id) entries: the index's size in S3 objects. */
  entryCount(): number {
    let n = 0;
    for (const ids of this.bands.values()) n += ids.size;
    return n;
  }
}
