import { isDay, utcDay } from '../digest/flagged-marker.js';
import { MalformedEventError } from '../errors.js';
import { writeDigest, type DigestDeps } from '../use-cases/write-digest.js';

/** What the digest handler returns: the day written and how many articles it lists. */
export interface DigestResult {
  readonly day: string;
  readonly articles: number;
  readonly unreadable: number;
}

/**
 * The scheduled digest: an EventBridge Scheduled Event writes the digest of the UTC day before
 * its `time` (the schedule runs after midnight, so that day is complete); `{ "day": "YYYY-MM-DD" }`
 * invoked by hand writes that day's. `deps` builds the links afresh per run, so they expire
 * a fixed time after it.
 */
export function makeDigestHandler(deps: (now: Date) => DigestDeps): (event: unknown) => Promise<DigestResult> {
  return async (event) => {
    const day = digestDay(event);
    const digest = await writeDigest(deps(new Date()), day);
    return { day, articles: digest.articles.length, unreadable: digest.unreadable.length };
  };
}

/** The day an invocation asks for. */
export function digestDay(event: unknown): string {
  const e = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
  if (typeof e['day'] === 'string') {
    if (!isDay(e['day']))
      throw new MalformedEventError(`"day" must be a date YYYY-MM-DD, got ${JSON.stringify(e['day'])}`);
    return e['day'];
  }
  const time = typeof e['time'] === 'string' ? Date.parse(e['time']) : Number.NaN;
  if (Number.isNaN(time))
    throw new MalformedEventError('expected a Scheduled Event with a "time", or { "day": "YYYY-MM-DD" }');
  return utcDay(new Date(time - 24 * 3600 * 1000));
}
