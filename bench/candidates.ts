/**
 * `npm run bench:candidates`: how many candidates an article gets, and whether its true source is
 * among them, as an index of real news grows. Seeds a memory index with the sources of
 * llm-restyled-politifact and then background articles of ../shared/corpora/news-background
 * through the ingest's indexing step (fingerprint + index entries, no query), and at each size
 * of RR_CAND_SIZES (default 1000,10000,50000 background articles) checks, without indexing them:
 * planted copies / light / heavy spins of indexed background articles (bench/planted-rewrites.ts),
 * LLM rewrites of the indexed PolitiFact sources, and held-back background articles as negatives
 * (a held-back article sharing >= 20% of its word 5-grams with one indexed article is left out).
 * Then one article of concatenated background text just under MAX_BYTES is ingested. Progress goes
 * to stderr; stdout gets tables and, as its last line, one JSON object of figures.
 */
import { appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkArticle } from '../lib/use-cases/check-article.js';
import { indexArticle } from '../lib/use-cases/index-article.js';
import { prepareArticle } from '../lib/use-cases/prepare-article.js';
import type { DetectDeps } from '../lib/use-cases/use-case-deps.js';
import { sketchText } from '../lib/detect/sketch-text.js';
import { detectorParams, type DetectorParams } from '../lib/detect/detector-params.js';
import { fingerprintKey } from '../lib/store/keys.js';
import { MemoryLshIndex } from '../lib/store/memory-lsh-index.js';
import { MemoryObjectStore } from '../lib/store/memory-object-store.js';
import { bandLimits, scoreCandidates } from '../lib/detect/rank-candidates.js';
import { MAX_ENTRIES_PER_BAND } from '../lib/store/ports.js';
import { ArticleRejectedError } from '../lib/errors.js';
import { queryBandKeys } from '../lib/detect/candidate-keys.js';
import {
  backgroundKey,
  bigArticle,
  fitPowerLaw,
  flaggedSharingPassage,
  indexedTexts,
  indexOnly,
  mean,
  newsProbes,
  sizeTag,
  usableNegatives,
  type Probe as NewsProbe,
} from './news-probes.js';
import { spread } from './measure.js';
import { fmt, printTable, round } from './print-table.js';

const SEED = 20261202;

interface BenchConfig {
  readonly sizes: readonly number[];
  readonly negatives: number;
  readonly planted: number;
  readonly llm: number;
  readonly corpora: string;
}

function benchConfig(env: NodeJS.ProcessEnv, repoRoot: string): BenchConfig {
  const int = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
    return n;
  };
  const sizes = (env['RR_CAND_SIZES'] ?? '1000,10000,50000').split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new RangeError(`RR_CAND_SIZES must be comma-separated positive integers, got ${env['RR_CAND_SIZES']}`);
  return Object.freeze({
    sizes: [...sizes].sort((a, b) => a - b),
    negatives: int('RR_CAND_NEGATIVES', 250),
    planted: int('RR_CAND_PLANTED', 252),
    llm: int('RR_CAND_LLM', 300),
    corpora: resolve(env['RR_CORPORA'] ?? join(repoRoot, '..', 'shared', 'corpora')),
  });
}

/** A probe under the key it is checked as. */
type Probe = NewsProbe & { readonly key: string };

interface ProbeResult {
  readonly found: number;
  readonly inCandidates: boolean;
  readonly inTop: boolean;
  readonly flagged: boolean;
  readonly flaggedSource: boolean;
  readonly ms: number;
  readonly cpuMs: number;
  readonly queryBands: number;
  readonly bandsSkipped: number;
  /** Candidates there would be at each minCandidateScore of SCORE_GRID. */
  readonly foundAtScore: readonly number[];
  /** The true source's score, or null when it shares no readable key. */
  readonly sourceScore: number | null;
  /** The best candidate's score: a source under shareOfBest of it is cut by the relative bar. */
  readonly bestScore: number | null;
  /** What a flagged article was matched to, for RR_CAND_FLAGGED. */
  readonly matches: ReadonlyArray<{ key: string; title: string; verdict: string; score: number; measures: unknown }>;
  readonly verdict: string | null;
}

/** minCandidateScore values the bench reports candidates and recall at, beside the configured one. */
const SCORE_GRID = [0, 4, 6, 8, 10, 12, 14, 16, 20];

async function main(): Promise<void> {
  const repoRoot = resolve(__dirname, '..', '..');
  const config = benchConfig(process.env, repoRoot);
  // RR_CAND_PARAMS='{"minCandidateScore":5}': the same run under other detector parameters
  const params = detectorParams(JSON.parse(process.env['RR_CAND_PARAMS'] ?? '{}') as Partial<DetectorParams>);
  const maxSize = config.sizes[config.sizes.length - 1]!;
  const t0 = performance.now();
  const {
    all,
    background,
    llmSources,
    probes: found,
  } = newsProbes({
    corpora: config.corpora,
    maxSize,
    planted: config.planted,
    llm: config.llm,
    negatives: config.negatives,
    seed: SEED,
  });
  const probes = found.map((p) => ({ ...p, key: `check/${p.name}` }));
  const indexed = indexedTexts(background, llmSources);
  log(
    `read ${all.length} background articles and screened the held-back ones in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const deps: DetectDeps = {
    store: new MemoryObjectStore(),
    index: new MemoryLshIndex(),
    params,
    preparedCache: new Map(),
  };
  let order = 0;
  const writes: number[] = [];
  let seedMs = 0;
  let rejected = 0;
  const seed = async (key: string, text: string): Promise<void> => {
    const started = performance.now();
    try {
      writes.push(await indexOnly(deps, key, text, `${String(order++).padStart(9, '0')}|${key}`));
    } catch (err) {
      // the ingest would write a rejected report for it and index nothing
      if (!(err instanceof ArticleRejectedError)) throw err;
      rejected++;
    }
    seedMs += performance.now() - started;
  };
  for (const { key, text } of llmSources) await seed(key, text);

  const perSize: Array<{ size: number; results: Map<Probe, ProbeResult>; seedSeconds: number }> = [];
  let next = 0;
  for (const size of config.sizes) {
    const seedStart = seedMs;
    for (; next < size; next++) {
      await seed(backgroundKey(background[next]!), background[next]!.text);
      if ((next + 1) % 5000 === 0)
        log(
          `indexed ${next + 1} background articles, ${((next + 1) / (seedMs / 1000)).toFixed(0)} articles/s of indexing`,
        );
    }
    log(`size ${size}: checking ${probes.length} articles`);
    const results = new Map<Probe, ProbeResult>();
    for (const probe of probes) results.set(probe, await check(deps, probe));
    perSize.push({ size, results, seedSeconds: (seedMs - seedStart) / 1000 });
    if (process.env['RR_CAND_FLAGGED']) writeFlagged(process.env['RR_CAND_FLAGGED'], size, probes, results);
    printSize(size, probes, results);
    printScoreGrid(probes, results);
  }

  const big = bigArticle(all, params.maxBytes);
  const bigStart = performance.now();
  const bigCpu = process.cpuUsage();
  const { report: bigReport } = await indexArticle(deps, {
    key: 'check/big-article.txt',
    bytes: big,
    order: `${String(order++).padStart(9, '0')}|big`,
  });
  const bigMs = performance.now() - bigStart;
  const bigCpuMs = cpuMsSince(bigCpu);
  const bigWrites = (await storedBandKeys(deps, 'check/big-article.txt')).length;
  log(`big article: ${big.length} bytes, ${bigReport.status}, ${bigWrites} index entries, ${bigMs.toFixed(0)} ms`);

  const fit = fitPowerLaw(
    perSize.map(({ size, results }) => [size, spread(valuesOf(results, probes, 'found')).median]),
  );
  const fitMean = fitPowerLaw(perSize.map(({ size, results }) => [size, mean(valuesOf(results, probes, 'found'))]));
  const figures: Record<string, unknown> = {
    backgroundArticles: maxSize,
    politifactSourcesIndexed: llmSources.length,
    seedArticlesRejected: rejected,
    indexWritesPerArticleP50: spread(writes).median,
    indexWritesPerArticleMax: Math.max(...writes, bigWrites),
    indexingArticlesPerSecond: round(writes.length / (seedMs / 1000), 1),
    bigArticleBytes: big.length,
    bigArticleStatus: bigReport.status,
    bigArticleIndexWrites: bigWrites,
    bigArticleMs: round(bigMs, 0),
    bigArticleCpuMs: round(bigCpuMs, 0),
    candidatesFoundGrowthExponent: round(fit.exponent, 3),
    candidatesFoundP50At50MExtrapolated: Math.round(fit.at(50_000_000)),
    candidatesFoundMeanAt50MExtrapolated: Math.round(fitMean.at(50_000_000)),
  };
  for (const { size, results, seedSeconds } of perSize) {
    const tag = sizeTag(size);
    const found = spread(valuesOf(results, probes, 'found'));
    const negatives = usableNegatives(probes, size);
    figures[`candidatesFoundP50At${tag}`] = found.median;
    figures[`candidatesFoundP95At${tag}`] = found.p95;
    figures[`candidatesFoundMeanAt${tag}`] = round(mean(valuesOf(results, probes, 'found')), 1);
    figures[`queryBandsMaxAt${tag}`] = Math.max(...valuesOf(results, probes, 'queryBands'));
    figures[`bandsSkippedP50At${tag}`] = spread(valuesOf(results, probes, 'bandsSkipped')).median;
    figures[`detectMsP50At${tag}`] = round(spread(valuesOf(results, probes, 'ms')).median, 1);
    figures[`detectCpuMsP50At${tag}`] = round(spread(valuesOf(results, probes, 'cpuMs')).median, 1);
    figures[`seedSecondsTo${tag}`] = round(seedSeconds, 1);
    for (const group of ['planted', 'llm'] as const) {
      const derived = probes.filter((p) => p.group.startsWith(group));
      const share = (f: (r: ProbeResult) => boolean): number =>
        round(derived.filter((p) => f(results.get(p)!)).length / derived.length, 4);
      const name = group === 'planted' ? 'Planted' : 'Llm';
      figures[`candidateRecall${name}At${tag}`] = share((r) => r.inCandidates);
      figures[`candidateRecallTop${name}At${tag}`] = share((r) => r.inTop);
      figures[`detectRecall${name}At${tag}`] = share((r) => r.flaggedSource);
    }
    figures[`negativesAt${tag}`] = negatives.length;
    figures[`negativesLeftOutAt${tag}`] = probes.filter((p) => p.group === 'negative').length - negatives.length;
    figures[`falseAlarmRateAt${tag}`] = round(
      negatives.filter((p) => results.get(p)!.flagged).length / Math.max(1, negatives.length),
      4,
    );
    figures[`falseAlarmsSharingPassageAt${tag}`] = flaggedSharingPassage(
      negatives,
      (p) => results.get(p)!.matches.map((m) => m.key),
      indexed,
    ).length;
  }
  console.log(
    `\ncandidatesFound p50 ~ ${fmt(Math.exp(fit.logA), 3)} x size^${fmt(fit.exponent, 3)}: ${fmt(fit.at(50_000_000), 0)} at 50M indexed (mean: ${fmt(fitMean.at(50_000_000), 0)})`,
  );
  console.log(JSON.stringify(figures));
}

/** Checks one probe without indexing it: the use case's report, plus the whole candidate set before the maxCandidates cut. */
async function check(deps: DetectDeps, probe: Probe): Promise<ProbeResult> {
  const bytes = Buffer.from(probe.text, 'utf8');
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { report } = await checkArticle(deps, { key: probe.key, bytes });
  const ms = performance.now() - started;
  const cpuMs = cpuMsSince(cpu);
  if (report.status !== 'ok') throw new Error(`${probe.key} was rejected: ${JSON.stringify(report)}`);
  const sketch = sketchText(prepareArticle(probe.key, bytes, deps.params).text, deps.params);
  const limits = bandLimits(deps.params, await deps.index.size(), MAX_ENTRIES_PER_BAND);
  const bands = await deps.index.readBands(queryBandKeys(sketch, deps.params), limits.cap);
  const all = new Set(scoreCandidates(bands, limits, probe.key).candidates.map((c) => c.key));
  // every article sharing a key, whatever its score: how candidates and recall move with the bar
  const scored = scoreCandidates(bands, { ...limits, minScore: 0, shareOfBest: 0 }, probe.key).candidates;
  const foundAtScore = SCORE_GRID.map((t) => scored.filter((c) => c.score >= t).length);
  const sourceScore = scored.find((c) => c.key === probe.sourceKey)?.score ?? null;
  return {
    found: report.candidates.found,
    inCandidates: probe.sourceKey !== undefined && all.has(probe.sourceKey),
    inTop: probe.sourceKey !== undefined && report.candidates.top.some((c) => c.key === probe.sourceKey),
    flagged: report.matches.length > 0,
    flaggedSource: report.matches.some((m) => m.key === probe.sourceKey),
    ms,
    cpuMs,
    queryBands: queryBandKeys(sketch, deps.params).length,
    bandsSkipped: bands.filter((b) => b === undefined).length,
    foundAtScore,
    sourceScore,
    bestScore: scored[0]?.score ?? null,
    verdict: report.verdict,
    matches: report.matches.map((m) => ({
      key: m.key,
      title: m.title,
      verdict: m.verdict,
      score: m.score,
      measures: m.measures,
    })),
  };
}

/** RR_CAND_FLAGGED=FILE: one JSON line per flagged negative and per missed derived probe, for error analysis. */
function writeFlagged(
  file: string,
  size: number,
  probes: readonly Probe[],
  results: ReadonlyMap<Probe, ProbeResult>,
): void {
  const lines = probes
    .filter((p) =>
      p.group === 'negative'
        ? usableNegatives([p], size).length === 1 && results.get(p)!.flagged
        : !results.get(p)!.flaggedSource,
    )
    .map((p) => {
      const r = results.get(p)!;
      return JSON.stringify({
        size,
        group: p.group,
        key: p.key,
        source: p.sourceKey ?? null,
        verdict: r.verdict,
        inCandidates: r.inCandidates,
        sourceScore: r.sourceScore,
        bestScore: r.bestScore,
        bandsSkipped: r.bandsSkipped,
        queryBands: r.queryBands,
        matches: r.matches,
      });
    });
  appendFileSync(file, lines.map((l) => `${l}\n`).join(''));
}

async function storedBandKeys(deps: DetectDeps, key: string): Promise<readonly string[]> {
  const bytes = await deps.store.get(fingerprintKey(key));
  return bytes ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as { bandKeys: string[] }).bandKeys : [];
}

function printSize(size: number, probes: readonly Probe[], results: ReadonlyMap<Probe, ProbeResult>): void {
  const rows: string[][] = [];
  for (const group of ['planted-copy', 'planted-light', 'planted-heavy', 'llm', 'negative'] as const) {
    const members = group === 'negative' ? usableNegatives(probes, size) : probes.filter((p) => p.group === group);
    const rs = members.map((p) => results.get(p)!);
    const found = spread(rs.map((r) => r.found));
    const share = (f: (r: ProbeResult) => boolean): string =>
      group === 'negative' ? '' : fmt(rs.filter(f).length / rs.length, 3);
    rows.push([
      group,
      String(rs.length),
      fmt(found.median, 0),
      fmt(found.p95, 0),
      share((r) => r.inCandidates),
      share((r) => r.inTop),
      group === 'negative' ? fmt(rs.filter((r) => r.flagged).length / rs.length, 3) : share((r) => r.flaggedSource),
      fmt(spread(rs.map((r) => r.ms)).median, 1),
    ]);
  }
  console.log(`\nindexed: ${size} background articles (+ PolitiFact sources)`);
  printTable(
    ['probes', 'n', 'found p50', 'found p95', 'cand recall', 'top recall', 'detected / false alarm', 'ms p50'],
    rows,
  );
}

/** Candidates found p50 and candidate recall at each minCandidateScore of SCORE_GRID. */
function printScoreGrid(probes: readonly Probe[], results: ReadonlyMap<Probe, ProbeResult>): void {
  const rows = SCORE_GRID.map((t, i) => {
    const recall = (prefix: string): string => {
      const derived = probes.filter((p) => p.group.startsWith(prefix));
      return fmt(derived.filter((p) => (results.get(p)!.sourceScore ?? -1) >= t).length / derived.length, 3);
    };
    const found = spread(probes.map((p) => results.get(p)!.foundAtScore[i]!));
    return [String(t), fmt(found.median, 0), fmt(found.p95, 0), recall('planted'), recall('llm')];
  });
  const skipped = spread(probes.map((p) => results.get(p)!.bandsSkipped));
  console.log(`keys skipped as too common per article: p50 ${skipped.median}, p95 ${skipped.p95}`);
  printTable(['minCandidateScore', 'found p50', 'found p95', 'planted cand recall', 'llm cand recall'], rows);
}

function valuesOf(
  results: ReadonlyMap<Probe, ProbeResult>,
  probes: readonly Probe[],
  field: 'found' | 'ms' | 'cpuMs' | 'queryBands' | 'bandsSkipped',
): number[] {
  return probes.map((p) => results.get(p)![field]);
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function log(message: string): void {
  console.error(`candidates: ${message}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
