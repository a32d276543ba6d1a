import { BatchWriteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { StoreError } from '../../lib/errors.js';
import { startLocalDynamoDbServer, type LocalDynamoDbServer } from '../../lib/local/local-dynamodb-server.js';
import { COMMON_KEY_ENTRIES, DynamoDbLshIndex, INDEX_TABLE_KEY } from '../../lib/store/dynamodb-lsh-index.js';
import { MemoryLshIndex } from '../../lib/store/memory-lsh-index.js';
import { MAX_ENTRIES_PER_BAND } from '../../lib/store/ports.js';
import { countRequests } from '../../lib/store/request-scope.js';
import { makeDynamoDbClient } from '../../lib/store/dynamodb-client.js';

describe('DynamoDbLshIndex on dynalite', () => {
  let server: LocalDynamoDbServer;
  let client: DynamoDBClient;
  let index: DynamoDbLshIndex;
  beforeEach(async () => {
    server = await startLocalDynamoDbServer();
    client = new DynamoDBClient(server.clientConfig);
    index = new DynamoDbLshIndex(client, server.table);
  });
  afterEach(async () => {
    client.destroy();
    await server.close();
  });

  it('adds idempotently, counts shared bands, and removes only the given bands', async () => {
    const bands = Array.from({ length: 60 }, (_, i) => `b${i}-${i.toString(16).padStart(8, '0')}`);
    // more than one batch of 25, and a band key twice (a batch may not name one item twice)
    await index.add('incoming/a.txt', [...bands, bands[0]!]);
    await index.add('incoming/a.txt', bands);
    await index.add('incoming/b é+c.txt', bands.slice(0, 10));

    expect(await index.query(bands.slice(0, 12))).toEqual(
      new Map([
        ['incoming/a.txt', 12],
        ['incoming/b é+c.txt', 10],
      ]),
    );
    expect(await index.query(['b99-unseen'])).toEqual(new Map());

    await index.remove('incoming/a.txt', [...bands.slice(0, 30), 'b98-never-added']);
    expect(await index.query(bands)).toEqual(
      new Map([
        ['incoming/a.txt', 30],
        ['incoming/b é+c.txt', 10],
      ]),
    );
  });

  it('remembers a key found over the limit and skips it unread while the limit asked is no higher', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'].map((x) => `incoming/${x}.txt`);
    for (const id of ids) await index.add(id, ['b0-0000beef', 'b1-00000001']);
    expect(await index.readBands(['b0-0000beef', 'b1-00000001'], 3)).toEqual([undefined, undefined]);
    // emptied behind its back: a limit of 3 or less still skips it, a higher one reads it again
    for (const id of ids) await index.remove(id, ['b0-0000beef']);
    expect(await index.readBands(['b0-0000beef'], 2)).toEqual([undefined]);
    expect(await index.readBands(['b0-0000beef'], 4)).toEqual([[]]);
    expect((await index.readBands(['b1-00000001'], 5))[0]).toHaveLength(5);
  });

  it("writes no entry under a key it has found over its queries' limit, and counts the items it wrote", async () => {
    const counted = makeDynamoDbClient(server.clientConfig);
    const index = new DynamoDbLshIndex(counted, server.table);
    const ids = ['a', 'b', 'c', 'd'].map((x) => `incoming/${x}.txt`);
    for (const id of ids) await index.add(id, ['b0-0000beef']);
    await index.add(ids[0]!, ['b1-00000001']);
    expect(await index.readBands(['b0-0000beef', 'b1-00000001'], 3)).toEqual([undefined, [ids[0]]]);

    const { counts } = await countRequests(() =>
      index.add('incoming/new.txt', ['b0-0000beef', 'b1-00000001', 'b2-00000002']),
    );
    expect(counts.itemsWritten).toBe(2);
    // a process that has not met the key (a cold Lambda, or reindex) writes every key
    const cold = new DynamoDbLshIndex(counted, server.table);
    expect((await cold.readBands(['b0-0000beef'], 10))[0]).toHaveLength(4);
    expect((await cold.readBands(['b1-00000001', 'b2-00000002'], 10)).map((b) => b?.length)).toEqual([2, 1]);
    const { counts: coldCounts } = await countRequests(() =>
      cold.add('incoming/other.txt', ['b0-0000beef', 'b1-00000001']),
    );
    expect(coldCounts.itemsWritten).toBe(2);
    counted.destroy();
  });

  it(`reuses for a while what it read under a key of ${COMMON_KEY_ENTRIES}+ articles, with its own writes in it, and reads rarer keys afresh`, async () => {
    const common = 'b0-0000c0de';
    const rare = 'b1-00000001';
    const ids = Array.from({ length: COMMON_KEY_ENTRIES }, (_, i) => `incoming/${String(i).padStart(3, '0')}.txt`);
    const other = new DynamoDbLshIndex(client, server.table); // another Lambda
    for (const id of ids) await other.add(id, [common]);
    await other.add(ids[0]!, [rare]);
    const counted = makeDynamoDbClient(server.clientConfig);
    const warm = new DynamoDbLshIndex(counted, server.table);
    expect((await warm.readBands([common, rare], 1000)).map((b) => b?.length)).toEqual([COMMON_KEY_ENTRIES, 1]);

    await other.add('incoming/late.txt', [common, rare]);
    await warm.add('incoming/own.txt', [common]);
    await warm.remove(ids[1]!, [common]);
    const { result, counts } = await countRequests(() => warm.readBands([common, rare], 1000));
    expect(counts.dynamodb.get('Query')).toBe(1); // the rare key alone
    expect(result[1]).toEqual([ids[0], 'incoming/late.txt']);
    expect(result[0]).toHaveLength(COMMON_KEY_ENTRIES);
    expect(result[0]).toContain('incoming/own.txt');
    expect(result[0]).not.toContain(ids[1]);
    expect(result[0]).not.toContain('incoming/late.txt');

    // once the reuse has expired (here: never kept) the key is read afresh
    const fresh = new DynamoDbLshIndex(counted, server.table, undefined, undefined, 0);
    await fresh.readBands([common], 1000);
    expect((await fresh.readBands([common], 1000))[0]).toContain('incoming/late.txt');
    counted.destroy();
  });

  it('sums the article count over its shards, and reads it again only once its cache expires', async () => {
    const fresh = new DynamoDbLshIndex(client, server.table, undefined, 0);
    expect(await fresh.size()).toBe(0);
    for (let i = 0; i < 40; i++) await fresh.countArticles(1);
    await fresh.countArticles(-3);
    expect(await fresh.size()).toBe(37);
    // a cached reader keeps its figure for the TTL
    const cached = new DynamoDbLshIndex(client, server.table, undefined, 60_000);
    expect(await cached.size()).toBe(37);
    await fresh.countArticles(1);
    expect(await cached.size()).toBe(37);
    expect(await fresh.size()).toBe(38);
  });

  it(`reads at most ${MAX_ENTRIES_PER_BAND} entries of a band, the same ones the memory index keeps`, async () => {
    const band = 'b0-00c0ffee';
    // mixed case, digits, punctuation and non-ASCII: UTF-8 byte order differs from UTF-16 order here
    const ids = Array.from(
      { length: MAX_ENTRIES_PER_BAND + 130 },
      (_, i) => `incoming/${['Z', 'a', 'é', '~', '0', 'ｆ'][i % 6]}${(i * 7919) % 100_003}.txt`,
    );
    for (let i = 0; i < ids.length; i += 25) {
      const items = ids.slice(i, i + 25).map((id) => ({
        PutRequest: { Item: { [INDEX_TABLE_KEY.partition]: { S: band }, [INDEX_TABLE_KEY.sort]: { S: id } } },
      }));
      await client.send(new BatchWriteItemCommand({ RequestItems: { [server.table]: items } }));
    }
    const memory = new MemoryLshIndex();
    for (const id of ids) await memory.add(id, [band]);

    const fromTable = await index.query([band]);

    expect(fromTable.size).toBe(MAX_ENTRIES_PER_BAND);
    expect([...fromTable.keys()].sort()).toEqual([...(await memory.query([band])).keys()].sort());
  });

  it('turns a DynamoDB failure into a StoreError naming the table', async () => {
    const missing = new DynamoDbLshIndex(client, 'no-such-table');
    const failure = await missing.query(['b0-1']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).message).toMatch(
      /DynamoDB Query on table no-such-table \(b0-1\) failed: ResourceNotFoundException/,
    );
    expect((failure as StoreError).context).toEqual({ table: 'no-such-table', key: 'b0-1' });
  });
});
