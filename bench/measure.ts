/** Repetition timing for benchmarks: one warm-up, then N timed runs summarised by min/median/max. */

/** Summary of repeated measurements of one rate or duration. */
export interface Summary {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  readonly samples: readonly number[];
}

/** Min, median and max of samples (median of an even count is the mean of the middle two). */
export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('summarise needs at least one sample, got 0');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]!, samples };
}

/** Median and 95th percentile of one per-article figure. */
export type Spread = Summary & { readonly p95: number };

/** summarise() plus the 95th percentile (nearest rank). */
export function spread(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((x, y) => x - y);
  return { ...summarise(sorted), p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! };
}

let peakRss = 0;

/** Records the current resident set size; call between runs (a timer cannot fire inside a busy loop). */
export function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}

/** Largest RSS seen by sampleRss, in MiB. */
export function peakRssMb(): number {
  return peakRss / (1024 * 1024);
}

/**
 * Items per second of `run` (which processes `items` and returns a checksum so the work
 * cannot be optimised away): one warm-up run, then `repetitions` timed runs.
 */
export function measureRate(items: number, repetitions: number, run: () => number): Summary & { checksum: number } {
  let checksum = run();
  sampleRss();
  const rates: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const t0 = process.hrtime.bigint();
    checksum = (checksum + run()) >>> 0;
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    rates.push(items / seconds);
    sampleRss();
  }
  return { ...summarise(rates), checksum };
}

/** Wall seconds of an async `run`: one warm-up, then `repetitions` timed runs; returns the last result too. */
export async function measureSeconds<T>(repetitions: number, run: () => Promise<T>): Promise<Summary & { last: T }> {
  let last = await run();
  sampleRss();
  const seconds: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const t0 = process.hrtime.bigint();
    last = await run();
    seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
    sampleRss();
  }
  return { ...summarise(seconds), last };
}
