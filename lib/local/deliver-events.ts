import { encodeS3Key } from '../lambda/parse-s3-event.js';
import { SUPPORTED_EXTENSIONS } from '../text/extract-article.js';

/** An event that failed every attempt: the local stand-in for the failure destination. */
export interface FailedDelivery {
  readonly event: unknown;
  readonly error: unknown;
  readonly attempts: number;
}

/** Delivers events to a handler as Lambda's asynchronous invocation does; `idle()` waits for all of them. */
export interface EventDelivery {
  deliver(event: unknown): void;
  idle(): Promise<void>;
  readonly failed: FailedDelivery[];
}

/**
 * Calls handler for each event, concurrently, retrying a throwing call up to `retries` times
 * (Lambda's default for asynchronous invocations is 2) and recording those that never succeed.
 * s3rver emits raw keys; S3 URL-encodes them, so they are encoded here as S3 would.
 */
export function deliverEvents(
  handler: (event: unknown) => Promise<unknown>,
  options: { retries?: number; onFailure?: (f: FailedDelivery) => void; accepts?: (key: string) => boolean } = {},
): EventDelivery {
  const retries = options.retries ?? 2;
  const inFlight = new Set<Promise<void>>();
  const failed: FailedDelivery[] = [];
  const run = async (event: unknown): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(event);
        return;
      } catch (error) {
        if (attempt > retries) {
          const failure = { event, error, attempts: attempt };
          failed.push(failure);
          options.onFailure?.(failure);
          return;
        }
      }
    }
  };
  return {
    deliver(event) {
      if (options.accepts && !keysOf(event).some(options.accepts)) return;
      const p = run(asS3WouldSendIt(event)).finally(() => inFlight.delete(p));
      inFlight.add(p);
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    failed,
  };
}

/** The event with every record's key URL-encoded the way S3 writes it. */
function asS3WouldSendIt(event: unknown): unknown {
  const records = (event as { Records?: Array<{ s3?: { object?: { key?: unknown } } }> }).Records;
  if (!Array.isArray(records)) return event;
  return {
    Records: records.map((r) => {
      const key = r.s3?.object?.key;
      return typeof key === 'string'
        ? { ...r, s3: { ...r.s3, object: { ...r.s3!.object, key: encodeS3Key(key) } } }
        : r;
    }),
  };
}

/** The raw keys of an event's records. */
function keysOf(event: unknown): string[] {
  const records = (event as { Records?: Array<{ s3?: { object?: { key?: unknown } } }> }).Records;
  return Array.isArray(records)
    ? records.map((r) => r.s3?.object?.key).filter((k): k is string => typeof k === 'string')
    : [];
}

/**
 * The suffixes serverless.yml's trigger rules list: each supported extension in lower and upper
 * case. S3 matches suffixes case-sensitively, so a mixed-case `.Txt` does not fire.
 */
export const TRIGGER_SUFFIXES: readonly string[] = Object.freeze(
  SUPPORTED_EXTENSIONS.flatMap((ext) => [ext, ext.toUpperCase()]),
);

/** The notification filter of serverless.yml: the incoming prefix and one of TRIGGER_SUFFIXES, matched case-sensitively as S3 does. */
export function triggerAccepts(incomingPrefix: string): (key: string) => boolean {
  return (key) => key.startsWith(incomingPrefix) && TRIGGER_SUFFIXES.some((suffix) => key.endsWith(suffix));
}
