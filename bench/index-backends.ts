/**
 * The index on DynamoDB (dynalite) against the former S3-LIST index (s3rver), through the real
 * handler: `npm run build && node --openssl-legacy-provider dist/bench/index-backends.js [articles]`.
 * Each article is put into s3rver, then its created event is handled, one at a time as one warm
 * Lambda would. Both servers run in child processes, so the handler's CPU time is its own; wall
 * time still includes the local servers' work, which is not AWS latency. Prints a table and one JSON line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { s3HandlerDeps } from '../lib/lambda/default-deps.js';
import { cpuMs, makeArticleEventHandler } from '../lib/lambda/make-article-event-handler.js';
import type { S3ObjectStore } from '../lib/store/s3-object-store.js';
import { createdEvent } from './created-event.js';
import { forkLocalDynamoDbServer } from './forked-dynamodb-server.js';
import { forkLocalS3Server } from './forked-s3-server.js';
import { spread } from './measure.js';
import { plantedCorpus } from './planted-rewrites.js';
import { fmt, printTable, round } from './print-table.js';
import { S3LshIndex } from './s3-list-index.js';

type Backend = 'dynamodb' | 's3-list';

/** One backend's figures over the run. */
interface BackendFigures {
  readonly backend: Backend;
  readonly articlesPerSecond: number;
  readonly handlerMsP50: number;
  readonly handlerCpuMsP50: number;
  readonly handlerCpuMsMean: number;
  /** CPU of the server processes per article (s3rver, plus dynalite for the table). */
  readonly serverCpuMsPerArticle: number;
  readonly s3RequestsPerArticle: number;
  readonly dynamoDbRequestsPerArticle: number;
  readonly linked: number;
}

const BUCKET = 'articles';

async function runBackend(backend: Backend, articles: number): Promise<BackendFigures> {
  const directory = await mkdtemp(join(tmpdir(), `rr-bench-${backend}-`));
  const s3 = await forkLocalS3Server({ directory, bucket: BUCKET });
  const dynamo = backend === 'dynamodb' ? await forkLocalDynamoDbServer() : undefined;
  try {
    const deps = s3HandlerDeps(
      { ARTICLES_BUCKET: BUCKET, INDEX_TABLE: dynamo?.table ?? 'unused-s3-list-baseline', LOG_LEVEL: 'error' },
      s3.clientConfig,
      dynamo?.clientConfig ?? {},
    );
    const index = dynamo ? deps.index : new S3LshIndex(deps.store as S3ObjectStore);
    let logged: Record<string, unknown> = {};
    const handler = makeArticleEventHandler({
      ...deps,
      index,
      log: (_level, message, fields = {}) => void (message === 'article event handled' ? (logged = fields) : undefined),
    });
    // examples/articles are 280-410 words: 150 originals with a copy or spin each, the rest unrelated
    const pairs = Math.floor(articles * 0.3);
    const corpus = plantedCorpus({ pairs, unrelated: articles - 2 * pairs, words: 330, seed: 7 }).slice(0, articles);
    const ms: number[] = [];
    const cpu: number[] = [];
    let s3Requests = 0;
    let dynamoDbRequests = 0;
    let linked = 0;
    const serverCpuBefore = await serverCpu(s3.cpuUsage, dynamo?.cpuUsage);
    for (const [i, a] of corpus.entries()) {
      const key = `incoming/bench/${a.name}.txt`;
      const body = Buffer.from(a.text, 'utf8');
      await s3.putDirect([{ key, body }]);
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const [result] = await handler(
        createdEvent(BUCKET, key, body.length, undefined, new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString()),
      );
      cpu.push(cpuMs(process.cpuUsage(cpuBefore)));
      ms.push(performance.now() - started);
      s3Requests += Number(logged['s3Requests'] ?? 0);
      dynamoDbRequests += Number(logged['dynamoDbRequests'] ?? 0);
      if (a.sourceOf && result?.verdict !== 'original') linked++;
    }
    const serverCpuMs = (await serverCpu(s3.cpuUsage, dynamo?.cpuUsage)) - serverCpuBefore;
    const totalSeconds = ms.reduce((n, x) => n + x, 0) / 1000;
    return {
      backend,
      articlesPerSecond: round(corpus.length / totalSeconds, 1),
      handlerMsP50: round(spread(ms).median, 1),
      handlerCpuMsP50: round(spread(cpu).median, 1),
      handlerCpuMsMean: round(cpu.reduce((n, x) => n + x, 0) / cpu.length, 1),
      serverCpuMsPerArticle: round(serverCpuMs / corpus.length, 1),
      s3RequestsPerArticle: round(s3Requests / corpus.length, 1),
      dynamoDbRequestsPerArticle: round(dynamoDbRequests / corpus.length, 1),
      linked,
    };
  } finally {
    await dynamo?.close();
    await s3.close();
    await rm(directory, { recursive: true, force: true });
  }
}

async function serverCpu(...usages: Array<(() => Promise<NodeJS.CpuUsage>) | undefined>): Promise<number> {
  let total = 0;
  for (const usage of usages) if (usage) total += cpuMs(await usage());
  return total;
}

async function main(): Promise<void> {
  const articles = Number(process.argv[2] ?? 500);
  if (!Number.isInteger(articles) || articles < 10)
    throw new Error(`Expecting a number of articles >= 10, got ${JSON.stringify(process.argv[2])}`);
  const figures: BackendFigures[] = [];
  for (const backend of ['dynamodb', 's3-list'] as const) figures.push(await runBackend(backend, articles));
  printTable(
    [
      'index',
      'articles/s',
      'handler ms p50',
      'handler CPU ms p50',
      'CPU ms mean',
      'server CPU ms/article',
      'S3 req/article',
      'DynamoDB req/article',
      'rewrites linked',
    ],
    figures.map((f) => [
      f.backend,
      fmt(f.articlesPerSecond, 1),
      fmt(f.handlerMsP50, 1),
      fmt(f.handlerCpuMsP50, 1),
      fmt(f.handlerCpuMsMean, 1),
      fmt(f.serverCpuMsPerArticle, 1),
      fmt(f.s3RequestsPerArticle, 1),
      fmt(f.dynamoDbRequestsPerArticle, 1),
      String(f.linked),
    ]),
  );
  console.log(JSON.stringify({ articles, backends: figures }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
