import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { decodeFingerprint } from '../lib/detect/fingerprint-record.js';
import { s3HandlerDeps } from '../lib/lambda/default-deps.js';
import { cpuMs, makeArticleEventHandler } from '../lib/lambda/make-article-event-handler.js';
import { startLocalS3Server } from '../lib/local/local-s3-server.js';
import { renderReportHtml } from '../lib/report/render-report-html.js';
import { fingerprintKey, htmlReportKey, reportKey } from '../lib/store/keys.js';
import { MemoryLshIndex } from '../lib/store/memory-lsh-index.js';
import { MemoryObjectStore } from '../lib/store/memory-object-store.js';
import type { LshIndex } from '../lib/store/ports.js';
import { S3LshIndex } from './s3-list-index.js';
import type { S3ObjectStore } from '../lib/store/s3-object-store.js';
import { indexArticle } from '../lib/use-cases/index-article.js';
import type { DetectDeps } from '../lib/use-cases/use-case-deps.js';
import { forkLocalS3Server } from './forked-s3-server.js';
import { plantedCorpus, type PlantedArticle } from './planted-rewrites.js';
import { createdEvent } from './created-event.js';
import { spread, type Spread } from './measure.js';

/** Where s3rver runs: in a child process (the default), or in the handler's own process and thread. */
export type ServerPlacement = 'forked' | 'in-process';

export type { Spread };

/** Handler figures at one index size; per-article means unless a Spread. */
export interface HandlerAtSize {
  readonly indexed: number;
  /** Wall time of one event through the handler. */
  readonly ms: Spread;
  /** CPU time of the handler's process (user + system) during that event. */
  readonly cpuMs: Spread;
  /** CPU time of the s3rver process during that event (forked only; in-process it is part of cpuMs). */
  readonly serverCpuMs: Spread | null;
  /** Wall and own CPU time of the index query alone (the band LISTs, their XML, counting hits). */
  readonly queryMs: Spread;
  readonly queryCpuMs: Spread;
  readonly s3Requests: number;
  readonly s3RequestsByCommand: Readonly<Record<string, number>>;
  /** Keys the band LISTs returned, bands that needed more than one page, and the largest band read. */
  readonly listedKeys: Spread;
  readonly bandsOverOnePage: number;
  readonly largestBandRead: number;
  readonly candidatesFound: Spread;
  readonly candidatesVerified: Spread;
  /** Body bytes of every GET (the article, then candidate fingerprints). */
  readonly bytesRead: Spread;
  /** Garbage collection in the handler's process during the event (its heap also holds the bench's memory twin of the index). */
  readonly gcMs: Spread;
  /** Planted rewrites among the probes, and how many of their reports name the planted source. */
  readonly plantedRewrites: number;
  readonly plantedFound: number;
}

/** Handler latency and cost at each index size, against s3rver on 127.0.0.1. */
export interface HandlerFigures {
  readonly atIndexSize: readonly HandlerAtSize[];
  readonly server: ServerPlacement;
  readonly wordsPerArticle: number;
  readonly seedSeconds: number;
}

/** One probe article's figures. */
interface Run {
  ms: number;
  cpuMs: number;
  serverCpuMs: number | null;
  queryMs: number;
  queryCpuMs: number;
  requests: number;
  byCommand: Record<string, number>;
  listedKeys: number;
  bandPages: number[];
  candidatesFound: number;
  candidatesVerified: number;
  bytesRead: number;
  gcMs: number;
  /** For a planted rewrite: whether its report named the planted source. */
  plantedFound: boolean | null;
}

/**
 * Times `probe` articles through the real handler (one event at a time, as one Lambda instance
 * sees them; half are planted rewrites) once the index holds each of `sizes` articles. The
 * articles before them are seeded by the same use case on memory adapters, whose objects
 * (article, fingerprint, index entries, reports) are then written straight into s3rver's store:
 * through HTTP, s3rver's ~3-5 ms a request would make 10,000 articles take an hour. s3rver runs
 * in a child process by default, so the handler's CPU time is its own; its wall time still
 * includes s3rver's (folder walks per LIST), which is not AWS latency.
 */
export async function measureHandler(
  sizes: readonly number[],
  options: { probe?: number; words?: number; server?: ServerPlacement; onSize?: (figures: HandlerAtSize) => void } = {},
): Promise<HandlerFigures> {
  const { probe = 40, words = 150, server: placement = 'forked' } = options;
  const directory = await mkdtemp(join(tmpdir(), 'rr-bench-s3-'));
  const server = await startServer(placement, directory);
  // the S3-LIST baseline index replaces the table's below: the DynamoDB client is never used
  const deps = s3HandlerDeps(
    { ARTICLES_BUCKET: 'articles', INDEX_TABLE: 'unused-s3-list-baseline', LOG_LEVEL: 'error' },
    server.clientConfig,
  );
  // the same index over the same store, but telling how many keys each band's LIST returned
  const bandPages: number[] = [];
  const s3Store = deps.store as S3ObjectStore;
  const countingIndex = new S3LshIndex({
    put: (key, body) => s3Store.put(key, body),
    delete: (key) => s3Store.delete(key),
    listPages: async (prefix, pages) => {
      const keys = await s3Store.listPages(prefix, pages);
      bandPages.push(keys.length);
      return keys;
    },
  });
  let query = { ms: 0, cpuMs: 0 };
  const timedIndex: LshIndex = {
    add: (id, keys) => countingIndex.add(id, keys),
    remove: (id, keys) => countingIndex.remove(id, keys),
    query: (keys) => countingIndex.query(keys),
    size: () => countingIndex.size(),
    countArticles: () => countingIndex.countArticles(),
    readBands: async (keys, limit) => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const bands = await countingIndex.readBands(keys, limit);
      query = { ms: performance.now() - started, cpuMs: cpuMs(process.cpuUsage(cpu)) };
      return bands;
    },
  };
  let logged: Record<string, unknown> = {};
  const handler = makeArticleEventHandler({
    ...deps,
    index: timedIndex,
    log: (_level, message, fields = {}) => void (message === 'article event handled' ? (logged = fields) : undefined),
  });
  const ordered = [...sizes].sort((x, y) => x - y);
  const corpus = plantedCorpus({
    pairs: Math.ceil((ordered[ordered.length - 1]! + probe * ordered.length) / 2),
    unrelated: 0,
    words,
    seed: 99,
  });
  const seedDeps: DetectDeps = {
    store: new MemoryObjectStore(),
    index: new MemoryLshIndex(),
    params: deps.params,
    preparedCache: new Map(),
  };
  const keyOf = (a: PlantedArticle): string => `incoming/bench/${a.name}.txt`;
  const timeOf = (i: number): string => new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
  let next = 0;
  let seedSeconds = 0;
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gc.observe({ entryTypes: ['gc'] });
  const atIndexSize: HandlerAtSize[] = [];
  try {
    for (const size of ordered) {
      const seedStart = performance.now();
      const inFlight: Array<Promise<void>> = [];
      for (; next < size; next++) {
        const a = corpus[next]!;
        inFlight.push(server.putDirect(await seedObjects(seedDeps, keyOf(a), a.text, `${timeOf(next)}|${keyOf(a)}`)));
        // a few articles' writes in flight keep the server busy while the next one is judged
        if (inFlight.length >= 4) await inFlight.shift();
        if ((next + 1) % 1000 === 0)
          process.stderr.write(
            `measureHandler: ${next + 1} articles seeded, ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MiB\n`,
          );
      }
      await Promise.all(inFlight);
      seedSeconds += (performance.now() - seedStart) / 1000;
      const runs: Run[] = [];
      for (let i = 0; i < probe; i++, next++) {
        const planted = corpus[next]!.sourceOf;
        const key = keyOf(corpus[next]!);
        const body = Buffer.from(corpus[next]!.text, 'utf8');
        await deps.store.put(key, body);
        const event = createdEvent('articles', key, body.length, undefined, timeOf(next));
        bandPages.length = 0;
        const counter = deps.s3Requests;
        const before = {
          requests: counter(),
          byCommand: counter.byCommand(),
          listed: counter.listedKeys(),
          bytes: counter.bytesRead(),
        };
        const serverCpu = await server.cpuUsage();
        const cpu = process.cpuUsage();
        const gcBefore = gcMs;
        const started = performance.now();
        await handler(event);
        const ms = performance.now() - started;
        const handlerCpu = cpuMs(process.cpuUsage(cpu));
        const serverCpuAfter = await server.cpuUsage();
        runs.push({
          ms,
          cpuMs: handlerCpu,
          gcMs: gcMs - gcBefore,
          serverCpuMs:
            serverCpu && serverCpuAfter
              ? cpuMs({ user: serverCpuAfter.user - serverCpu.user, system: serverCpuAfter.system - serverCpu.system })
              : null,
          queryMs: query.ms,
          queryCpuMs: query.cpuMs,
          requests: counter() - before.requests,
          byCommand: Object.fromEntries(
            Object.entries(counter.byCommand()).map(([c, n]) => [c, n - (before.byCommand[c] ?? 0)]),
          ),
          listedKeys: counter.listedKeys() - before.listed,
          bandPages: [...bandPages],
          candidatesFound: Number(logged['candidatesFound'] ?? 0),
          candidatesVerified: Number(logged['candidatesVerified'] ?? 0),
          bytesRead: counter.bytesRead() - before.bytes,
          plantedFound: planted ? logged['rewriteOf'] === `incoming/bench/${planted.name}.txt` : null,
        });
        // keep the seeded memory twin in step, so later seeded articles can find the probes too
        await indexArticle(seedDeps, { key, bytes: body, order: `${timeOf(next)}|${key}` });
      }
      atIndexSize.push(summariseRuns(size, runs));
      // removing the store below takes minutes at 10,000 articles (millions of files): say it first
      options.onSize?.(atIndexSize[atIndexSize.length - 1]!);
    }
  } catch (err) {
    // said before the store's (slow: millions of files) removal below
    console.error('measureHandler failed:', err);
    throw err;
  } finally {
    gc.disconnect();
    await server.close();
    await rm(directory, { recursive: true, force: true });
  }
  return { atIndexSize, server: placement, wordsPerArticle: words, seedSeconds };
}

/** The server as the bench needs it, wherever it runs. */
interface BenchServer {
  readonly clientConfig: S3ClientConfig;
  putDirect(objects: ReadonlyArray<{ key: string; body: Uint8Array }>): Promise<void>;
  /** CPU of the server's process, or null when that is the handler's process too. */
  cpuUsage(): Promise<NodeJS.CpuUsage | null>;
  close(): Promise<void>;
}

async function startServer(placement: ServerPlacement, directory: string): Promise<BenchServer> {
  if (placement === 'forked') return forkLocalS3Server({ directory, bucket: 'articles' });
  const local = await startLocalS3Server({ directory, bucket: 'articles' });
  return {
    clientConfig: local.clientConfig,
    putDirect: async (objects) =>
      void (await Promise.all(objects.map(({ key, body }) => local.putDirect(key, Buffer.from(body))))),
    cpuUsage: async () => null,
    close: () => local.close(),
  };
}

/** Judges one article on the memory adapters and returns what the handler would have written into the bucket. */
async function seedObjects(
  seedDeps: DetectDeps,
  key: string,
  text: string,
  order: string,
): Promise<Array<{ key: string; body: Uint8Array }>> {
  const bytes = Buffer.from(text, 'utf8');
  const { report } = await indexArticle(seedDeps, { key, bytes, order });
  const fingerprint = (await seedDeps.store.get(fingerprintKey(key)))!;
  const objects = [
    { key, body: bytes },
    { key: fingerprintKey(key), body: fingerprint },
    { key: reportKey(key), body: Buffer.from(`${JSON.stringify(report, null, 2)}\n`) },
    { key: htmlReportKey(key), body: Buffer.from(renderReportHtml(report)) },
  ];
  const index = new S3LshIndex({
    put: async () => undefined,
    delete: async () => undefined,
    listPages: async () => [],
  });
  const empty = new Uint8Array(0);
  for (const band of decodeFingerprint(fingerprint, key).bandKeys)
    objects.push({ key: index.entryKey(band, key), body: empty });
  return objects;
}

function summariseRuns(indexed: number, runs: readonly Run[]): HandlerAtSize {
  const mean = (f: (r: Run) => number): number => runs.reduce((n, r) => n + f(r), 0) / runs.length;
  const commands = [...new Set(runs.flatMap((r) => Object.keys(r.byCommand)))].sort();
  const serverCpu = runs.map((r) => r.serverCpuMs);
  return {
    indexed,
    ms: spread(runs.map((r) => r.ms)),
    cpuMs: spread(runs.map((r) => r.cpuMs)),
    serverCpuMs: serverCpu.every((x) => x !== null) ? spread(serverCpu as number[]) : null,
    queryMs: spread(runs.map((r) => r.queryMs)),
    queryCpuMs: spread(runs.map((r) => r.queryCpuMs)),
    s3Requests: mean((r) => r.requests),
    s3RequestsByCommand: Object.fromEntries(commands.map((c) => [c, mean((r) => r.byCommand[c] ?? 0)])),
    listedKeys: spread(runs.map((r) => r.listedKeys)),
    bandsOverOnePage: mean((r) => r.bandPages.filter((n) => n >= 1000).length),
    largestBandRead: Math.max(...runs.flatMap((r) => r.bandPages)),
    candidatesFound: spread(runs.map((r) => r.candidatesFound)),
    candidatesVerified: spread(runs.map((r) => r.candidatesVerified)),
    bytesRead: spread(runs.map((r) => r.bytesRead)),
    gcMs: spread(runs.map((r) => r.gcMs)),
    plantedRewrites: runs.filter((r) => r.plantedFound !== null).length,
    plantedFound: runs.filter((r) => r.plantedFound === true).length,
  };
}
