import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { IndexThrottledError, StoreError } from '../../../lib/errors.js';
import { decodeFingerprint } from '../../../lib/detect/fingerprint-record.js';
import { fingerprintKey } from '../../../lib/store/keys.js';
import { fixtureText } from '../../helpers/fixtures.js';
import type { DynamoDbFaultProxy } from '../../helpers/dynamodb-fault-proxy.js';
import type { FaultProxy } from '../../helpers/fault-proxy.js';
import { startProxiedStack, type LocalStack } from '../../helpers/local-stack.js';
import { s3Event } from '../../helpers/s3-events.js';

const ARTICLES = ['harbour-bridge-wire', 'library-fire-wire', 'harbour-bridge-spun'].map((n) => ({
  key: `incoming/faults/${n}.txt`,
  text: fixtureText(`articles/${n}.txt`),
}));

describe('S3 and DynamoDB faults while a batch is processed', () => {
  let stack: LocalStack;
  let proxy: FaultProxy;
  let dynamoProxy: DynamoDbFaultProxy;
  beforeEach(async () => {
    // the handler talks to S3 and DynamoDB through the proxies; the uploading user and the test's
    // Scan talk to the servers directly. A stalled socket is given up on after a second here, not the product's 10 s.
    ({ stack, proxy, dynamoProxy } = await startProxiedStack(undefined, { env: { S3_SOCKET_TIMEOUT_MS: '1000' } }));
  });
  afterEach(async () => {
    await stack.close();
    await proxy.close();
    await dynamoProxy.close();
  });

  /** Each article has its report and exactly the index entries its fingerprint names, and the spun one names its source. */
  async function expectCleanState(): Promise<void> {
    const entries = await stack.indexEntries();
    for (const a of ARTICLES) {
      const record = decodeFingerprint((await stack.deps.store.get(fingerprintKey(a.key)))!, a.key);
      const bands = entries
        .filter((e) => e.article === a.key)
        .map((e) => e.band)
        .sort();
      expect({ key: a.key, bands, status: (await stack.report(a.key))?.status }).toEqual({
        key: a.key,
        bands: [...new Set(record.bandKeys)].sort(),
        status: 'ok',
      });
    }
    expect(entries.filter((e) => !ARTICLES.some((a) => a.key === e.article))).toEqual([]);
    expect((await stack.report(ARTICLES[2]!.key))?.rewriteOf?.key).toBe(ARTICLES[0]!.key);
  }

  async function eventFor(key: string, text: string, eventTime: string): Promise<unknown> {
    await stack.put(key, text);
    const head = await stack.user.send(new HeadObjectCommand({ Bucket: 'articles', Key: key }));
    return s3Event('created', key, { eTag: head.ETag!.replace(/"/g, ''), size: head.ContentLength ?? 0, eventTime });
  }

  /**
   * Handles the first article, the second while `fault` is on (it must throw), then redelivers the
   * second and handles the third with the fault off; `check` gets the cause of the handler's throw.
   */
  async function failThenRedeliver(
    fault: { on: () => void; off: () => void },
    check: (cause: Error | undefined) => void,
  ): Promise<void> {
    const events = [];
    for (const [i, a] of ARTICLES.entries()) events.push(await eventFor(a.key, a.text, `2024-03-01T0${i}:00:00.000Z`));
    await stack.handler(events[0]);

    fault.on();
    const failure = await stack.handler(events[1]).catch((e: unknown) => e);
    fault.off();

    expect(failure).toBeInstanceOf(Error);
    check((failure as Error & { cause?: Error }).cause);
    await stack.handler(events[1]);
    await stack.handler(events[2]);
    await expectCleanState();
  }

  it.each(['error-503', 'drop', 'stall'] as const)(
    'throws on %s after the SDK retries, and a redelivery then completes cleanly',
    async (mode) => {
      await failThenRedeliver({ on: () => (proxy.mode = mode), off: () => (proxy.mode = 'pass') }, (cause) => {
        expect(cause).toBeInstanceOf(StoreError);
        expect(proxy.faults).toBeGreaterThanOrEqual(3); // the SDK retried before giving up
      });
    },
  );

  it('throws IndexThrottledError when DynamoDB throttles past the SDK retries, and a redelivery then completes cleanly', async () => {
    await failThenRedeliver(
      { on: () => (dynamoProxy.mode = 'throttle'), off: () => (dynamoProxy.mode = 'pass') },
      (cause) => {
        expect(cause).toBeInstanceOf(IndexThrottledError);
        expect(cause?.message).toMatch(/ProvisionedThroughputExceededException/);
        expect(dynamoProxy.counts.throttled).toBeGreaterThanOrEqual(3); // the SDK retried before giving up
        expect(stack.logs.some((l) => l['message'] === 'article event failed')).toBe(true);
      },
    );
  });

  it('writes the items DynamoDB leaves unprocessed on a later attempt', async () => {
    dynamoProxy.mode = 'unprocessed';
    for (const [i, a] of ARTICLES.entries())
      await stack.handler(await eventFor(a.key, a.text, `2024-03-01T0${i}:00:00.000Z`));
    dynamoProxy.mode = 'pass';

    const counts = dynamoProxy.counts;
    expect(counts.partialBatches).toBeGreaterThan(ARTICLES.length);
    expect(counts.unprocessedItems).toBeGreaterThan(0);
    // the log line counts the batches that came back short, as the metric does
    const handled = stack.logs.filter((l) => l['message'] === 'article event handled');
    expect(handled.map((l) => l['dynamoDbThrottles'] as number).every((n) => n > 0)).toBe(true);
    await expectCleanState();
  });

  it('throws IndexThrottledError when a batch stays unprocessed through every attempt, and a redelivery then completes cleanly', async () => {
    await failThenRedeliver(
      { on: () => (dynamoProxy.mode = 'unprocessed-all'), off: () => (dynamoProxy.mode = 'pass') },
      (cause) => {
        expect(cause).toBeInstanceOf(IndexThrottledError);
        expect(cause?.message).toMatch(/unprocessed after 8 attempts/);
      },
    );
  });
});
