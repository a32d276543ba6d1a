import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type DynamoDBClient,
  type QueryCommandOutput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { IndexThrottledError, StoreError } from '../errors.js';
import { mapLimit } from '../util/map-limit.js';
import { CommonKeyReads } from './common-key-reads.js';
import { MAX_ENTRIES_PER_BAND, type LshIndex } from './ports.js';

/** Attribute names of the index table's key: one item per (band key, article key). serverless.yml uses the same. */
export const INDEX_TABLE_KEY = Object.freeze({ partition: 'band', sort: 'article' });

/** Requests one article's index work keeps in flight at once (the SDK's pool holds 50 sockets). */
export const DYNAMODB_CONCURRENCY = 32;

/** Items one BatchWriteItem may carry (a DynamoDB limit). */
export const BATCH_WRITE_ITEMS = 25;

/**
 * The index's article count lives in items beside the bands (partition keys `#articles/0`...,
 * which no term key can equal), spread over shards because one item takes at most 1,000 writes
 * a second: each article adds 1 to a random shard, a reader sums them in one BatchGetItem.
 */
export const SIZE_SHARDS = 8;
const SIZE_PARTITION = '#articles/';
const SIZE_SORT = '#count';

/** Whether a table item is an index entry, not one of the article count's items. */
export function isIndexEntry(band: string): boolean {
  return !band.startsWith(SIZE_PARTITION);
}

/** How long a warm process reuses the article count it read: a minute's growth does not change a key's rarity. */
export const SIZE_TTL_MS = 60_000;

/** Keys a warm process remembers as too common, at most: a few MB. */
export const HOT_KEYS_REMEMBERED = 100_000;

/**
 * A key holding at least this many articles is common: a warm process reuses what it read under it
 * for COMMON_KEY_TTL_MS. Such keys are most of a query's read units and of its time, and one more
 * article under one weighs little; rare keys, which carry a copy's or rewrite's evidence, are
 * always read afresh.
 */
export const COMMON_KEY_ENTRIES = 100;
export const COMMON_KEY_TTL_MS = 60_000;
/** Entries the reused reads hold at most, in all (4 bytes each); the oldest reads go first. */
export const COMMON_KEY_ENTRIES_KEPT = 4_000_000;
/** Distinct article keys they may name before they are all dropped (each key's text is kept once). */
export const COMMON_KEY_ARTICLES_KEPT = 200_000;

/** Error names DynamoDB gives a throttled request; the SDK has already retried them when we see one. */
const THROTTLE_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);

/** How a batch whose items come back unprocessed is retried: attempts in all, and the full-jitter backoff's base and cap. */
export interface UnprocessedRetry {
  readonly attempts: number;
  readonly baseMs: number;
  readonly capMs: number;
}

/** Eight attempts with 25 ms doubling to 1 s: about 3 s at worst, well inside the function's timeout. */
export const DEFAULT_UNPROCESSED_RETRY: UnprocessedRetry = Object.freeze({ attempts: 8, baseMs: 25, capMs: 1000 });

/** Whether an SDK error is DynamoDB throttling. */
export function isThrottle(err: unknown): boolean {
  return err instanceof Error && THROTTLE_ERRORS.has(err.name);
}

/**
 * The LSH index as a DynamoDB table: partition key = band key, sort key = article key, no other
 * attribute (the port carries nothing else). Lambdas running at once only ever put or delete their
 * own items, so no entry is lost to a concurrent write; a band is read with a strongly consistent
 * Query, so an article indexed before another is queried is always seen by it under every key
 * holding fewer than COMMON_KEY_ENTRIES articles (under a common key, within COMMON_KEY_TTL_MS).
 */
export class DynamoDbLshIndex implements LshIndex {
  constructor(
    private readonly client: DynamoDBClient,
    readonly table: string,
    private readonly retry: UnprocessedRetry = DEFAULT_UNPROCESSED_RETRY,
    private readonly sizeTtlMs = SIZE_TTL_MS,
    commonKeyTtlMs = COMMON_KEY_TTL_MS,
  ) {
    this.commonKeys = new CommonKeyReads(commonKeyTtlMs, COMMON_KEY_ENTRIES_KEPT, COMMON_KEY_ARTICLES_KEPT);
  }

  private cachedSize: { n: number; at: number } | undefined;
  /**
   * Keys seen holding more than some limit, by that limit. A key's articles only grow (but for
   * withdrawals), so a key once over a limit is skipped unread while the limit asked stays at or
   * under it: reading a common key costs the most read units of all and says nothing.
   */
  private readonly hotKeys = new Map<string, number>();
  /** The limit of the last readBands: the limit this process's queries read keys under. */
  private readLimit: number | undefined;
  /** Common keys' reads, reused until they expire (see COMMON_KEY_ENTRIES). */
  private readonly commonKeys: CommonKeyReads;

  /**
   * Skips the keys this process has found over the limit its queries read under: every query
   * skips such a key unread while it only grows, so an entry there would cost a write unit and
   * never be read (the fingerprint still lists the key, and `rewrite-radar reindex` writes it).
   */
  async add(id: string, bandKeys: readonly string[]): Promise<void> {
    const limit = this.readLimit;
    const kept = limit === undefined ? bandKeys : bandKeys.filter((band) => !this.knownOver(band, limit));
    await this.writeAll(id, kept, (band) => ({ PutRequest: { Item: this.item(band, id) } }));
    // this process's own writes show in the reads it reuses
    for (const band of kept) this.commonKeys.added(band, id);
  }

  async remove(id: string, bandKeys: readonly string[]): Promise<void> {
    await this.writeAll(id, bandKeys, (band) => ({ DeleteRequest: { Key: this.item(band, id) } }));
    for (const band of bandKeys) this.commonKeys.removed(band, id);
  }

  async query(bandKeys: readonly string[]): Promise<Map<string, number>> {
    const bands = await mapLimit(bandKeys, DYNAMODB_CONCURRENCY, (band) => this.readBand(band));
    const hits = new Map<string, number>();
    for (const ids of bands) for (const id of ids) hits.set(id, (hits.get(id) ?? 0) + 1);
    return hits;
  }

  async readBands(bandKeys: readonly string[], limit: number): Promise<Array<readonly string[] | undefined>> {
    this.readLimit = limit;
    const now = Date.now();
    // one read of at most limit + 1 items per key: a key holding more is too common to count
    return mapLimit(bandKeys, DYNAMODB_CONCURRENCY, async (band) => {
      if (this.knownOver(band, limit)) return undefined;
      const reused = this.commonKeys.get(band, limit, now);
      if (reused) return reused;
      const ids = await this.readBand(band, limit + 1);
      if (ids.length <= limit) {
        if (ids.length >= COMMON_KEY_ENTRIES) this.commonKeys.keep(band, ids, now);
        return ids;
      }
      if (this.hotKeys.size >= HOT_KEYS_REMEMBERED) this.hotKeys.delete(this.hotKeys.keys().next().value!);
      this.hotKeys.set(band, limit);
      return undefined;
    });
  }

  /** Whether this process has found the key holding more than `limit` articles (see hotKeys). */
  private knownOver(band: string, limit: number): boolean {
    return (this.hotKeys.get(band) ?? -1) >= limit;
  }

  /** The sum of the count shards, read at most once per sizeTtlMs (eventually consistent: a count needs no more). */
  async size(): Promise<number> {
    const now = Date.now();
    if (this.cachedSize && now - this.cachedSize.at < this.sizeTtlMs) return this.cachedSize.n;
    let keys: Array<Record<string, { S: string }>> = Array.from({ length: SIZE_SHARDS }, (_, i) =>
      this.item(`${SIZE_PARTITION}${i}`, SIZE_SORT),
    );
    let n = 0;
    for (let attempt = 1; keys.length > 0 && attempt <= this.retry.attempts; attempt++) {
      const out = await this.send('BatchGetItem', SIZE_PARTITION, () =>
        this.client.send(
          new BatchGetItemCommand({
            RequestItems: {
              [this.table]: { Keys: keys, ProjectionExpression: '#n', ExpressionAttributeNames: { '#n': 'n' } },
            },
          }),
        ),
      );
      for (const item of out.Responses?.[this.table] ?? []) n += Number(item['n']?.N ?? 0);
      keys = (out.UnprocessedKeys?.[this.table]?.Keys ?? []) as typeof keys;
    }
    // shards still unread after the retries count as empty: the size only weighs rarity
    this.cachedSize = { n: Math.max(0, n), at: now };
    return this.cachedSize.n;
  }

  async countArticles(delta: number): Promise<void> {
    if (delta === 0) return;
    const shard = `${SIZE_PARTITION}${Math.floor(Math.random() * SIZE_SHARDS)}`;
    await this.send('UpdateItem', shard, () =>
      this.client.send(
        new UpdateItemCommand({
          TableName: this.table,
          Key: this.item(shard, SIZE_SORT),
          UpdateExpression: 'ADD #n :d',
          ExpressionAttributeNames: { '#n': 'n' },
          ExpressionAttributeValues: { ':d': { N: String(delta) } },
        }),
      ),
    );
  }

  /** The first `max` article keys of a band, in sort-key (UTF-8 byte) order. */
  private async readBand(band: string, max = MAX_ENTRIES_PER_BAND): Promise<string[]> {
    const ids: string[] = [];
    let start: QueryCommandOutput['LastEvaluatedKey'];
    do {
      const page = await this.send('Query', band, () =>
        this.client.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: '#b = :b',
            ExpressionAttributeNames: { '#b': INDEX_TABLE_KEY.partition, '#a': INDEX_TABLE_KEY.sort },
            ExpressionAttributeValues: { ':b': { S: band } },
            ProjectionExpression: '#a',
            // without it a Query may miss an item another Lambda wrote a moment ago
            ConsistentRead: true,
            // free; the request counts add it up (the log's dynamoDbReadUnits)
            ReturnConsumedCapacity: 'TOTAL',
            Limit: max - ids.length,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        ),
      );
      for (const item of page.Items ?? []) {
        const id = item[INDEX_TABLE_KEY.sort]?.S;
        if (id !== undefined) ids.push(id);
      }
      start = page.LastEvaluatedKey;
    } while (start !== undefined && ids.length < max);
    return ids;
  }

  /** Writes one request per distinct band key, 25 to a batch, batches side by side. */
  private async writeAll(
    id: string,
    bandKeys: readonly string[],
    request: (band: string) => WriteRequest,
  ): Promise<void> {
    // a batch may not hold two requests for one item
    const requests = [...new Set(bandKeys)].map(request);
    const batches: WriteRequest[][] = [];
    for (let i = 0; i < requests.length; i += BATCH_WRITE_ITEMS) batches.push(requests.slice(i, i + BATCH_WRITE_ITEMS));
    await mapLimit(batches, DYNAMODB_CONCURRENCY, (batch) => this.writeBatch(id, batch));
  }

  /**
   * BatchWriteItem succeeds even when DynamoDB throttled some of its items: those come back as
   * UnprocessedItems and are sent again after a backoff (full jitter, as AWS advises), a bounded
   * number of times; then the article's event fails and Lambda retries it (puts and deletes are idempotent).
   */
  private async writeBatch(id: string, batch: WriteRequest[]): Promise<void> {
    let pending = batch;
    for (let attempt = 1; ; attempt++) {
      const out = await this.send('BatchWriteItem', id, () =>
        this.client.send(new BatchWriteItemCommand({ RequestItems: { [this.table]: pending } })),
      );
      pending = out.UnprocessedItems?.[this.table] ?? [];
      if (pending.length === 0) return;
      if (attempt >= this.retry.attempts) {
        throw new IndexThrottledError(
          `DynamoDB left ${pending.length} of ${batch.length} index writes for ${id} unprocessed after ${attempt} attempts (table ${this.table})`,
          { table: this.table, key: id },
        );
      }
      const ceiling = Math.min(this.retry.capMs, this.retry.baseMs * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }

  /** Runs one request; a failure (after the SDK's own retries) becomes a StoreError naming the table. */
  private async send<T>(action: string, key: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      const message = `DynamoDB ${action} on table ${this.table} (${key}) failed: ${why}`;
      throw isThrottle(err)
        ? new IndexThrottledError(message, { table: this.table, key }, { cause: err })
        : new StoreError(message, { table: this.table, key }, { cause: err });
    }
  }

  private item(band: string, id: string): Record<string, { S: string }> {
    return { [INDEX_TABLE_KEY.partition]: { S: band }, [INDEX_TABLE_KEY.sort]: { S: id } };
  }
}
