import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one piece of work (one event) sent to S3 and DynamoDB, by command, retries included (each
 * is billed), and what came back: keys LIST returned, body bytes GET returned, throttled responses.
 */
export class RequestCounts {
  readonly s3 = new Map<string, number>();
  readonly dynamodb = new Map<string, number>();
  listedKeys = 0;
  bytesRead = 0;
  /** Items DynamoDB wrote or deleted in BatchWriteItem requests (sent and not returned unprocessed): one write unit each. */
  itemsWritten = 0;
  /** Read units DynamoDB reported for the Queries, at least one each (an empty Query is still a request). */
  readUnits = 0;
  /** DynamoDB throttling errors (the SDK retried them) and batches that came back with unprocessed items. */
  throttles = 0;
}

const scope = new AsyncLocalStorage<RequestCounts>();

/**
 * Runs `work` with counts of its own: the clients' middleware adds each request to the counts of
 * the work that sent it, so events handled at once in one process (the local stack) are each
 * counted alone. Requests sent outside any such work are not counted.
 */
export async function countRequests<T>(work: () => Promise<T>): Promise<{ result: T; counts: RequestCounts }> {
  const counts = new RequestCounts();
  const result = await scope.run(counts, work);
  return { result, counts };
}

/** The counts of the work running now, if any. */
export function currentCounts(): RequestCounts | undefined {
  return scope.getStore();
}

/** Requests in all in one service's tally. */
export function requestTotal(tally: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const c of tally.values()) n += c;
  return n;
}

/** Adds one request of `command` (an SDK command name; `Command` dropped) to a service's tally. */
export function countCommand(tally: Map<string, number>, commandName: unknown): void {
  const command = String(commandName ?? 'unknown').replace(/Command$/, '');
  tally.set(command, (tally.get(command) ?? 0) + 1);
}
