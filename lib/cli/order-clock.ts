/**
 * Hands out indexing orders "<ISO time>|<key>" whose times increase strictly, even when several
 * articles are processed within one millisecond: the earlier article of a related pair is the source.
 */
export class OrderClock {
  private last = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The order of the next article processed. */
  next(key: string): string {
    const t = Math.max(this.now(), this.last + 1);
    this.last = t;
    return `${new Date(t).toISOString()}|${key}`;
  }
}
