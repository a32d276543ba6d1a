import { decodeFingerprint } from '../../../lib/detect/fingerprint-record.js';
import { fixtureText } from '../../helpers/fixtures.js';
import { startLocalStack, type LocalStack } from '../../helpers/local-stack.js';

const WIRE = fixtureText('articles/harbour-bridge-wire.txt');
const SPUN = fixtureText('articles/harbour-bridge-spun.txt');
const FIRE = fixtureText('articles/library-fire-wire.txt');
const POSTMAN = fixtureText('articles/postman-wire.txt');
const COUNCIL =
  'The town council of Millbrook voted on Tuesday evening to close the public swimming pool on Elm Street for two ' +
  'summers while engineers replace its cracked basin and the changing rooms built in 1962. Councillor Ruth Abara said ' +
  'the repairs would cost about 1.8 million dollars, most of it from a state grant awarded last spring, and that ' +
  'residents could use the school pool in Oakdale on weekends under an agreement signed with the district.\n';

describe('article events through s3rver', () => {
  let stack: LocalStack;
  beforeEach(async () => {
    stack = await startLocalStack();
  });
  afterEach(async () => {
    await stack.close();
  });

  it('reports a spun rewrite uploaded after its wire story', async () => {
    await stack.put('incoming/wire/bridge.txt', WIRE);
    await stack.delivery.idle();
    await stack.put('incoming/farm/bridge.txt', SPUN);
    await stack.delivery.idle();

    const wire = await stack.report('incoming/wire/bridge.txt');
    const spun = await stack.report('incoming/farm/bridge.txt');
    expect(wire?.verdict).toBe('original');
    expect(spun?.verdict).toBe('rewrite');
    expect(spun?.rewriteOf?.key).toBe('incoming/wire/bridge.txt');
    expect(spun?.matches[0]?.passages.length).toBeGreaterThan(3);
    const page = Buffer.from((await stack.deps.store.get('reports/incoming/farm/bridge.txt.html'))!).toString('utf8');
    expect(page).toContain('<!DOCTYPE html>');
    expect(page).toContain('incoming/wire/bridge.txt');
  });

  it('reports a copy, and an unrelated article as original', async () => {
    await stack.put('incoming/wire/bridge.txt', WIRE);
    await stack.delivery.idle();
    await stack.put('incoming/copy/bridge.txt', WIRE);
    await stack.put('incoming/wire/fire.txt', FIRE);
    await stack.delivery.idle();

    expect((await stack.report('incoming/copy/bridge.txt'))?.rewriteOf).toEqual({
      key: 'incoming/wire/bridge.txt',
      verdict: 'copy',
      score: 1,
    });
    expect((await stack.report('incoming/wire/fire.txt'))?.verdict).toBe('original');
  });

  it('logs what each article cost: S3 and DynamoDB requests by command, bytes read, CPU', async () => {
    await stack.put('incoming/wire/bridge.txt', WIRE);
    await stack.delivery.idle();
    await stack.put('incoming/farm/bridge.txt', SPUN);
    await stack.delivery.idle();

    const line = stack.logs.find(
      (l) => l['message'] === 'article event handled' && l['key'] === 'incoming/farm/bridge.txt',
    )!;
    const byCommand = line['s3RequestsByCommand'] as Record<string, number>;
    const wireFingerprint = (await stack.deps.store.get('fingerprints/incoming/wire/bridge.txt.json'))!;
    const spunFingerprint = decodeFingerprint(
      (await stack.deps.store.get('fingerprints/incoming/farm/bridge.txt.json'))!,
      'incoming/farm/bridge.txt',
    );
    const dynamoByCommand = line['dynamoDbRequestsByCommand'] as Record<string, number>;
    // one Query per query key (one page each: a read stops after the cap + 1), its entries 25 to a batch,
    // one count update; the count itself is read at most once a minute (BatchGetItem)
    expect(
      Object.keys(dynamoByCommand)
        .filter((c) => c !== 'BatchGetItem')
        .sort(),
    ).toEqual(['BatchWriteItem', 'Query', 'UpdateItem']);
    expect(dynamoByCommand['UpdateItem']).toBe(1);
    expect(dynamoByCommand['Query']).toBeGreaterThan(0);
    expect(dynamoByCommand['Query']).toBeLessThanOrEqual(stack.deps.params.maxQueryKeys);
    expect(dynamoByCommand['BatchWriteItem']).toBe(Math.ceil(new Set(spunFingerprint.bandKeys).size / 25));
    // no key of a two-article index is over the cap: every entry is written
    expect(line['dynamoDbItemsWritten']).toBe(new Set(spunFingerprint.bandKeys).size);
    // as dynalite reports them: at least one per Query
    expect(line['dynamoDbReadUnits']).toBeGreaterThanOrEqual(dynamoByCommand['Query']!);
    expect(line['dynamoDbRequests']).toBe(Object.values(dynamoByCommand).reduce((n, c) => n + c, 0));
    expect(line['dynamoDbThrottles']).toBe(0);
    // the index is no longer in the bucket; the LISTs are of later copies: this new article's own after
    // its report is written, and its source's, before and after the source's report is re-rendered
    expect(byCommand['ListObjectsV2']).toBe(3);
    expect(Object.values(byCommand).reduce((n, c) => n + c, 0)).toBe(line['s3Requests']);
    expect(line['candidatesFound']).toBe(1);
    // the article itself and the wire story's fingerprint at least
    expect(line['s3BytesRead']).toBeGreaterThanOrEqual(Buffer.byteLength(SPUN) + wireFingerprint.length);
    expect(typeof line['cpuMs']).toBe('number');
  });

  it("logs each article's own requests when several are judged at once in one process", async () => {
    // the first article on an empty bucket also writes the index's parameters: one before the three
    await stack.put('incoming/seed/council.txt', COUNCIL);
    await stack.delivery.idle();
    const articles = { 'incoming/a/bridge.txt': WIRE, 'incoming/b/fire.txt': FIRE, 'incoming/c/post.txt': POSTMAN };
    await Promise.all(Object.entries(articles).map(([key, text]) => stack.put(key, text)));
    await stack.delivery.idle();

    for (const key of Object.keys(articles)) {
      const line = stack.logs.find((l) => l['message'] === 'article event handled' && l['key'] === key)!;
      const keys = decodeFingerprint((await stack.deps.store.get(`fingerprints/${key}.json`))!, key).bandKeys;
      const dynamo = line['dynamoDbRequestsByCommand'] as Record<string, number>;
      // its own index writes and count update only, whatever the others sent meanwhile
      expect(dynamo['UpdateItem']).toBe(1);
      expect(dynamo['BatchWriteItem']).toBe(Math.ceil(new Set(keys).size / 25));
      // an original's writes: fingerprint, report JSON and page
      expect((line['s3RequestsByCommand'] as Record<string, number>)['PutObject']).toBe(3);
    }
  });
});
