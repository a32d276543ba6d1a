import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { crc32 } from 'node:zlib';
import { mulberry32 } from '../../bench/synthetic-articles.js';
import { serveProxy } from './serve-proxy.js';

/**
 * What the proxy does to DynamoDB requests: `throttle` answers every request with
 * ProvisionedThroughputExceededException; `unprocessed` writes only part of each BatchWriteItem
 * and hands the rest back as UnprocessedItems (`unprocessed-all`: none of it), as DynamoDB does
 * when it throttles some partitions of a batch (half of each batch, rounded up, is written); `random` draws one of those per request.
 */
export type DynamoDbFaultMode = 'pass' | 'throttle' | 'unprocessed' | 'unprocessed-all' | 'random';

/** Requests seen, and how many got each treatment. */
export interface DynamoDbFaultCounts {
  readonly requests: number;
  readonly throttled: number;
  /** BatchWriteItem requests answered with some items unprocessed, and those items in all. */
  readonly partialBatches: number;
  readonly unprocessedItems: number;
}

/** An HTTP proxy on 127.0.0.1 in front of dynalite that can throttle requests on demand. */
export interface DynamoDbFaultProxy {
  readonly endpoint: string;
  mode: DynamoDbFaultMode;
  readonly counts: DynamoDbFaultCounts;
  close(): Promise<void>;
}

/** `random` mode: the share of requests throttled and of BatchWriteItems left partly unprocessed, from one seed. */
export interface RandomDynamoDbFaults {
  readonly seed: number;
  readonly throttle: number;
  readonly unprocessed: number;
}

const THROTTLED = JSON.stringify({
  __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  message:
    'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
});

interface BatchWriteBody {
  RequestItems: Record<string, unknown[]>;
}

/** Starts the proxy; in `pass` mode it forwards every request unchanged to `target`. */
export async function startDynamoDbFaultProxy(
  target: string,
  random: RandomDynamoDbFaults = { seed: 1, throttle: 0, unprocessed: 0 },
): Promise<DynamoDbFaultProxy> {
  const to = new URL(target);
  const counts = { requests: 0, throttled: 0, partialBatches: 0, unprocessedItems: 0 };
  const state = { mode: 'pass' as DynamoDbFaultMode };
  const draw = mulberry32(random.seed);

  /** DynamoDB's JSON answer, with the CRC32 header the SDK may check. */
  const answer = (res: ServerResponse, status: number, body: string): void => {
    const bytes = Buffer.from(body, 'utf8');
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.0',
      'content-length': bytes.length,
      'x-amz-crc32': String(crc32(bytes)),
    });
    res.end(bytes);
  };
  const forward = (
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, 'content-length': String(body.length) };
      const upstream = request(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers },
        (up) => {
          const chunks: Buffer[] = [];
          up.on('data', (c: Buffer) => chunks.push(c));
          up.on('end', () =>
            resolve({ status: up.statusCode ?? 502, headers: up.headers, body: Buffer.concat(chunks) }),
          );
          up.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const pass = async (req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> => {
    const up = await forward(req, body);
    res.writeHead(up.status, up.headers);
    res.end(up.body);
  };

  /** Writes the first part of the batch (nothing with `all`) and returns the rest as unprocessed. */
  const partial = async (req: IncomingMessage, res: ServerResponse, body: Buffer, all: boolean): Promise<void> => {
    const batch = JSON.parse(body.toString('utf8')) as BatchWriteBody;
    const kept: Record<string, unknown[]> = {};
    const held: Record<string, unknown[]> = {};
    let heldCount = 0;
    for (const [table, items] of Object.entries(batch.RequestItems)) {
      // half, rounded up, goes through: a batch always progresses, as on DynamoDB, unless `all`
      const cut = all ? 0 : Math.ceil(items.length / 2);
      if (cut > 0) kept[table] = items.slice(0, cut);
      if (cut < items.length) held[table] = items.slice(cut);
      heldCount += items.length - cut;
    }
    if (heldCount === 0) return void pass(req, res, body);
    counts.partialBatches++;
    counts.unprocessedItems += heldCount;
    if (Object.keys(kept).length > 0) {
      const up = await forward(req, Buffer.from(JSON.stringify({ ...batch, RequestItems: kept }), 'utf8'));
      if (up.status !== 200) return answer(res, up.status, up.body.toString('utf8'));
    }
    answer(res, 200, JSON.stringify({ UnprocessedItems: held }));
  };

  const server: Server = createServer((req, res) => {
    counts.requests++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isBatchWrite = String(req.headers['x-amz-target'] ?? '').endsWith('.BatchWriteItem');
      let mode = state.mode;
      if (mode === 'random') {
        const r = draw();
        mode = r < random.throttle ? 'throttle' : r < random.throttle + random.unprocessed ? 'unprocessed' : 'pass';
      }
      const done = (async (): Promise<void> => {
        if (mode === 'throttle') {
          counts.throttled++;
          return answer(res, 400, THROTTLED);
        }
        if ((mode === 'unprocessed' || mode === 'unprocessed-all') && isBatchWrite)
          return partial(req, res, body, mode === 'unprocessed-all');
        await pass(req, res, body);
      })();
      done.catch(() => res.destroy());
    });
  });
  return serveProxy(server, state, counts);
}
