import { mulberry32 } from '../../../bench/synthetic-articles.js';
import { plantedCorpus } from '../../../bench/planted-rewrites.js';
import { decodeFingerprint } from '../../../lib/detect/fingerprint-record.js';
import { decodeS3Key } from '../../../lib/lambda/parse-s3-event.js';
import { deliverEvents, triggerAccepts } from '../../../lib/local/deliver-events.js';
import { FINGERPRINT_PREFIX, htmlReportKey, REPORT_PREFIX, reportKey } from '../../../lib/store/keys.js';
import { FLAGGED_PREFIX } from '../../../lib/digest/flagged-marker.js';
import type { Report } from '../../../lib/report/report.js';
import type { DynamoDbFaultProxy } from '../../helpers/dynamodb-fault-proxy.js';
import type { FaultProxy } from '../../helpers/fault-proxy.js';
import { startProxiedStack, type LocalStack } from '../../helpers/local-stack.js';

const SEED = 20240301;
/**
 * Per S3 request. The SDK makes 3 attempts, so an S3 call fails with p^3 (p = 503 + drop share,
 * 0.13); after Lambda's 3 deliveries the events whose every attempt failed (S3 or DynamoDB,
 * below) are left for the failure queue.
 */
const RATES = { error503: 0.095, drop: 0.035, slow: 0.04 };
const DUPLICATE_SHARE = 0.1;
/**
 * Per DynamoDB request: throttled (the SDK makes 3 attempts), or a BatchWriteItem with half its
 * items handed back unprocessed (the index retries them). With the index in DynamoDB an event
 * makes some 10-30 S3 requests but ~80 DynamoDB ones; at 0.15 only 7% of attempts failed and no
 * event reached the failure queue, so the rate is high enough that some of the 200 do.
 */
const DYNAMODB_FAULTS = { seed: SEED, throttle: 0.25, unprocessed: 0.15 };

/** The object keys of an event's records, as they are written in it. */
function keysOf(event: unknown): string[] {
  const records = (event as { Records?: Array<{ s3?: { object?: { key?: unknown } } }> }).Records ?? [];
  return records.map((r) => r.s3?.object?.key).filter((k): k is string => typeof k === 'string');
}

describe('200 concurrent uploads while S3 throttles, stalls and drops connections and DynamoDB throttles', () => {
  let stack: LocalStack | undefined;
  let proxy: FaultProxy | undefined;
  let dynamoProxy: DynamoDbFaultProxy | undefined;
  afterAll(async () => {
    await stack?.close();
    await proxy?.close();
    await dynamoProxy?.close();
  });

  it('ends with one report and one entry set per article, every pair linked, once the failure queue is replayed', async () => {
    // the proxy injects no stalls here: a socket idle for 10 s would be this process starved (s3rver,
    // dynalite and 200 handlers share it), so the SDK's idle limit is raised out of the way
    ({ stack, proxy, dynamoProxy } = await startProxiedStack(
      { seed: SEED, rates: RATES },
      { env: { S3_SOCKET_TIMEOUT_MS: '60000' } },
      DYNAMODB_FAULTS,
    ));
    const s = stack!;
    const p = proxy!;
    const d = dynamoProxy!;
    const corpus = plantedCorpus({
      pairs: 70,
      unrelated: 60,
      words: 120,
      seed: SEED,
      kinds: ['copy', 'light', 'heavy'],
    });
    expect(corpus).toHaveLength(200);
    const keyOf = (name: string): string => `incoming/faults/${name}.txt`;
    const articleKeys = new Set(corpus.map((a) => keyOf(a.name)));

    // S3 delivers at least once: some events arrive a second time, a little later
    const pick = mulberry32(SEED + 1);
    const duplicateAfterMs = new Map(
      corpus.filter(() => pick() < DUPLICATE_SHARE).map((a) => [keyOf(a.name), Math.floor(pick() * 1500)]),
    );
    let handlerThrows = 0;
    const delivery = deliverEvents(
      async (event) => {
        try {
          return await s.handler(event);
        } catch (err) {
          handlerThrows++;
          throw err;
        }
      },
      { accepts: triggerAccepts(s.deps.incomingPrefix) },
    );
    let delivered = 0;
    let duplicates = 0;
    const pendingDuplicates: Array<Promise<void>> = [];
    s.server.onEvent((event) => {
      const [key] = keysOf(event);
      if (key === undefined || !articleKeys.has(key)) return; // the handler's own writes: outside the trigger
      delivered++;
      delivery.deliver(event);
      const after = duplicateAfterMs.get(key);
      if (after === undefined) return;
      pendingDuplicates.push(
        new Promise((resolve) =>
          setTimeout(() => {
            delivered++;
            duplicates++;
            delivery.deliver(event);
            resolve();
          }, after),
        ),
      );
    });

    p.mode = 'random';
    d.mode = 'random';
    await Promise.all(corpus.map((a) => s.put(keyOf(a.name), a.text)));
    // events trail the PUTs; a missing one fails here, not at the jest timeout
    const eventsDue = Date.now() + 120_000;
    while (delivered < corpus.length + duplicateAfterMs.size && Date.now() < eventsDue)
      await new Promise((r) => setTimeout(r, 50));
    expect(delivered).toBe(corpus.length + duplicateAfterMs.size);
    await Promise.all(pendingDuplicates);
    await delivery.idle();
    const exhausted = delivery.failed.length;
    const retried = handlerThrows - exhausted; // the last throw of an exhausted event is not retried

    // the operator replays the failure queue once S3 is healthy; the queue holds the events as Lambda got them
    p.mode = 'pass';
    d.mode = 'pass';
    const faultCounts = p.counts;
    const dynamoCounts = d.counts;
    let replayed = 0;
    await Promise.all(
      delivery.failed.map(async (f) => {
        replayed++;
        await s.handler(f.event);
      }),
    );

    console.log(
      `fault injection: ${faultCounts.requests} requests through the proxy, ${faultCounts.error503} 503s, ${faultCounts.drop} drops, ${faultCounts.slow} slow; ` +
        `DynamoDB: ${dynamoCounts.requests} requests, ${dynamoCounts.throttled} throttled, ${dynamoCounts.partialBatches} batches with ${dynamoCounts.unprocessedItems} items left unprocessed; ` +
        `${delivered} events delivered (${duplicates} duplicates), ${retried} handler failures retried, ${exhausted} events exhausted their retries, ${replayed} replayed`,
    );
    expect(exhausted).toBeGreaterThan(0); // the rates must be high enough to reach the failure queue
    expect(replayed).toBe(delivery.failed.length);
    expect(duplicates).toBe(duplicateAfterMs.size);
    expect(faultCounts.error503 + faultCounts.drop).toBeGreaterThan(0);
    expect(dynamoCounts.throttled).toBeGreaterThan(0);
    expect(dynamoCounts.unprocessedItems).toBeGreaterThan(0);

    // exactly one JSON and one HTML report per article, nothing else under reports/ but the digest's flagged-article objects
    const expectedReports = [...articleKeys].flatMap((k) => [reportKey(k), htmlReportKey(k)]).sort();
    const stored = await s.deps.store.list(REPORT_PREFIX);
    expect(stored.filter((k) => !k.startsWith(FLAGGED_PREFIX)).sort()).toEqual(expectedReports);
    const reports = new Map<string, Report>();
    for (const key of articleKeys) {
      const report = await s.report(key);
      expect({ key, status: report?.status, indexed: report?.indexed }).toEqual({ key, status: 'ok', indexed: true });
      reports.set(key, report!);
    }
    // the failure queue holds the events as Lambda got them: keys URL-encoded
    const replayedKeys = delivery.failed.flatMap((f) => keysOf(f.event).map(decodeS3Key));
    expect(replayedKeys).toHaveLength(exhausted);
    for (const key of replayedKeys)
      expect({ replayed: key, status: reports.get(key)?.status }).toEqual({ replayed: key, status: 'ok' });

    // one entry set per live article: as many entries as the fingerprints name, and only theirs
    const fingerprints = await s.deps.store.list(FINGERPRINT_PREFIX);
    expect(fingerprints.sort()).toEqual([...articleKeys].map((k) => `${FINGERPRINT_PREFIX}${k}.json`).sort());
    let expectedEntries = 0;
    for (const key of fingerprints)
      expectedEntries += decodeFingerprint((await s.deps.store.get(key))!, key).bandKeys.length;
    const entries = await s.indexEntries();
    const strangers = entries.map((e) => e.article).filter((k) => !articleKeys.has(k));
    expect(strangers).toEqual([]);
    expect(entries).toHaveLength(expectedEntries);

    const names = (r: Report): string[] => [...r.matches.map((m) => m.key), ...r.laterCopies.map((c) => c.key)];
    for (const a of corpus) {
      const own = reports.get(keyOf(a.name))!;
      expect({ key: a.name, namesItself: names(own).includes(own.article.key) }).toEqual({
        key: a.name,
        namesItself: false,
      });
      if (!a.sourceOf) continue;
      const source = reports.get(keyOf(a.sourceOf.name))!;
      const linked = names(own).includes(source.article.key) || names(source).includes(own.article.key);
      expect({ pair: a.name, linked }).toEqual({ pair: a.name, linked: true });
    }
    for (const a of corpus.filter((x) => !x.sourceOf && !corpus.some((y) => y.sourceOf?.name === x.name))) {
      expect({ unrelated: a.name, flagged: names(reports.get(keyOf(a.name))!) }).toEqual({
        unrelated: a.name,
        flagged: [],
      });
    }
    // a guard against a hang, not a speed check: this takes 230-400 s on a shared 2-core machine
  }, 1_200_000);
});
