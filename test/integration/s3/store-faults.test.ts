import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { StoreError } from '../../../lib/errors.js';
import { decodeFingerprint } from '../../../lib/detect/fingerprint-record.js';
import { fingerprintKey } from '../../../lib/store/keys.js';
import { INDEX_PREFIX } from '../../../lib/store/keys.js';
import { fixtureText } from '../../helpers/fixtures.js';
import type { FaultProxy } from '../../helpers/fault-proxy.js';
import { startProxiedStack, type LocalStack } from '../../helpers/local-stack.js';
import { s3Event } from '../../helpers/s3-events.js';

const ARTICLES = ['harbour-bridge-wire', 'library-fire-wire', 'harbour-bridge-spun'].map((n) => ({ key: `incoming/faults/${n}.txt`, text: fixtureText(`articles/${n}.txt`) }));

describe('S3 faults while a batch is processed', () => {
  let stack: LocalStack;
  let proxy: FaultProxy;
  beforeEach(async () => {
    // the handler talks to S3 through the proxy; the uploading user talks to the server directly.
    // A stalled socket is given up on after a second here, not the product's 30 s.
    ({ stack, proxy } = await startProxiedStack(undefined, { env: { S3_SOCKET_TIMEOUT_MS: '1000' } }));
  });
  afterEach(async () => {
    await stack.close();
    await proxy.close();
  });

  async function eventFor(key: string, text: string, eventTime: string): Promise<unknown> {
    await stack.put(key, text);
    const head = await stack.user.send(new HeadObjectCommand({ Bucket: 'articles', Key: key }));
    return s3Event('created', key, { eTag: head.ETag!.replace(/"/g, ''), size: head.ContentLength ?? 0, eventTime });
  }

  it.each(['error-503', 'drop', 'stall'] as const)('throws on %s after the SDK retries, and a redelivery then completes cleanly', async (mode) => {
    const events = [];
    for (const [i, a] of ARTICLES.entries()) events.push(await eventFor(a.key, a.text, `2024-03-01T0${i}:00:00.000Z`));
    await stack.handler(events[0]);

    proxy.mode = mode;
    const failure = await stack.handler(events[1]).catch((e: unknown) => e);
    proxy.mode = 'pass';

    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error & { cause?: unknown }).cause).toBeInstanceOf(StoreError);
    expect(proxy.faults).toBeGreaterThanOrEqual(3); // the SDK retried before giving up
    await stack.handler(events[1]);
    await stack.handler(events[2]);

    for (const a of ARTICLES) {
      const record = decodeFingerprint((await stack.deps.store.get(fingerprintKey(a.key)))!, a.key);
      const entries = (await stack.deps.store.list(INDEX_PREFIX)).filter((k) => k.endsWith(`/${encodeURIComponent(a.key)}`));
      expect({ key: a.key, entries: entries.length, status: (await stack.report(a.key))?.status }).toEqual({ key: a.key, entries: record.bandKeys.length, status: 'ok' });
    }
    expect((await stack.report(ARTICLES[2]!.key))?.rewriteOf?.key).toBe(ARTICLES[0]!.key);
  });
});
