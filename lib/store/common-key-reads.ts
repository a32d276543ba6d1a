/**
 * What a warm process read under common index keys, kept for reuse until it expires. Article keys
 * are stored as numbers (4 bytes an entry, each key's text once), so millions of entries fit in a
 * few tens of MB; past `maxEntries` the oldest reads go, past `maxArticles` distinct article keys
 * everything is dropped and numbering starts again.
 */
export class CommonKeyReads {
  private readonly reads = new Map<string, { ids: Int32Array; at: number }>();
  private readonly numbers = new Map<string, number>();
  private names: string[] = [];
  private entries = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly maxArticles: number,
  ) {}

  /** The article keys read under `band`, when that read is younger than the TTL and holds at most `limit`. */
  get(band: string, limit: number, now: number): string[] | undefined {
    const read = this.reads.get(band);
    if (!read || now - read.at >= this.ttlMs || read.ids.length > limit) return undefined;
    return Array.from(read.ids, (n) => this.names[n]!);
  }

  /** Keeps (or replaces) the read of `band` made at `at`; with a TTL of 0 nothing is kept. */
  keep(band: string, ids: readonly string[], at: number): void {
    this.drop(band);
    if (this.ttlMs <= 0 || ids.length > this.maxEntries) return;
    if (this.names.length + ids.length > this.maxArticles) this.clear();
    for (const [oldest] of this.reads) {
      if (this.entries + ids.length <= this.maxEntries) break;
      this.drop(oldest);
    }
    this.reads.set(band, { ids: Int32Array.from(ids, (id) => this.numberOf(id)), at });
    this.entries += ids.length;
  }

  /** Adds `id` to a kept read of `band` (this process wrote it there). */
  added(band: string, id: string): void {
    const read = this.reads.get(band);
    if (!read) return;
    const n = this.numberOf(id);
    if (read.ids.includes(n)) return;
    const ids = new Int32Array(read.ids.length + 1);
    ids.set(read.ids);
    ids[read.ids.length] = n;
    this.reads.set(band, { ids, at: read.at });
    this.entries++;
  }

  /** Takes `id` out of a kept read of `band` (this process removed it there). */
  removed(band: string, id: string): void {
    const read = this.reads.get(band);
    const n = this.numbers.get(id);
    if (!read || n === undefined || !read.ids.includes(n)) return;
    this.reads.set(band, { ids: read.ids.filter((m) => m !== n), at: read.at });
    this.entries--;
  }

  private numberOf(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(id);
      this.numbers.set(id, n);
    }
    return n;
  }

  private drop(band: string): void {
    const read = this.reads.get(band);
    if (!read) return;
    this.reads.delete(band);
    this.entries -= read.ids.length;
  }

  private clear(): void {
    this.reads.clear();
    this.numbers.clear();
    this.names = [];
    this.entries = 0;
  }
}
