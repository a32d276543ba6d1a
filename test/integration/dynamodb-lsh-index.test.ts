import { BatchWriteItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { StoreError } from '../../lib/errors.js';
import { startLocalDynamoDbServer, type LocalDynamoDbServer } from '../../lib/local/local-dynamodb-server.js';
import { DynamoDbLshIndex, INDEX_TABLE_KEY } from '../../lib/store/dynamodb-lsh-index.js';
import { MemoryLshIndex } from '../../lib/store/memory-lsh-index.js';
import { MAX_ENTRIES_PER_BAND } from '../../lib/store/ports.js';

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
