import { plantedCorpus } from '../../../bench/planted-rewrites.js';
import { makeBackfillTaskHandler } from '../../../lib/lambda/make-backfill-task-handler.js';
import { FINGERPRINT_PREFIX, REPORT_PREFIX } from '../../../lib/store/keys.js';
import { batchEvent } from '../../helpers/batch-events.js';
import type { FaultProxy } from '../../helpers/fault-proxy.js';
import type { DynamoDbFaultProxy } from '../../helpers/dynamodb-fault-proxy.js';
import { fixtureBytes, fixtureText } from '../../helpers/fixtures.js';
import { startLocalDynamoDbServer } from '../../../lib/local/local-dynamodb-server.js';
import { scanIndex, startProxiedStack, type LocalStack } from '../../helpers/local-stack.js';
import { runCli } from '../../helpers/run-cli.js';

const WIRE = 'incoming/wire/harbour bridge.txt';
const FIRE = 'incoming/wire/fire.txt';
const PLANTED = plantedCorpus({ pairs: 1, unrelated: 0, words: 150, seed: 5, kinds: ['light'] });
const PLANTED_SOURCE = 'incoming/wire/planted.txt';
// later uploads whose keys sort BEFORE their sources': only LastModified order names the right source
const SPUN = 'incoming/farm/bridge+spun.txt';
const COPY = 'incoming/aggregator/bridge.txt';
const PLANTED_SPIN = 'incoming/farm/planted.txt';
const BROKEN = 'incoming/bad/too-short.txt';
// a 0-byte object: read without a range request (s3rver breaks on a range over nothing)
const EMPTY = 'incoming/bad/empty.txt';
const NOT_AN_ARTICLE = 'incoming/notes.pdf';
const OUTSIDE = 'elsewhere/story.txt';

/** The local server signs as S3RVER whatever the caller's AWS variables. */
const AS_S3RVER = { withoutAwsKey: true };

describe('backfill of an archive that predates the function', () => {
  let stack: LocalStack;
  let proxy: FaultProxy;
  let dynamoProxy: DynamoDbFaultProxy;

  beforeEach(async () => {
    // wire: false: uploads trigger nothing, as for an archive written before the stack was deployed;
    // the handler's own S3 client goes through a fault proxy, the uploading user's does not
    ({ stack, proxy, dynamoProxy } = await startProxiedStack());
    await stack.put(WIRE, fixtureText('articles/harbour-bridge-wire.txt'));
    await stack.put(FIRE, fixtureText('articles/library-fire-wire.txt'));
    await stack.put(PLANTED_SOURCE, PLANTED[0]!.text);
    // S3's LastModified has one-second precision: the rest of the archive is written a second later
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await stack.put(SPUN, fixtureText('articles/harbour-bridge-spun.txt'));
    await stack.put(COPY, fixtureText('articles/harbour-bridge-wire.txt'));
    await stack.put(PLANTED_SPIN, PLANTED[1]!.text);
    await stack.put(BROKEN, fixtureBytes('bad-input/too-short.txt'));
    await stack.put(EMPTY, '');
    await stack.put(NOT_AN_ARTICLE, 'not an article');
    await stack.put(OUTSIDE, fixtureText('articles/library-fire-wire.txt'));
  });
  afterEach(async () => {
    await stack.close();
    await proxy.close();
    await dynamoProxy.close();
  });

  /** Every object the detector wrote (reports, fingerprints, index entries), key -> content. */
  async function stateOf(): Promise<Record<string, string>> {
    const state: Record<string, string> = {};
    for (const prefix of [REPORT_PREFIX, FINGERPRINT_PREFIX]) {
      for (const key of await stack.deps.store.list(prefix))
        state[key] = Buffer.from((await stack.deps.store.get(key))!).toString('utf8');
    }
    for (const e of await stack.indexEntries()) state[`index ${e.band} ${e.article}`] = '';
    return state;
  }

  /** The CLI reaches the test's own dynalite, not the local stack's port. */
  const dynamoDbOptions = (): string[] => ['--dynamodb-endpoint', stack.dynamo.endpoint, '--table', stack.dynamo.table];

  it('rewrite-radar backfill judges the archive oldest first, and a second run changes nothing', async () => {
    expect(await stateOf()).toEqual({});

    const first = await runCli(
      [
        'backfill',
        '--endpoint',
        stack.server.endpoint,
        ...dynamoDbOptions(),
        '--bucket',
        'articles',
        '--concurrency',
        '1',
      ],
      AS_S3RVER,
    );

    expect(first).toMatchObject({ code: 0, stderr: '' });
    const spun = await stack.report(SPUN);
    expect({ verdict: spun?.verdict, source: spun?.rewriteOf?.key }).toEqual({ verdict: 'rewrite', source: WIRE });
    expect((await stack.report(COPY))?.rewriteOf).toEqual({ key: WIRE, verdict: 'copy', score: 1 });
    expect((await stack.report(PLANTED_SPIN))?.rewriteOf?.key).toBe(PLANTED_SOURCE);
    for (const original of [WIRE, FIRE, PLANTED_SOURCE])
      expect({ original, verdict: (await stack.report(original))?.verdict }).toEqual({ original, verdict: 'original' });
    expect((await stack.report(BROKEN))?.error?.code).toBe('too-short');
    expect((await stack.report(EMPTY))?.error?.code).toBe('empty');
    expect(await stack.report(NOT_AN_ARTICLE)).toBeUndefined();
    expect(await stack.report(OUTSIDE)).toBeUndefined();
    expect(first.stdout).toMatch(/article\s+verdict\s+source\s+score/);
    expect(first.stdout).toContain('articles 8   original 3   copy 1   rewrite 2   partial 0   rejected 2');
    expect(first.stdout).toContain('skipped: 1 object(s)');

    const before = await stateOf();
    const second = await runCli(
      ['backfill', '--endpoint', stack.server.endpoint, ...dynamoDbOptions(), '--json'],
      AS_S3RVER,
    );

    expect(second.code).toBe(0);
    expect(second.stdout.trim().split('\n')).toHaveLength(8);
    expect(await stateOf()).toEqual(before);
  });

  it('rewrite-radar reindex rebuilds the same table from the fingerprints alone', async () => {
    await runCli(['backfill', '--endpoint', stack.server.endpoint, ...dynamoDbOptions()], AS_S3RVER);
    const entries = await stack.indexEntries();
    expect(entries.length).toBeGreaterThan(100);
    const fresh = await startLocalDynamoDbServer({ table: 'rebuilt-index' });
    try {
      const run = await runCli(
        [
          'reindex',
          '--endpoint',
          stack.server.endpoint,
          '--dynamodb-endpoint',
          fresh.endpoint,
          '--table',
          fresh.table,
          '--json',
        ],
        AS_S3RVER,
      );

      expect(run).toMatchObject({ code: 0, stderr: '' });
      const order = (list: Array<{ band: string; article: string }>): string[] =>
        list.map((e) => `${e.band} ${e.article}`).sort();
      expect(order(await scanIndex(fresh))).toEqual(order(entries));
      // the judged articles: the pdf and the one outside incoming/ have no fingerprint, the too-short one neither
      expect(JSON.parse(run.stdout)).toEqual({
        articles: 6,
        entries: entries.length,
        table: 'rebuilt-index',
        fingerprints: 's3://articles/fingerprints/incoming/',
        skipped: [],
      });
    } finally {
      await fresh.close();
    }
  });

  it('rewrite-radar backfill exits 1 when the bucket cannot be read, 2 on a bad option', async () => {
    const noBucket = await runCli(
      ['backfill', '--endpoint', stack.server.endpoint, ...dynamoDbOptions(), '--bucket', 'no-such-bucket'],
      AS_S3RVER,
    );
    expect(noBucket.code).toBe(1);
    expect(noBucket.stderr).toContain('storage fault');
    expect((await runCli(['backfill', '--concurrency', '0'], AS_S3RVER)).code).toBe(2);
    expect((await runCli(['scan', '.', '--bucket', 'articles'], AS_S3RVER)).code).toBe(2);
  });

  it('the Batch Operations handler answers each task of a schema 1.0 and 2.0 event', async () => {
    const handler = makeBackfillTaskHandler(stack.deps);
    const v1 = batchEvent('1.0', [
      { key: WIRE },
      { key: SPUN },
      { key: OUTSIDE },
      { key: COPY, bucket: 'another-bucket' },
    ]);
    const v2 = batchEvent('2.0', [
      { key: COPY },
      { key: BROKEN },
      { key: NOT_AN_ARTICLE },
      { key: 'incoming/deleted.txt' },
    ]);

    const first = await handler(v1);
    const second = await handler(v2);

    expect(first).toMatchObject({
      invocationSchemaVersion: '1.0',
      invocationId: v1.invocationId,
      treatMissingKeysAs: 'PermanentFailure',
    });
    expect(first.results.map((r) => [r.taskId, r.resultCode])).toEqual(
      v1.tasks.map((t, i) => [t['taskId'], ['Succeeded', 'Succeeded', 'PermanentFailure', 'PermanentFailure'][i]]),
    );
    expect(first.results.map((r) => r.resultString)).toEqual([
      'original',
      expect.stringMatching(/^rewrite of incoming\/wire\/harbour bridge\.txt \(0\.\d{4}\)$/),
      expect.stringContaining('outside incoming/'),
      expect.stringContaining('another-bucket'),
    ]);
    expect(second).toMatchObject({ invocationSchemaVersion: '2.0', invocationId: v2.invocationId });
    expect(second.results.map((r) => [r.resultCode, r.resultString])).toEqual([
      ['Succeeded', `copy of ${WIRE} (1.0000)`],
      ['Succeeded', 'rejected: too-short'],
      ['Succeeded', expect.stringContaining('skipped')],
      ['PermanentFailure', expect.stringContaining('NoSuchKey')],
    ]);
    expect((await stack.report(SPUN))?.rewriteOf?.key).toBe(WIRE);
    const again = await handler(v1);
    expect(again.results.map((r) => r.resultString)).toEqual([
      expect.stringContaining('(already judged)'),
      expect.stringContaining('(already judged)'),
      first.results[2]!.resultString,
      first.results[3]!.resultString,
    ]);
  });

  it('a source backfilled after its rewrite lists it under laterCopies and re-judges its report, which then names the source', async () => {
    const handler = makeBackfillTaskHandler(stack.deps);

    await handler(batchEvent('2.0', [{ key: PLANTED_SPIN }]));
    const spinBefore = await stack.report(PLANTED_SPIN);
    await handler(batchEvent('2.0', [{ key: PLANTED_SOURCE }]));

    expect(spinBefore?.verdict).toBe('original'); // its source was not indexed yet
    expect((await stack.report(PLANTED_SOURCE))?.laterCopies.map((c) => c.key)).toEqual([PLANTED_SPIN]);
    expect((await stack.report(PLANTED_SPIN))?.rewriteOf?.key).toBe(PLANTED_SOURCE);
  });

  it('answers TemporaryFailure when S3 fails, so the job retries the task, and the retry succeeds', async () => {
    const handler = makeBackfillTaskHandler(stack.deps);
    await handler(batchEvent('2.0', [{ key: WIRE }]));
    const task = batchEvent('2.0', [{ key: SPUN }]);

    proxy.mode = 'error-503';
    const failed = await handler(task);
    proxy.mode = 'pass';
    const retried = await handler(task);

    expect(failed.results).toEqual([
      {
        taskId: task.tasks[0]!['taskId'],
        resultCode: 'TemporaryFailure',
        resultString: expect.stringContaining('StoreError'),
      },
    ]);
    expect(proxy.faults).toBeGreaterThanOrEqual(3); // the SDK retried before the task gave up
    expect(retried.results.map((r) => r.resultCode)).toEqual(['Succeeded']);
    expect((await stack.report(SPUN))?.rewriteOf?.key).toBe(WIRE);
  });
});
