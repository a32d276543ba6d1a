/**
 * `npm run bench:load [-- --sizes 1000,10000,50000 --max N]`: the load test over real news,
 * through the real path. dynalite and s3rver run in child processes (the handler's CPU time is
 * its own). The index is seeded with the llm-restyled-politifact sources, then background articles
 * of ../shared/corpora/news-background, by the ingest's indexing step alone (fingerprint PUT and
 * index writes through the Lambda's adapters, no query or verification, several at once). At each
 * checkpoint every probe (copies and light / heavy spins of indexed background articles, the
 * PolitiFact LLM rewrites, held-back background articles as negatives) is put into the bucket and
 * its S3 ObjectCreated event handed to the article-created handler, one at a time as one warm
 * Lambda sees them; then it is withdrawn, so the index holds the background alone. Last, one
 * article of concatenated background text just under MAX_BYTES goes through the handler.
 * Progress goes to stderr; stdout gets tables and, as its last line, one JSON object of figures.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeFingerprint } from '../lib/detect/fingerprint-record.js';
import { ArticleRejectedError } from '../lib/errors.js';
import { s3HandlerDeps } from '../lib/lambda/default-deps.js';
import { cpuMs, makeArticleEventHandler } from '../lib/lambda/make-article-event-handler.js';
import { createCloudAdapters } from '../lib/store/cloud-adapters.js';
import { SIZE_SHARDS } from '../lib/store/dynamodb-lsh-index.js';
import { fingerprintKey, htmlReportKey, reportKey } from '../lib/store/keys.js';
import type { LshIndex } from '../lib/store/ports.js';
import { unindexArticle } from '../lib/use-cases/fingerprint-index.js';
import type { DetectDeps } from '../lib/use-cases/use-case-deps.js';
import { mapLimit } from '../lib/util/map-limit.js';
import { estimateLambdaMs } from './cost-model.js';
import { createdEvent } from './created-event.js';
import {
  DYNAMODB_US_EAST_1_PRICES,
  costPerMillion,
  dynamoDbHandlerRoundTrips,
  indexItemBytes,
  indexStorageUsdPerMonth,
  queryReadUnits,
  type ItemisedCost,
} from './dynamodb-cost.js';
import { forkLocalDynamoDbServer } from './forked-dynamodb-server.js';
import { forkLocalS3Server } from './forked-s3-server.js';
import { parseLoadArgs } from './load-config.js';
import { spread } from './measure.js';
import { mulberry32 } from './synthetic-articles.js';
import {
  backgroundKey,
  bigArticle,
  fitPowerLaw,
  indexOnly,
  mean,
  newsProbes,
  flaggedSharingPassage,
  indexedTexts,
  SHARED_PASSAGE_WORDS,
  sizeTag,
  smallIndexLlmRecall,
  usableNegatives,
  type Probe,
} from './news-probes.js';
import { fmt, printTable, round } from './print-table.js';

const BUCKET = 'articles';
const SEED = 20261202;
/** Assumed round trip to S3 or DynamoDB from a Lambda in the same region, for the duration estimate. */
const AWS_ROUND_TRIP_MS = 20;
/** Article lengths the cost is given for, and the probe lengths that stand for each. */
const WORD_CLASSES = [
  { words: 150, from: 100, to: 225 },
  { words: 600, from: 450, to: 800 },
  { words: 2000, from: 1500, to: 2600 },
] as const;
const BIG_INDEX = 50_000_000;

/** One checkpoint's measurements: every probe's run at one index size. */
interface Checkpoint {
  readonly size: number;
  readonly seedSeconds: number;
  readonly measureSeconds: number;
  readonly runs: Map<Probe, ProbeRun>;
  /** Flagged negatives sharing SHARED_PASSAGE_WORDS or more words verbatim with a source they were matched to. */
  readonly falseAlarmsSharingPassage: number;
}

/** One probe's pass through the handler. */
interface ProbeRun {
  readonly words: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly candidatesFound: number;
  readonly status: string;
  readonly matched: readonly string[];
  /** Index keys the article has (what a process that knows no key as too common writes). */
  readonly indexKeys: number;
  /** Index entries the handler wrote (keys it knew too common to be read are skipped). */
  readonly indexWrites: number;
  /** Items the last read returned under each of its index keys that was also a query key (cap + 1: skipped); undefined: not read. */
  readonly indexKeyItems: ReadonlyArray<number | undefined>;
  readonly s3: Record<string, number>;
  readonly dynamo: Record<string, number>;
  /** Items each query key's read returned (cap + 1 for a skipped key; a reused read counts too), and the read units DynamoDB reported for the event. */
  readonly keyItems: readonly number[];
  readonly cap: number;
  readonly readUnits: number;
}

async function main(): Promise<void> {
  const repoRoot = resolve(__dirname, '..', '..');
  const config = parseLoadArgs(process.argv.slice(2), repoRoot);
  const maxSize = config.sizes[config.sizes.length - 1]!;
  const memoryMb = configuredMemoryMb(resolve(repoRoot, 'serverless.yml'));
  const t0 = performance.now();
  const { all, background, llmSources, probes } = newsProbes({
    corpora: config.corpora,
    maxSize,
    planted: config.planted,
    llm: config.llm,
    negatives: config.negatives,
    seed: SEED,
  });
  log(`read ${all.length} articles and screened the held-back ones in ${secondsSince(t0)} s`);
  const indexedText = indexedTexts(background, llmSources);

  const measureOrder = config.order === 'shuffled' ? shuffled(probes, mulberry32(SEED)) : probes;
  const directory = await mkdtemp(join(tmpdir(), 'rr-load-'));
  const s3 = await forkLocalS3Server({ directory, bucket: BUCKET });
  const dynamo = await forkLocalDynamoDbServer();
  const env = { ARTICLES_BUCKET: BUCKET, INDEX_TABLE: dynamo.table, LOG_LEVEL: 'error' };
  const handlerDeps = s3HandlerDeps(env, s3.clientConfig, dynamo.clientConfig);
  const small = await smallIndexLlmRecall(config.corpora, handlerDeps.params, probes);
  log(
    `llm-restyled-politifact on its own small index: recall ${fmt(small.corpus, 4)}, the LLM probes ${fmt(small.probes, 4)}`,
  );
  // the bench's own clients: seeding, scoring and withdrawing are not the handler's requests
  const seeding = createCloudAdapters({
    bucket: BUCKET,
    table: dynamo.table,
    s3Config: s3.clientConfig,
    dynamoDbConfig: dynamo.clientConfig,
  });
  const seedDeps: DetectDeps = { store: seeding.store, index: seeding.index, params: handlerDeps.params };
  let lastRead: { keys: readonly string[]; items: number[]; cap: number } = { keys: [], items: [], cap: 0 };
  const meanKeyBytes = indexItemBytes('t-00000000', backgroundKey(background[0]!));
  const index: LshIndex = {
    add: (id, keys) => handlerDeps.index.add(id, keys),
    remove: (id, keys) => handlerDeps.index.remove(id, keys),
    query: (keys) => handlerDeps.index.query(keys),
    size: () => handlerDeps.index.size(),
    countArticles: (delta) => handlerDeps.index.countArticles(delta),
    readBands: async (keys, limit) => {
      const bands = await handlerDeps.index.readBands(keys, limit);
      lastRead = { keys, items: bands.map((ids) => (ids ? ids.length : limit + 1)), cap: limit };
      return bands;
    },
  };
  let logged: Record<string, unknown> = {};
  const handler = makeArticleEventHandler({
    ...handlerDeps,
    index,
    log: (_level, message, fields = {}) => void (message === 'article event handled' ? (logged = fields) : undefined),
  });

  const seedWrites: number[] = [];
  let seeded = 0;
  let seedRejected = 0;
  let seedMs = 0;
  const seed = async (items: ReadonlyArray<{ key: string; text: string }>): Promise<void> => {
    const started = performance.now();
    await mapLimit(items, config.concurrency, async ({ key, text }) => {
      const position = seeded++;
      try {
        seedWrites.push(await indexOnly(seedDeps, key, text, `${timeOf(Date.UTC(2020, 0, 1), position)}|${key}`));
      } catch (err) {
        // the ingest would give it a rejected report and index nothing
        if (!(err instanceof ArticleRejectedError)) throw err;
        seedRejected++;
      }
    });
    seedMs += performance.now() - started;
  };

  const runProbe = async (key: string, text: string, position: number): Promise<ProbeRun> => {
    const body = Buffer.from(text, 'utf8');
    await s3.putDirect([{ key, body }]);
    const event = createdEvent(BUCKET, key, body.length, undefined, timeOf(Date.UTC(2026, 0, 1), position));
    lastRead = { keys: [], items: [], cap: 0 };
    const cpu = process.cpuUsage();
    const started = performance.now();
    await handler(event);
    const ms = performance.now() - started;
    const handlerCpu = cpuMs(process.cpuUsage(cpu));
    const report = JSON.parse(Buffer.from((await seeding.store.get(reportKey(key)))!).toString('utf8')) as {
      status: string;
      matches?: Array<{ key: string }>;
    };
    const fingerprint = await seeding.store.get(fingerprintKey(key));
    const bandKeys = fingerprint ? decodeFingerprint(fingerprint, key).bandKeys : [];
    const dynamoCommands = (logged['dynamoDbRequestsByCommand'] ?? {}) as Record<string, number>;
    return {
      words: text.split(/\s+/).filter(Boolean).length,
      ms,
      cpuMs: handlerCpu,
      candidatesFound: Number(logged['candidatesFound'] ?? 0),
      status: report.status,
      matched: (report.matches ?? []).map((m) => m.key),
      indexKeys: bandKeys.length,
      indexWrites: Number(logged['dynamoDbItemsWritten'] ?? 0),
      indexKeyItems: indexKeyItems(bandKeys, lastRead),
      s3: (logged['s3RequestsByCommand'] ?? {}) as Record<string, number>,
      dynamo: dynamoCommands,
      keyItems: lastRead.items,
      cap: lastRead.cap,
      // as DynamoDB reports them (dynalite computes them as the service does), plus the count's read
      readUnits: Number(logged['dynamoDbReadUnits'] ?? 0) + (dynamoCommands['BatchGetItem'] ?? 0) * SIZE_SHARDS * 0.5,
    };
  };

  const withdraw = async (key: string): Promise<void> => {
    await unindexArticle(seedDeps, key);
    for (const k of [key, reportKey(key), htmlReportKey(key)]) await seeding.store.delete(k);
  };

  const perSize: Checkpoint[] = [];
  const printFigures = (
    perSize: readonly Checkpoint[],
    big: { bytes: number; ms: number; cpuMs: number; status: string; indexKeys: number; indexWrites: number },
  ): void => {
    const last = perSize[perSize.length - 1]!;
    const first = perSize[0]!;
    const lastRuns = [...last.runs.values()];
    const figures: Record<string, unknown> = {
      date: new Date().toISOString(),
      backgroundArticles: maxSize,
      politifactSourcesIndexed: llmSources.length,
      indexedAtMax: maxSize + llmSources.length - seedRejected,
      seedArticlesRejected: seedRejected,
      checkpoints: config.sizes,
      seedingSeconds: round(seedMs / 1000, 1),
      seedingArticlesPerSecond: round(seeded / (seedMs / 1000), 1),
      measuringSeconds: round(
        perSize.reduce((n, s) => n + s.measureSeconds, 0),
        1,
      ),
      probes: probes.length,
      probeOrder: config.order,
      // the same LLM probes on the corpus's own small index: recall lost to scale is the difference
      llmRecallSmallIndex: round(small.corpus, 4),
      loadRecallLlmSmallIndex: round(small.probes, 4),
    };
    for (const s of perSize) Object.assign(figures, sizeFigures(s, probes));
    const allRuns = perSize.flatMap((s) => [...s.runs.values()]);
    // the ceiling: what an article writes in a process that knows no key as too common (seeding's)
    figures['indexWritesPerArticleMax'] = Math.max(...seedWrites, ...allRuns.map((r) => r.indexKeys), big.indexKeys);
    figures['indexWritesPerArticleP50'] = spread(lastRuns.map((r) => r.indexWrites)).median;
    figures['bigArticleIndexWrites'] = big.indexWrites;
    figures['bigArticleBytes'] = big.bytes;
    figures['bigArticleStatus'] = big.status;
    figures['maxArticleHandlerMs'] = round(big.ms, 0);
    figures['maxArticleHandlerCpuMs'] = round(big.cpuMs, 0);
    figures['requestsPerArticleP50'] = {
      s3: medianByCommand(lastRuns.map((r) => r.s3)),
      dynamodb: medianByCommand(lastRuns.map((r) => r.dynamo)),
    };
    figures['readRequestUnitsP50'] = spread(lastRuns.map((r) => r.readUnits)).median;

    // what grows with the index: power laws over the checkpoints
    if (perSize.length >= 2) {
      const found = fitPowerLaw(perSize.map((s) => [s.size, spread(runsOf(s).map((r) => r.candidatesFound)).median]));
      const ms = fitPowerLaw(perSize.map((s) => [s.size, spread(runsOf(s).map((r) => r.ms)).median]));
      const cpu = fitPowerLaw(perSize.map((s) => [s.size, spread(runsOf(s).map((r) => r.cpuMs)).median]));
      Object.assign(figures, {
        candidatesFoundGrowthExponent: round(found.exponent, 3),
        candidatesFoundP50At50MExtrapolated: Math.round(found.at(BIG_INDEX)),
        handlerMsGrowthExponent: round(ms.exponent, 3),
        handlerMsP50At50MExtrapolated: Math.round(ms.at(BIG_INDEX)),
        handlerCpuMsGrowthExponent: round(cpu.exponent, 3),
        handlerCpuMsP50At50MExtrapolated: Math.round(cpu.at(BIG_INDEX)),
      });
    }

    const costs = costByWords(lastRuns, last.size + llmSources.length, memoryMb, handlerDeps.params.maxCandidates);
    for (const c of costs) {
      figures[`costPerMillion${c.words}Words`] = itemised(c.measured);
      figures[`costPerMillion${c.words}WordsAt50M`] = {
        ...itemised(c.at50M),
        dynamoDbReadsIfEveryCommonKeyRead: round(c.at50MColdReadsUsd, 2),
      };
      figures[`costProbes${c.words}Words`] = c.n;
    }
    // a newsroom's stream is mostly originals, the probes mostly rewrites: each path on its own
    const byPath = (['original', 'flagged'] as const).map((path) => {
      const runs = lastRuns.filter((r) => r.status === 'ok' && r.matched.length > 0 === (path === 'flagged'));
      return {
        path,
        costs: costByWords(runs, last.size + llmSources.length, memoryMb, handlerDeps.params.maxCandidates),
      };
    });
    for (const { path, costs: pathCosts } of byPath)
      for (const c of pathCosts)
        figures[`costPerMillion${c.words}Words${path === 'original' ? 'Original' : 'Flagged'}`] = {
          ...itemised(c.measured),
          probes: c.n,
        };
    const itemBytes = meanKeyBytes;
    const storage = indexStorageUsdPerMonth(BIG_INDEX, mean(seedWrites), itemBytes);
    figures['indexStorageUsdPerMonthAt50M'] = {
      tableGb: round(storage.tableGb, 1),
      tableUsd: round(storage.tableUsd, 2),
      pitrUsd: round(storage.pitrUsd, 2),
      totalUsd: round(storage.totalUsd, 2),
    };
    figures['prices'] = { ...DYNAMODB_US_EAST_1_PRICES, s3AndLambda: 'bench/cost-model.ts AWS_US_EAST_1_PRICES' };
    figures['lambdaMemoryMb'] = memoryMb;
    figures['firstCheckpoint'] = first.size;

    console.log('\ncost per million articles (USD, us-east-1, handler only; storage apart)');
    printTable(
      ['words', 'probes', 'at', 'S3', 'DynamoDB writes', 'DynamoDB reads', 'Lambda', 'total'],
      costs.flatMap((c) =>
        (
          [
            [`${sizeTag(last.size)} measured`, c.measured],
            ['50M estimated', c.at50M],
          ] as const
        ).map(([at, x]) => [
          String(c.words),
          String(c.n),
          at,
          fmt(x.s3Usd, 2),
          fmt(x.dynamoDbWritesUsd, 2),
          fmt(x.dynamoDbReadsUsd, 2),
          fmt(x.lambdaComputeUsd + x.lambdaRequestsUsd, 2),
          fmt(x.totalUsd, 2),
        ]),
      ),
    );
    console.log('\nthe same, measured, by what the article was judged');
    printTable(
      ['words', 'judged', 'probes', 'S3', 'DynamoDB writes', 'DynamoDB reads', 'Lambda', 'total'],
      byPath.flatMap(({ path, costs: pathCosts }) =>
        pathCosts.map((c) => [
          String(c.words),
          path,
          String(c.n),
          fmt(c.measured.s3Usd, 2),
          fmt(c.measured.dynamoDbWritesUsd, 2),
          fmt(c.measured.dynamoDbReadsUsd, 2),
          fmt(c.measured.lambdaComputeUsd + c.measured.lambdaRequestsUsd, 2),
          fmt(c.measured.totalUsd, 2),
        ]),
      ),
    );
    console.log(
      `\nseeding ${fmt(seedMs / 1000, 0)} s (${fmt(seeded / (seedMs / 1000), 1)} articles/s), measuring ${fmt(Number(figures['measuringSeconds']), 0)} s`,
    );
    console.log(JSON.stringify(figures));
  };
  let big:
    { bytes: number; ms: number; cpuMs: number; status: string; indexKeys: number; indexWrites: number } | undefined;
  let probePosition = 0;
  try {
    await seed(llmSources);
    let next = 0;
    for (const size of config.sizes) {
      const seedStart = seedMs;
      while (next < size) {
        const batch = background.slice(next, Math.min(size, next + 1000));
        await seed(batch.map((a) => ({ key: backgroundKey(a), text: a.text })));
        next += batch.length;
        log(
          `seeded ${next} background articles (+${llmSources.length} PolitiFact sources), ${(seeded / (seedMs / 1000)).toFixed(1)} articles/s`,
        );
      }
      const measureStart = performance.now();
      const runs = new Map<Probe, ProbeRun>();
      for (const probe of measureOrder) {
        const key = `incoming/probe/${sizeTag(size)}/${probe.name}`;
        runs.set(probe, await runProbe(key, probe.text, probePosition++));
        await withdraw(key);
      }
      const entry = {
        size,
        seedSeconds: (seedMs - seedStart) / 1000,
        measureSeconds: (performance.now() - measureStart) / 1000,
        runs,
        // once per checkpoint: a word-by-word comparison of each flagged negative with its matches
        falseAlarmsSharingPassage: flaggedSharingPassage(
          usableNegatives(probes, size),
          (p) => runs.get(p)!.matched,
          indexedText,
        ).length,
      };
      perSize.push(entry);
      printSize(entry, probes);
      if (!big) {
        const bigBody = bigArticle(all, handlerDeps.params.maxBytes);
        const bigRun = await runProbe('incoming/probe/big-article.txt', bigBody.toString('utf8'), probePosition++);
        big = {
          bytes: bigBody.length,
          ms: bigRun.ms,
          cpuMs: bigRun.cpuMs,
          status: bigRun.status,
          indexKeys: bigRun.indexKeys,
          indexWrites: bigRun.indexWrites,
        };
        log(
          `big article: ${big.bytes} bytes, ${big.status}, ${big.indexKeys} index keys, ${big.indexWrites} written, ${big.ms.toFixed(0)} ms`,
        );
      }
      // figures so far after every checkpoint: a run stopped early still leaves its measurements
      printFigures(perSize, big);
    }
  } finally {
    seeding.close();
    await dynamo.close();
    await s3.close();
    await rm(directory, { recursive: true, force: true });
  }
}

/** A copy of items in a random order (Fisher-Yates). */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** For each index key, the items its query read returned when it was also a query key (cap + 1: over the cap). */
function indexKeyItems(
  indexKeys: readonly string[],
  read: { keys: readonly string[]; items: readonly number[] },
): Array<number | undefined> {
  const items = new Map(read.keys.map((k, i) => [k, read.items[i]!]));
  return indexKeys.map((k) => items.get(k));
}

function runsOf(s: { runs: Map<Probe, ProbeRun> }): ProbeRun[] {
  return [...s.runs.values()];
}

/** The per-checkpoint figures, named by the size measured (At1k, At10k, ...). */
function sizeFigures(s: Checkpoint, probes: readonly Probe[]): Record<string, number> {
  const tag = sizeTag(s.size);
  const runs = runsOf(s);
  const found = spread(runs.map((r) => r.candidatesFound));
  const recall = (group: (p: Probe) => boolean): number => {
    const derived = probes.filter(group);
    return round(derived.filter((p) => s.runs.get(p)!.matched.includes(p.sourceKey!)).length / derived.length, 4);
  };
  const negatives = usableNegatives(probes, s.size);
  return {
    [`seedSecondsTo${tag}`]: round(s.seedSeconds, 1),
    [`measureSecondsAt${tag}`]: round(s.measureSeconds, 1),
    [`candidatesFoundP50At${tag}`]: found.median,
    [`candidatesFoundP95At${tag}`]: found.p95,
    [`handlerMsP50At${tag}`]: round(spread(runs.map((r) => r.ms)).median, 1),
    [`handlerMsP95At${tag}`]: round(spread(runs.map((r) => r.ms)).p95, 1),
    [`handlerCpuMsP50At${tag}`]: round(spread(runs.map((r) => r.cpuMs)).median, 1),
    [`loadRecallAt${tag}`]: recall((p) => p.group.startsWith('planted')),
    [`loadRecallLlmAt${tag}`]: recall((p) => p.group === 'llm'),
    [`negativesAt${tag}`]: negatives.length,
    [`negativesLeftOutAt${tag}`]: probes.filter((p) => p.group === 'negative').length - negatives.length,
    [`loadFalseAlarmRateAt${tag}`]: round(
      negatives.filter((p) => s.runs.get(p)!.matched.length > 0).length / Math.max(1, negatives.length),
      4,
    ),
    [`loadFalseAlarmsSharingPassageAt${tag}`]: s.falseAlarmsSharingPassage,
    [`keysSkippedP50At${tag}`]: spread(runs.map((r) => r.keyItems.filter((n) => n > r.cap).length)).median,
  };
}

function printSize(s: Checkpoint, probes: readonly Probe[]): void {
  const rows = (['planted-copy', 'planted-light', 'planted-heavy', 'llm', 'negative'] as const).map((group) => {
    const members = group === 'negative' ? usableNegatives(probes, s.size) : probes.filter((p) => p.group === group);
    const runs = members.map((p) => s.runs.get(p)!);
    const hit =
      group === 'negative'
        ? runs.filter((r) => r.matched.length > 0).length
        : members.filter((p) => s.runs.get(p)!.matched.includes(p.sourceKey!)).length;
    return [
      group,
      String(runs.length),
      fmt(spread(runs.map((r) => r.candidatesFound)).median, 0),
      fmt(spread(runs.map((r) => r.candidatesFound)).p95, 0),
      fmt(hit / runs.length, 3),
      fmt(spread(runs.map((r) => r.ms)).median, 0),
      fmt(spread(runs.map((r) => r.cpuMs)).median, 0),
    ];
  });
  console.log(
    `\nindexed: ${s.size} background articles (+ PolitiFact sources); seeding ${fmt(s.seedSeconds, 0)} s, measuring ${fmt(s.measureSeconds, 0)} s`,
  );
  printTable(['probes', 'n', 'found p50', 'found p95', 'detected / false alarm', 'handler ms p50', 'CPU ms p50'], rows);
  const negatives = usableNegatives(probes, s.size);
  const flagged = negatives.filter((p) => s.runs.get(p)!.matched.length > 0).length;
  console.log(
    `false alarms: ${flagged} of ${negatives.length}, of which ${s.falseAlarmsSharingPassage} share ${SHARED_PASSAGE_WORDS}+ words verbatim with a matched source`,
  );
}

/** Per command, the median over runs of how many requests it took (0 where a run sent none). */
function medianByCommand(runs: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const commands = [...new Set(runs.flatMap((r) => Object.keys(r)))].sort();
  return Object.fromEntries(commands.map((c) => [c, spread(runs.map((r) => r[c] ?? 0)).median]));
}

/**
 * Cost per million articles of each length class, from the probes of about that length at the
 * largest checkpoint (medians), and estimated at 50 million indexed: every query key then holds
 * as many articles as measured times 50M / indexed, read up to the cap of that size, and the
 * candidates read are maxCandidates.
 */
function costByWords(
  runs: readonly ProbeRun[],
  indexed: number,
  memoryMb: number,
  maxCandidates: number,
): Array<{ words: number; n: number; measured: ItemisedCost; at50M: ItemisedCost; at50MColdReadsUsd: number }> {
  const itemBytes = indexItemBytes('t-00000000', 'background/0123456789.txt');
  return WORD_CLASSES.map(({ words, from, to }) => {
    const members = runs.filter((r) => r.words >= from && r.words < to && r.status === 'ok');
    const pick = members.length > 0 ? members : runs;
    const s3 = medianByCommand(pick.map((r) => r.s3));
    const dynamo = medianByCommand(pick.map((r) => r.dynamo));
    const cpu = spread(pick.map((r) => r.cpuMs)).median;
    const writeUnits = spread(pick.map((r) => (r.dynamo['UpdateItem'] ?? 0) + r.indexWrites)).median;
    const lambdaMs = (s3Commands: Record<string, number>): number =>
      estimateLambdaMs({
        cpuMsPerArticle: cpu,
        lambdaMemoryMb: memoryMb,
        sequentialRoundTrips: dynamoDbHandlerRoundTrips(s3Commands, dynamo),
        roundTripMs: AWS_ROUND_TRIP_MS,
      });
    const measured = costPerMillion({
      s3RequestsByCommand: s3,
      dynamoDbRequestsByCommand: dynamo,
      writeRequestUnits: writeUnits,
      readRequestUnits: spread(pick.map((r) => r.readUnits)).median,
      lambdaMs: lambdaMs(s3),
      lambdaMemoryMb: memoryMb,
    });
    const scale = BIG_INDEX / indexed;
    const bigCap = 5000;
    // at 50M a warm process writes no entry under an index key it read over the cap (see readsAt50M);
    // the article's own entry, read back under each key, does not grow with the index
    const writeUnitsAt50M = spread(
      pick.map(
        (r) =>
          (r.dynamo['UpdateItem'] ?? 0) +
          r.indexKeys -
          r.indexKeyItems.filter((k) => k !== undefined && (k > r.cap || (k - 1) * scale + 1 > bigCap)).length,
      ),
    ).median;
    // a key over the cap at 50M: read once (cold) or known to the warm process and skipped (warm)
    const readsAt50M = (cold: boolean): number =>
      spread(
        pick.map((r) =>
          r.keyItems.reduce((n, k) => {
            const held = k > r.cap ? Infinity : k * scale;
            return (
              n + (held <= bigCap ? queryReadUnits(held, itemBytes) : cold ? queryReadUnits(bigCap + 1, itemBytes) : 0)
            );
          }, 0),
        ),
      ).median;
    // two GETs of its own (article, previous fingerprint) and one per candidate verified
    const s3At50M = { ...s3, GetObject: 2 + maxCandidates };
    const at50M = costPerMillion({
      s3RequestsByCommand: s3At50M,
      dynamoDbRequestsByCommand: dynamo,
      writeRequestUnits: writeUnitsAt50M,
      readRequestUnits: readsAt50M(false),
      lambdaMs: lambdaMs(s3At50M),
      lambdaMemoryMb: memoryMb,
    });
    const at50MColdReadsUsd = readsAt50M(true) * DYNAMODB_US_EAST_1_PRICES.readRequestUnitPerMillion;
    return { words, n: members.length, measured, at50M, at50MColdReadsUsd };
  });
}

function itemised(c: ItemisedCost): Record<string, number> {
  return {
    s3: round(c.s3Usd, 2),
    dynamoDbWrites: round(c.dynamoDbWritesUsd, 2),
    dynamoDbReads: round(c.dynamoDbReadsUsd, 2),
    lambda: round(c.lambdaComputeUsd + c.lambdaRequestsUsd, 2),
    total: round(c.totalUsd, 2),
  };
}

/** `memorySize` of the stage parameters in serverless.yml (a plain `memorySize: <n>` line). */
function configuredMemoryMb(path: string): number {
  const m = /^\s*memorySize:\s*(\d+)\s*$/m.exec(readFileSync(path, 'utf8'));
  if (!m) throw new Error(`no "memorySize: <MB>" line in ${path}`);
  return Number(m[1]);
}

function timeOf(base: number, position: number): string {
  return new Date(base + position * 1000).toISOString();
}

function secondsSince(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1);
}

function log(message: string): void {
  console.error(`load: ${message}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
