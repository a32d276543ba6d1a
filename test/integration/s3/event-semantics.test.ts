import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { MalformedEventError, type RejectionCode } from '../../../lib/errors.js';
import { decodeFingerprint } from '../../../lib/detect/fingerprint-record.js';
import { makeArticleEventHandler } from '../../../lib/lambda/make-article-event-handler.js';
import { deliverEvents } from '../../../lib/local/deliver-events.js';
import { fingerprintKey, FINGERPRINT_PREFIX } from '../../../lib/store/keys.js';
import type { LshIndex, ObjectStore } from '../../../lib/store/ports.js';
import { fixtureBytes, fixtureText } from '../../helpers/fixtures.js';
import { startLocalStack, type LocalStack } from '../../helpers/local-stack.js';
import { s3Event } from '../../helpers/s3-events.js';

const WIRE = fixtureText('articles/harbour-bridge-wire.txt');
const SPUN = fixtureText('articles/harbour-bridge-spun.txt');
const FIRE = fixtureText('articles/library-fire-wire.txt');

describe('S3 event semantics (events delivered by the test, as S3 would)', () => {
  let stack: LocalStack;
  beforeEach(async () => {
    stack = await startLocalStack({ wire: false, env: { MAX_BYTES: '200000' } });
  });
  afterEach(async () => {
    await stack.close();
  });

  /** Uploads and returns the created event S3 would send, with the object's ETag. */
  async function upload(
    key: string,
    body: string | Uint8Array,
    eventTime = new Date().toISOString(),
  ): Promise<ReturnType<typeof s3Event>> {
    await stack.put(key, body);
    const head = await stack.user.send(new HeadObjectCommand({ Bucket: 'articles', Key: key }));
    return s3Event('created', key, { eTag: head.ETag!.replace(/"/g, ''), size: head.ContentLength ?? 0, eventTime });
  }

  /** Every object in the bucket's state prefixes with its bytes, and every index item: what a retry must leave unchanged. */
  async function stateOf(store: ObjectStore): Promise<Record<string, string>> {
    const state: Record<string, string> = {};
    for (const prefix of [FINGERPRINT_PREFIX, 'reports/'])
      for (const k of await store.list(prefix)) state[k] = Buffer.from((await store.get(k))!).toString('utf8');
    for (const e of await stack.indexEntries()) state[`index ${e.band} ${e.article}`] = '';
    return state;
  }

  async function indexEntriesOf(key: string): Promise<number> {
    return (await stack.indexEntries()).filter((e) => e.article === key).length;
  }

  /** The index items as sorted "band article" lines. */
  async function indexState(): Promise<string[]> {
    return (await stack.indexEntries()).map((e) => `${e.band} ${e.article}`).sort();
  }

  it('gives the same reports and index when an event is delivered twice', async () => {
    const wire = await upload('incoming/wire/bridge.txt', WIRE, '2024-03-01T08:00:00.000Z');
    const spun = await upload('incoming/farm/bridge.txt', SPUN, '2024-03-01T09:00:00.000Z');
    await stack.handler(wire);
    const afterWire = await stateOf(stack.deps.store);
    await stack.handler(wire);
    expect(await stateOf(stack.deps.store)).toEqual(afterWire);
    await stack.handler(spun);
    const once = await stateOf(stack.deps.store);

    await stack.handler(spun);

    expect(await stateOf(stack.deps.store)).toEqual(once);
    expect((await stack.report('incoming/farm/bridge.txt'))?.rewriteOf?.key).toBe('incoming/wire/bridge.txt');
    expect((await stack.report('incoming/wire/bridge.txt'))?.matches).toEqual([]);
  });

  it('recovers from a crash half-way through indexing when the event is retried', async () => {
    const event = await upload('incoming/wire/bridge.txt', WIRE, '2024-03-01T08:00:00.000Z');
    const index = stack.deps.index;
    // the first 29 entries reach the table, then the process dies
    const failing: LshIndex = {
      query: (keys) => index.query(keys),
      readBands: (keys, limit) => index.readBands(keys, limit),
      remove: (id, keys) => index.remove(id, keys),
      size: () => index.size(),
      countArticles: (delta) => index.countArticles(delta),
      add: async (id, keys) => {
        await index.add(id, keys.slice(0, 29));
        throw new Error('simulated crash');
      },
    };
    const crashing = makeArticleEventHandler({ ...stack.deps, index: failing });
    await expect(crashing(event)).rejects.toThrow(/1 of 1 records failed; first: simulated crash/);
    expect(await stack.report('incoming/wire/bridge.txt')).toBeUndefined();

    await stack.handler(event);

    const record = decodeFingerprint(
      (await stack.deps.store.get(fingerprintKey('incoming/wire/bridge.txt')))!,
      'incoming/wire/bridge.txt',
    );
    expect(await indexEntriesOf('incoming/wire/bridge.txt')).toBe(record.bandKeys.length);
    expect((await stack.report('incoming/wire/bridge.txt'))?.status).toBe('ok');
  });

  it('withdraws a deleted article: out of the index, report says so, no longer a source', async () => {
    await stack.handler(await upload('incoming/wire/bridge.txt', WIRE, '2024-03-01T08:00:00.000Z'));
    const spun = await upload('incoming/farm/bridge.txt', SPUN, '2024-03-01T09:00:00.000Z');
    await stack.remove('incoming/wire/bridge.txt');
    await stack.handler(s3Event('removed', 'incoming/wire/bridge.txt'));

    await stack.handler(spun);

    expect(await stack.report('incoming/wire/bridge.txt')).toMatchObject({
      status: 'withdrawn',
      verdict: null,
      indexed: false,
    });
    expect(await indexEntriesOf('incoming/wire/bridge.txt')).toBe(0);
    expect(await stack.deps.store.get(fingerprintKey('incoming/wire/bridge.txt'))).toBeUndefined();
    expect((await stack.report('incoming/farm/bridge.txt'))?.verdict).toBe('original');
  });

  it('re-indexes an overwritten article and ignores the stale event of its old content', async () => {
    const first = await upload('incoming/wire/story.txt', WIRE, '2024-03-01T08:00:00.000Z');
    await stack.handler(first);
    const oldEntries = await indexEntriesOf('incoming/wire/story.txt');
    const second = await upload('incoming/wire/story.txt', FIRE, '2024-03-01T09:00:00.000Z');

    const stale = (await stack.handler(first)) as Array<{ action: string }>;
    await stack.handler(second);

    expect(stale).toEqual([expect.objectContaining({ action: 'superseded' })]);
    const record = decodeFingerprint(
      (await stack.deps.store.get(fingerprintKey('incoming/wire/story.txt')))!,
      'incoming/wire/story.txt',
    );
    expect(record.text).toContain(FIRE.split('\n')[2]!.slice(0, 40));
    expect(await indexEntriesOf('incoming/wire/story.txt')).toBe(record.bandKeys.length);
    expect(oldEntries).toBeGreaterThan(0);
    await stack.handler(await upload('incoming/farm/bridge.txt', SPUN, '2024-03-01T10:00:00.000Z'));
    expect((await stack.report('incoming/farm/bridge.txt'))?.verdict).toBe('original'); // the old text is no source any more
  });

  it('keeps an article indexed when a late removal event arrives after it was uploaded again', async () => {
    await stack.handler(await upload('incoming/wire/bridge.txt', WIRE));
    const outcome = (await stack.handler(s3Event('removed', 'incoming/wire/bridge.txt'))) as Array<{ action: string }>;
    expect(outcome).toEqual([expect.objectContaining({ action: 'superseded' })]);
    expect(await indexEntriesOf('incoming/wire/bridge.txt')).toBeGreaterThan(0);
  });

  it('decodes keys with spaces, plus signs, percent signs and unicode', async () => {
    const key = 'incoming/2024/Stéphane + Co 100% 東京 story.txt';
    const results = (await stack.handler(await upload(key, WIRE))) as Array<{ key: string; verdict: string }>;
    expect(results).toEqual([expect.objectContaining({ key, verdict: 'original' })]);
    expect((await stack.report(key))?.article.key).toBe(key);
  });

  it('ignores keys outside incoming/ and never writes there', async () => {
    await stack.put('reports/incoming/x.txt.json', '{}');
    const results = (await stack.handler(s3Event('created', 'reports/incoming/x.txt.json'))) as Array<{
      action: string;
    }>;
    expect(results).toEqual([expect.objectContaining({ action: 'ignored' })]);
    expect(await stack.deps.store.list('reports/reports/')).toEqual([]);
  });

  it("refuses, with a warning giving the reason, a key too long for its report key to fit S3's 1,024 bytes", async () => {
    const key = `incoming/${'k'.repeat(199)}/${'k'.repeat(199)}/${'k'.repeat(199)}/${'k'.repeat(199)}/${'k'.repeat(200)}.txt`;

    const results = await stack.handler(s3Event('created', key));

    expect(results).toEqual([expect.objectContaining({ action: 'refused', why: expect.stringContaining('over S3') })]);
    expect(stack.logs).toContainEqual(expect.objectContaining({ level: 'warn', action: 'refused', key }));
    expect(await stack.deps.store.list('reports/')).toEqual([]);
  });

  it('throws a typed error for a malformed event after handling the good records', async () => {
    const good = (await upload('incoming/wire/bridge.txt', WIRE)).Records[0]!;
    await expect(
      stack.handler({ Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put' }, good] }),
    ).rejects.toThrow(MalformedEventError);
    await expect(stack.handler({ nothing: true })).rejects.toThrow(MalformedEventError);
    await expect(stack.handler(s3Event('created', 'incoming/x.txt', { bucket: 'someone-elses' }))).rejects.toThrow(
      /serves "articles"/,
    );
    expect((await stack.report('incoming/wire/bridge.txt'))?.status).toBe('ok');
  });

  it('logs a malformed event record and, after the two retries, leaves the event in the failure queue', async () => {
    const malformed = {
      Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'articles' } } }],
    };
    const delivery = deliverEvents(stack.handler);

    delivery.deliver(malformed);
    await delivery.idle();

    expect(delivery.failed).toEqual([
      expect.objectContaining({ event: malformed, attempts: 3, error: expect.any(MalformedEventError) }),
    ]);
    expect(stack.logs.filter((l) => l['message'] === 'malformed event record')).toEqual(
      Array.from({ length: 3 }, () =>
        expect.objectContaining({ level: 'error', problem: 'record 0: no s3.bucket / s3.object' }),
      ),
    );
    expect(await stack.deps.store.list('reports/')).toEqual([]);
  });

  describe('bad input gets a rejected report and leaves the index alone', () => {
    const utf16Bad = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]);
    const cases: Array<[string, string | Uint8Array, RejectionCode]> = [
      ['incoming/bad/empty.txt', '', 'empty'],
      ['incoming/bad/blank.txt', ' \n\t  \n', 'empty'],
      ['incoming/bad/nul.txt', Uint8Array.from([0x41, 0, 0, 0x42, 0, 0x43, 0, 0, 0, 0]), 'binary'],
      [
        'incoming/bad/png.html',
        fixtureBytes('articles/harbour-bridge-wire.txt').map((b, i) => (i % 3 === 0 ? 0 : b)),
        'binary',
      ],
      ['incoming/bad/utf16.txt', utf16Bad, 'bad-encoding'],
      ['incoming/bad/short.txt', 'Too short to judge.', 'too-short'],
      ['incoming/bad/huge.txt', 'word '.repeat(50000), 'too-large'],
      ['incoming/bad/broken.json', fixtureBytes('bad-input/malformed.json'), 'malformed-json'],
      ['incoming/bad/no-body.json', fixtureBytes('bad-input/no-body.json'), 'no-body'],
      ['incoming/bad/script.html', fixtureBytes('bad-input/all-script.html'), 'no-body'],
      ['incoming/bad/paper.pdf', '%PDF-1.4 whatever', 'unsupported-type'],
      ['incoming/../escape.txt', WIRE, 'bad-key'],
    ];
    // named by key and code: '%s -> %s' would print the body, 250 KB of it for huge.txt
    it.each(cases.map(([key, body, code]) => ({ key, body, code })))('$key -> $code', async ({ key, body, code }) => {
      await stack.handler(await upload('incoming/wire/fire.txt', FIRE));
      const before = await indexState();

      await stack.handler(await upload(key, body));

      const report = await stack.report(key);
      expect({ status: report?.status, code: report?.error?.code, indexed: report?.indexed }).toEqual({
        status: 'rejected',
        code,
        indexed: false,
      });
      expect(await indexState()).toEqual(before);
    });

    it('an object deleted before its event is processed -> not-found', async () => {
      const event = await upload('incoming/bad/gone.txt', WIRE);
      await stack.remove('incoming/bad/gone.txt');
      await stack.handler(event);
      expect((await stack.report('incoming/bad/gone.txt'))?.error?.code).toBe('not-found');
    });
  });
});
