/**
 * `npm run bench:load`: indexes RR_LOAD_ARTICLES (default 100,000) synthetic articles, a tenth
 * of them planted sources and a tenth their rewrites, through the real handler path against
 * s3rver on 127.0.0.1: PUT the article over HTTP, then call the article-created handler with the
 * S3 ObjectCreated event, RR_LOAD_CONCURRENCY (default 4) at a time, each worker with its own
 * handler deps as a separate Lambda instance has. Progress goes to stderr; stdout gets a table,
 * the cost per million articles, and as its last line one JSON object of figures.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { s3HandlerDeps } from '../lib/lambda/default-deps.js';
import type { S3ObjectStore } from '../lib/store/s3-object-store.js';
import { S3LshIndex } from './s3-list-index.js';
import { makeArticleEventHandler } from '../lib/lambda/make-article-event-handler.js';
import { reportKey } from '../lib/store/keys.js';
import { decodeReport } from '../lib/report/decode-report.js';
import type { RewriteKind } from './planted-rewrites.js';
import {
  AWS_US_EAST_1_PRICES,
  costPerMillionArticles,
  estimateLambdaMs,
  handlerRoundTrips,
  type CostPerMillion,
} from './cost-model.js';
import { loadCorpus, type LoadArticle } from './load-corpus.js';
import { createdEvent } from './created-event.js';
import { forkLocalS3Server } from './forked-s3-server.js';
import { spread, summarise } from './measure.js';
import { fmt, printTable, round } from './print-table.js';

const BUCKET = 'articles';
const PREFIXES = ['incoming/', 'fingerprints/', 'reports/', 'index/'] as const;
const CHECKPOINTS = [1000, 10_000, 100_000] as const;
/** Completions that bring the index to a checkpoint, timed as that checkpoint's window. */
const CHECKPOINT_WINDOW = 200;
/** The run is also cut into this many equal windows, to show whether the per-article cost stays flat. */
const TIMELINE_WINDOWS = 10;
/** Assumed S3 round trip from a Lambda in the bucket's region, for the duration estimate (see README, Cost). */
const AWS_ROUND_TRIP_MS = 25;
const SEED = 20261201;

/** The load test's settings, read once from the environment (or the first argument for the size). */
interface LoadConfig {
  readonly articles: number;
  readonly concurrency: number;
  readonly words: number;
  readonly listAtEnd: boolean;
}

function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): LoadConfig {
  const int = (name: string, raw: string | undefined, fallback: number, min: number): number => {
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min)
      throw new RangeError(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
    return n;
  };
  return Object.freeze({
    articles: int('RR_LOAD_ARTICLES (or the first argument)', argv[0] ?? env['RR_LOAD_ARTICLES'], 100_000, 10),
    concurrency: int('RR_LOAD_CONCURRENCY', env['RR_LOAD_CONCURRENCY'], 4, 1),
    words: int('RR_LOAD_WORDS', env['RR_LOAD_WORDS'], 150, 30),
    listAtEnd: env['RR_LOAD_LIST'] !== '0',
  });
}

/** What the test remembers of each article: enough to score its report at the end. */
interface Planted {
  readonly key: string;
  readonly position: number;
  readonly role: LoadArticle['role'];
  readonly sourceKey?: string;
  readonly kind?: RewriteKind;
}

/** One finished handler call, in completion order. */
interface Completion {
  readonly ms: number;
  /** S3 requests sent by all handlers up to this completion, and the time of it. */
  readonly requestsSoFar: number;
  readonly at: number;
}

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.argv.slice(2));
  const repoRoot = resolve(__dirname, '..', '..');
  const memoryMb = configuredMemoryMb(resolve(repoRoot, 'serverless.yml'));
  const directory = await mkdtemp(join(tmpdir(), 'rr-load-s3-'));
  const server = await forkLocalS3Server({ directory, bucket: BUCKET });
  // the uploader and the scorer have their own client: their requests are not the handler's
  const bench = new S3Client({
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...server.clientConfig,
  });
  // still on the S3-LIST baseline index until this bench seeds a DynamoDB table (issue 10, item 4)
  const instances = Array.from({ length: config.concurrency }, () => {
    const deps = s3HandlerDeps(
      { ARTICLES_BUCKET: BUCKET, INDEX_TABLE: 'unused-s3-list-baseline', LOG_LEVEL: 'error' },
      server.clientConfig,
    );
    return { ...deps, index: new S3LshIndex(deps.store as S3ObjectStore) };
  });
  const handlerRequests = (): number => instances.reduce((n, d) => n + d.s3Requests(), 0);
  const handlerRequestsByCommand = (): Record<string, number> => {
    const sum: Record<string, number> = {};
    for (const d of instances)
      for (const [c, k] of Object.entries(d.s3Requests.byCommand())) sum[c] = (sum[c] ?? 0) + k;
    return sum;
  };
  const tenthEnds = new Set(
    Array.from({ length: TIMELINE_WINDOWS }, (_, i) => Math.floor(((i + 1) * config.articles) / TIMELINE_WINDOWS)),
  );
  const commandsAt = new Map<number, Record<string, number>>([[0, {}]]);
  const keyOf = (name: string): string => `incoming/load/${name}.txt`;
  const timeOf = (position: number): string => new Date(Date.UTC(2026, 0, 1) + position * 1000).toISOString();

  const planted: Planted[] = [];
  const completions: Completion[] = [];
  const done = new Map<string, Promise<void>>();
  let failures = 0;
  let retries = 0;
  const corpus = loadCorpus({ articles: config.articles, words: config.words, seed: SEED });
  let generationCpuMicros = 0;
  const nextArticle = (): LoadArticle | undefined => {
    const cpu = process.cpuUsage();
    const next = corpus.next();
    generationCpuMicros += cpuMicrosSince(cpu);
    return next.done ? undefined : next.value;
  };

  console.error(
    `load: ${config.articles} articles x ~${config.words} words, ${config.concurrency} concurrent handler instances, s3rver in a child process, data in ${directory}`,
  );
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  let lastProgress = startedAt;
  const progress = (): void => {
    const now = performance.now();
    if (now - lastProgress < 10_000 && completions.length !== config.articles) return;
    lastProgress = now;
    const recent = completions.slice(-200).map((c) => c.ms);
    const rss = process.memoryUsage.rss() / 2 ** 20;
    console.error(
      `load: ${completions.length}/${config.articles} handled, ${(completions.length / ((now - startedAt) / 1000)).toFixed(1)} articles/s, last 200 p50 ${recent.length ? summarise(recent).median.toFixed(0) : '-'} ms, rss ${rss.toFixed(0)} MiB, ${failures} failed`,
    );
  };

  const worker = async (instance: (typeof instances)[number]): Promise<void> => {
    const handler = makeArticleEventHandler(instance);
    for (let article = nextArticle(); article; article = nextArticle()) {
      const key = keyOf(article.name);
      const sourceKey = article.sourceOf ? keyOf(article.sourceOf.name) : undefined;
      planted.push({
        key,
        position: article.position,
        role: article.role,
        ...(sourceKey ? { sourceKey, kind: article.sourceOf!.kind } : {}),
      });
      let finish = (): void => undefined;
      if (article.role === 'source') done.set(key, new Promise((r) => (finish = r)));
      // a rewrite is uploaded only once its source's handler has finished: the test asks whether
      // an indexed source is found, not the race of two uploads at once (tested elsewhere)
      if (sourceKey) await done.get(sourceKey);
      const body = Buffer.from(article.text, 'utf8');
      const put = await bench.send(
        new PutObjectCommand({
          Bucket: BUCKET,
          Key: key,
          Body: body,
          ContentLength: body.length,
          ContentType: 'text/plain; charset=utf-8',
        }),
      );
      const event = createdEvent(BUCKET, key, body.length, put.ETag?.replace(/"/g, ''), timeOf(article.position));
      const started = performance.now();
      // Lambda's asynchronous invocation: up to 2 retries of a throwing call
      for (let attempt = 1; ; attempt++) {
        try {
          await handler(event);
          break;
        } catch (err) {
          if (attempt === 3) {
            failures++;
            console.error(`load: ${key} failed 3 times: ${err instanceof Error ? err.message : String(err)}`);
            break;
          }
          retries++;
        }
      }
      completions.push({ ms: performance.now() - started, requestsSoFar: handlerRequests(), at: performance.now() });
      if (tenthEnds.has(completions.length)) commandsAt.set(completions.length, handlerRequestsByCommand());
      if (sourceKey) done.delete(sourceKey);
      finish();
      progress();
    }
  };
  await Promise.all(instances.map(worker));
  const seconds = (performance.now() - startedAt) / 1000;
  const handlerCpuMs = (cpuMicrosSince(cpuAtStart) - generationCpuMicros) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  console.error('load: scoring reports');
  const scored = await scoreReports(bench, planted);
  let stored: StoredObjects | undefined;
  if (config.listAtEnd) {
    console.error('load: listing the bucket');
    const listStart = performance.now();
    stored = await listStored(bench);
    console.error(`load: listed in ${((performance.now() - listStart) / 1000).toFixed(0)} s`);
  }
  const s3rverPeakRssMb = await server.peakRssMb();
  await server.close();
  bench.destroy();
  await rm(directory, { recursive: true, force: true });

  // figures
  const n = completions.length;
  const byCommand = handlerRequestsByCommand();
  const perArticleByCommand = Object.fromEntries(Object.entries(byCommand).map(([c, k]) => [c, k / n]));
  const requestsPerArticle = handlerRequests() / n;
  const window = (from: number, to: number): WindowFigures => windowFigures(completions, from, to);
  const checkpoints = CHECKPOINTS.map((c) => ({
    indexed: c,
    figures: n >= c ? window(c - Math.min(CHECKPOINT_WINDOW, c), c) : null,
  }));
  const end = window(Math.max(0, n - CHECKPOINT_WINDOW), n);
  const timeline = Array.from({ length: TIMELINE_WINDOWS }, (_, i) =>
    window(Math.floor((i * n) / TIMELINE_WINDOWS), Math.floor(((i + 1) * n) / TIMELINE_WINDOWS)),
  );
  // LISTs and GETs per article in each tenth: where growth with the index would show
  const commandsByTenth = Array.from({ length: TIMELINE_WINDOWS }, (_, i) => {
    const from = Math.floor((i * n) / TIMELINE_WINDOWS);
    const to = Math.floor(((i + 1) * n) / TIMELINE_WINDOWS);
    const a = commandsAt.get(from) ?? {};
    const b = commandsAt.get(to) ?? {};
    return Object.fromEntries(
      Object.keys(b).map((c) => [c, round(((b[c] ?? 0) - (a[c] ?? 0)) / Math.max(1, to - from), 2)]),
    );
  });
  const cpuMsPerArticle = handlerCpuMs / n;
  const roundTrips = handlerRoundTrips(perArticleByCommand);
  const estimatedLambdaMs = estimateLambdaMs({
    cpuMsPerArticle,
    lambdaMemoryMb: memoryMb,
    sequentialRoundTrips: roundTrips,
    roundTripMs: AWS_ROUND_TRIP_MS,
  });
  const storedBytesPerArticle = stored ? stored.totalBillableBytes / n : Number.NaN;
  const usage = {
    s3RequestsPerArticle: perArticleByCommand,
    storedBytesPerArticle: stored ? storedBytesPerArticle : 0,
    lambdaMemoryMb: memoryMb,
  };
  const cost = costPerMillionArticles({ ...usage, lambdaMsPerArticle: estimatedLambdaMs });
  const costAtLocalP50 = costPerMillionArticles({ ...usage, lambdaMsPerArticle: end.p50 });
  const upload = costPerMillionArticles({
    s3RequestsPerArticle: { PutObject: 1 },
    storedBytesPerArticle: 0,
    lambdaMsPerArticle: 0,
    lambdaMemoryMb: memoryMb,
  });
  // the bound whatever the index holds: every band LIST at its 5-page cap, every candidate GET at the cap of 50
  const lists = perArticleByCommand['ListObjectsV2'] ?? 0;
  const boundRequests = { ...perArticleByCommand, ListObjectsV2: Math.round(lists) * 5, GetObject: 2 + 50 };
  // the bound's duration adds the extra waves (pages of a band are read one after the other); CPU stays as measured
  const boundLambdaMs = estimateLambdaMs({
    cpuMsPerArticle,
    lambdaMemoryMb: memoryMb,
    sequentialRoundTrips: handlerRoundTrips(boundRequests),
    roundTripMs: AWS_ROUND_TRIP_MS,
  });
  const bound = costPerMillionArticles({
    ...usage,
    s3RequestsPerArticle: boundRequests,
    lambdaMsPerArticle: boundLambdaMs,
  });

  const rows: string[][] = [
    ['articles handled (failed after retries)', `${fmt(n, 0)} (${failures} failed, ${retries} retried)`],
    ['run time, s / articles per second', `${fmt(seconds, 0)} / ${fmt(n / seconds, 1)}`],
    ...checkpoints.map((c) => [
      `handler ms p50 / p95 at ${fmt(c.indexed, 0)} indexed (last ${CHECKPOINT_WINDOW} before)`,
      c.figures ? `${fmt(c.figures.p50, 1)} / ${fmt(c.figures.p95, 1)}` : 'not reached',
    ]),
    [
      `handler ms p50 / p95, last ${Math.min(CHECKPOINT_WINDOW, n)} (at ${fmt(n, 0)})`,
      `${fmt(end.p50, 1)} / ${fmt(end.p95, 1)}`,
    ],
    ['handler ms p50 by tenth of the run', timeline.map((w) => fmt(w.p50, 0)).join(' ')],
    ['S3 requests per article by tenth of the run', timeline.map((w) => fmt(w.requestsPerArticle, 1)).join(' ')],
    ['  of which GetObject', commandsByTenth.map((t) => fmt(t['GetObject'] ?? 0, 1)).join(' ')],
    ['  of which ListObjectsV2', commandsByTenth.map((t) => fmt(t['ListObjectsV2'] ?? 0, 1)).join(' ')],
    [
      'LSH candidates found / verified per article by tenth',
      scored.candidatesByTenth.map((t) => `${fmt(t.found, 1)}/${fmt(t.verified, 1)}`).join(' '),
    ],
    ['recall on planted rewrites, all', `${fmt(scored.recall * 100, 1)}% (${scored.found}/${scored.rewrites})`],
    ...(['copy', 'light', 'heavy'] as const).map((k) => [
      `  ${k}`,
      `${fmt((scored.byKind[k]?.recall ?? Number.NaN) * 100, 1)}% (${scored.byKind[k]?.found ?? 0}/${scored.byKind[k]?.total ?? 0})`,
    ]),
    ['false alarms among unrelated', `${scored.falseAlarms}/${scored.unrelated}`],
    ['sources judged not original', `${scored.sourcesNotOriginal}/${scored.sources}`],
    ['peak RSS, MiB: handler process / s3rver child', `${fmt(peakRssMb, 0)} / ${fmt(s3rverPeakRssMb, 0)}`],
    ['index objects per article', stored ? fmt(stored.byPrefix['index/']!.objects / n, 1) : 'not listed'],
    [
      'stored bytes per article (body + key)',
      stored
        ? `${fmt(storedBytesPerArticle, 0)} (${PREFIXES.map((p) => `${p} ${fmt(stored!.byPrefix[p]!.billableBytes / n, 0)}`).join(', ')})`
        : 'not listed',
    ],
    [
      'S3 requests per article (handler)',
      `${fmt(requestsPerArticle, 1)} (${Object.entries(perArticleByCommand)
        .map(([c, k]) => `${c} ${fmt(k, 2)}`)
        .join(', ')})`,
    ],
    ['handler CPU ms per article (this process)', fmt(cpuMsPerArticle, 1)],
  ];
  console.log(
    `rewrite-radar load test: ${fmt(config.articles, 0)} articles x ~${config.words} words, ${config.concurrency} concurrent handlers, s3rver on 127.0.0.1 in a child process, Node ${process.version}`,
  );
  console.log('');
  printTable(['measure', 'value'], rows);
  console.log('');
  console.log(
    `cost per million articles, AWS ${AWS_US_EAST_1_PRICES.region} list prices as of ${AWS_US_EAST_1_PRICES.asOf}, Lambda arm64 ${memoryMb} MB (serverless.yml):`,
  );
  console.log(
    `  assumed Lambda duration ${fmt(estimatedLambdaMs, 0)} ms = ${fmt(cpuMsPerArticle, 1)} CPU ms x ${fmt(Math.max(1, 1769 / memoryMb), 2)} (vCPU share) + ${roundTrips} sequential S3 round trips x ${AWS_ROUND_TRIP_MS} ms`,
  );
  console.log(
    `  at the bound (every band LIST 5 pages, 50 candidate GETs): ${fmt(boundLambdaMs, 0)} ms, ${handlerRoundTrips(boundRequests)} round trips`,
  );
  printTable(['item', 'quantity per 1M articles', 'USD per 1M', 'USD, at the bound'], costRows(cost, bound, upload));
  console.log(
    `  Lambda at the local s3rver p50 (${fmt(end.p50, 0)} ms) instead: ${usd(costAtLocalP50.lambdaComputeUsd)} compute, ${usd(costAtLocalP50.processingUsd)} processing in all`,
  );
  console.log('');

  const at = (c: number): WindowFigures | null => checkpoints.find((x) => x.indexed === c)?.figures ?? null;
  console.log(
    JSON.stringify({
      loadArticles: n,
      loadRecall: round(scored.recall, 4),
      loadFalseAlarms: scored.falseAlarms,
      handlerMsP50At100k: nullable(at(100_000)?.p50),
      peakRssMb: Math.round(peakRssMb),
      loadRecallByKind: Object.fromEntries(Object.entries(scored.byKind).map(([k, v]) => [k, round(v.recall, 4)])),
      loadRecallStrict: round(scored.strictRecall, 4),
      loadRewrites: scored.rewrites,
      loadUnrelated: scored.unrelated,
      loadFalseAlarmRate: round(scored.falseAlarms / Math.max(1, scored.unrelated), 5),
      sourcesNotOriginal: scored.sourcesNotOriginal,
      handlerMsP50At1k: nullable(at(1000)?.p50),
      handlerMsP95At1k: nullable(at(1000)?.p95),
      handlerMsP50At10k: nullable(at(10_000)?.p50),
      handlerMsP95At10k: nullable(at(10_000)?.p95),
      handlerMsP95At100k: nullable(at(100_000)?.p95),
      handlerMsP50AtEnd: round(end.p50, 1),
      handlerMsP95AtEnd: round(end.p95, 1),
      handlerMsP50ByTenth: timeline.map((w) => round(w.p50, 1)),
      s3RequestsPerArticleByTenth: timeline.map((w) => round(w.requestsPerArticle, 1)),
      s3RequestsPerArticleByCommandByTenth: commandsByTenth,
      candidatesFoundByTenth: scored.candidatesByTenth.map((t) => round(t.found, 2)),
      candidatesVerifiedByTenth: scored.candidatesByTenth.map((t) => round(t.verified, 2)),
      articlesPerSecond: round(n / seconds, 2),
      seconds: Math.round(seconds),
      failures,
      retries,
      s3rverPeakRssMb: Math.round(s3rverPeakRssMb),
      indexObjectsPerArticle: stored ? round(stored.byPrefix['index/']!.objects / n, 2) : null,
      storedBytesPerArticle: stored ? Math.round(storedBytesPerArticle) : null,
      storedBytesPerArticleByPrefix: stored
        ? Object.fromEntries(PREFIXES.map((p) => [p, Math.round(stored!.byPrefix[p]!.billableBytes / n)]))
        : null,
      s3RequestsPerArticle: round(requestsPerArticle, 2),
      s3RequestsPerArticleByCommand: Object.fromEntries(
        Object.entries(perArticleByCommand).map(([c, k]) => [c, round(k, 3)]),
      ),
      handlerCpuMsPerArticle: round(cpuMsPerArticle, 2),
      assumedLambdaMs: round(estimatedLambdaMs, 1),
      assumedLambdaMsAtBound: round(boundLambdaMs, 1),
      costUsdPerMillionArticles: costJson(cost),
      costUsdPerMillionArticlesAtBound: costJson(bound),
      uploadPutUsdPerMillionArticles: round(upload.s3PutCopyPostListUsd, 2),
      lambdaMemoryMb: memoryMb,
      concurrency: config.concurrency,
      wordsPerArticle: config.words,
      seed: SEED,
    }),
  );
}

interface WindowFigures {
  readonly p50: number;
  readonly p95: number;
  readonly requestsPerArticle: number;
  readonly articlesPerSecond: number;
}

/** Handler ms and S3 requests of completions [from, to); requests are the counters' growth over the window (calls overlap). */
function windowFigures(completions: readonly Completion[], from: number, to: number): WindowFigures {
  const part = completions.slice(from, to);
  if (part.length === 0)
    return { p50: Number.NaN, p95: Number.NaN, requestsPerArticle: Number.NaN, articlesPerSecond: Number.NaN };
  const ms = spread(part.map((c) => c.ms));
  const before = from > 0 ? completions[from - 1]! : { requestsSoFar: 0, at: part[0]!.at - part[0]!.ms };
  const last = part[part.length - 1]!;
  return {
    p50: ms.median,
    p95: ms.p95,
    requestsPerArticle: (last.requestsSoFar - before.requestsSoFar) / part.length,
    articlesPerSecond: part.length / ((last.at - before.at) / 1000),
  };
}

interface Scored {
  rewrites: number;
  found: number;
  strictFound: number;
  recall: number;
  strictRecall: number;
  byKind: Record<string, { total: number; found: number; recall: number }>;
  unrelated: number;
  falseAlarms: number;
  sources: number;
  sourcesNotOriginal: number;
  /** Mean LSH candidates found and verified per article, by tenth of the upload order. */
  candidatesByTenth: Array<{ found: number; verified: number; articles: number }>;
}

/**
 * Reads every report as it stands at the end. A rewrite is found when its report names its
 * source among the matches (copy, rewrite or partial); strictly, when `rewriteOf` is the source.
 * A false alarm is an unrelated article whose verdict is not `original`.
 */
async function scoreReports(s3: S3Client, planted: readonly Planted[]): Promise<Scored> {
  const candidatesByTenth = Array.from({ length: TIMELINE_WINDOWS }, () => ({ found: 0, verified: 0, articles: 0 }));
  const s: Scored = {
    rewrites: 0,
    found: 0,
    strictFound: 0,
    recall: 0,
    strictRecall: 0,
    byKind: {},
    unrelated: 0,
    falseAlarms: 0,
    sources: 0,
    sourcesNotOriginal: 0,
    candidatesByTenth,
  };
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < planted.length) {
      const p = planted[next++]!;
      const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: reportKey(p.key) }));
      const report = decodeReport(await out.Body!.transformToByteArray(), reportKey(p.key));
      const tenth =
        candidatesByTenth[
          Math.min(TIMELINE_WINDOWS - 1, Math.floor((p.position * TIMELINE_WINDOWS) / planted.length))
        ]!;
      tenth.articles++;
      tenth.found += report.candidates.found;
      tenth.verified += report.candidates.verified;
      if (p.role === 'rewrite') {
        const kind = (s.byKind[p.kind!] ??= { total: 0, found: 0, recall: 0 });
        s.rewrites++;
        kind.total++;
        if (report.matches.some((m) => m.key === p.sourceKey)) {
          s.found++;
          kind.found++;
        }
        if (report.rewriteOf?.key === p.sourceKey) s.strictFound++;
      } else if (p.role === 'unrelated') {
        s.unrelated++;
        if (report.verdict !== 'original') s.falseAlarms++;
      } else {
        s.sources++;
        if (report.verdict !== 'original') s.sourcesNotOriginal++;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, work));
  s.recall = s.found / Math.max(1, s.rewrites);
  s.strictRecall = s.strictFound / Math.max(1, s.rewrites);
  for (const k of Object.values(s.byKind)) k.recall = k.found / Math.max(1, k.total);
  for (const t of candidatesByTenth) {
    t.found /= Math.max(1, t.articles);
    t.verified /= Math.max(1, t.articles);
  }
  return s;
}

interface StoredObjects {
  readonly byPrefix: Record<string, { objects: number; bodyBytes: number; keyBytes: number; billableBytes: number }>;
  readonly totalBillableBytes: number;
}

/** Objects and bytes under each prefix, from a LIST; key names are counted with the bodies (an index entry is all key). */
async function listStored(s3: S3Client): Promise<StoredObjects> {
  const byPrefix: StoredObjects['byPrefix'] = {};
  let total = 0;
  for (const prefix of PREFIXES) {
    const sum = { objects: 0, bodyBytes: 0, keyBytes: 0, billableBytes: 0 };
    let token: string | undefined;
    do {
      const out = await s3.send(
        new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }),
      );
      for (const o of out.Contents ?? []) {
        sum.objects++;
        sum.bodyBytes += o.Size ?? 0;
        sum.keyBytes += Buffer.byteLength(o.Key ?? '', 'utf8');
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    sum.billableBytes = sum.bodyBytes + sum.keyBytes;
    total += sum.billableBytes;
    byPrefix[prefix] = sum;
  }
  return { byPrefix, totalBillableBytes: total };
}

/** `memorySize` of the stage parameters in serverless.yml (a plain `memorySize: <n>` line). */
function configuredMemoryMb(path: string): number {
  const m = /^\s*memorySize:\s*(\d+)\s*$/m.exec(readFileSync(path, 'utf8'));
  if (!m) throw new Error(`no "memorySize: <MB>" line in ${path}`);
  return Number(m[1]);
}

function costRows(c: CostPerMillion, bound: CostPerMillion, upload: CostPerMillion): string[][] {
  return [
    [
      'S3 PUT/LIST requests (handler)',
      fmt(c.putCopyPostListRequests, 0),
      usd(c.s3PutCopyPostListUsd),
      usd(bound.s3PutCopyPostListUsd),
    ],
    ['S3 GET/HEAD requests (handler)', fmt(c.getRequests, 0), usd(c.s3GetUsd), usd(bound.s3GetUsd)],
    ['S3 DELETE requests (free)', fmt(c.freeRequests, 0), usd(0), usd(0)],
    ['Lambda GB-seconds', fmt(c.lambdaGbSeconds, 0), usd(c.lambdaComputeUsd), usd(bound.lambdaComputeUsd)],
    ['Lambda invocations', fmt(1_000_000, 0), usd(c.lambdaRequestsUsd), usd(bound.lambdaRequestsUsd)],
    ['processing, once', '', usd(c.processingUsd), usd(bound.processingUsd)],
    ['the upload PUT itself (by the publisher)', fmt(1_000_000, 0), usd(upload.s3PutCopyPostListUsd), ''],
    ['S3 storage, GB kept / USD per month', fmt(c.storedGb, 2), usd(c.storageUsdPerMonth), ''],
  ];
}

function costJson(c: CostPerMillion): Record<string, number> {
  return {
    s3PutCopyPostList: round(c.s3PutCopyPostListUsd, 2),
    s3Get: round(c.s3GetUsd, 2),
    lambdaCompute: round(c.lambdaComputeUsd, 2),
    lambdaRequests: round(c.lambdaRequestsUsd, 2),
    processing: round(c.processingUsd, 2),
    storedGb: round(c.storedGb, 3),
    storagePerMonth: round(c.storageUsdPerMonth, 2),
  };
}

function cpuMicrosSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return d.user + d.system;
}

function nullable(x: number | undefined): number | null {
  return x === undefined || Number.isNaN(x) ? null : round(x, 1);
}

function usd(x: number): string {
  return `$${fmt(x, 2)}`;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
