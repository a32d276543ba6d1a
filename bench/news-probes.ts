import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, sketchText } from '../lib/detect/sketch-text.js';
import { indexBandKeys } from '../lib/detect/candidate-keys.js';
import { FINGERPRINT_FORMAT_VERSION } from '../lib/detect/fingerprint-record.js';
import type { DetectorParams } from '../lib/detect/detector-params.js';
import { evaluateCorpus, parseLabels } from '../lib/eval/evaluate-corpus.js';
import { replaceInIndex } from '../lib/use-cases/fingerprint-index.js';
import { prepareArticle } from '../lib/use-cases/prepare-article.js';
import type { DetectDeps } from '../lib/use-cases/use-case-deps.js';
import { firstNearCopyPosition, longestSharedRun, readNewsBackground, type NewsArticle } from './news-background.js';
import { spin, type RewriteKind } from './planted-rewrites.js';

/** A held-back article this close to one indexed article is a printed copy, not a negative. */
export const NEAR_COPY_SHARE = 0.2;

/**
 * A flagged negative sharing a run of this many words verbatim with a source it was matched to
 * reuses a passage (an outlet's own earlier paragraphs, wire background, a statement quoted
 * whole) under NEAR_COPY_SHARE: counted apart, as a breakdown of the false alarms, not instead of them.
 */
export const SHARED_PASSAGE_WORDS = 15;

const KINDS: readonly RewriteKind[] = ['copy', 'light', 'heavy'];

/** One article checked at every index size, and what counts as finding it. */
export interface Probe {
  readonly group: 'planted-copy' | 'planted-light' | 'planted-heavy' | 'llm' | 'negative';
  /** Name under the checking prefix. */
  readonly name: string;
  readonly text: string;
  /** The indexed key of its true source (derived probes). */
  readonly sourceKey?: string;
  /** Negatives: from this many background articles indexed on, a near copy is indexed. */
  readonly nearCopyFrom?: number;
}

/** How many probes of each kind, and where the corpora are. */
export interface ProbeConfig {
  readonly corpora: string;
  readonly maxSize: number;
  readonly planted: number;
  readonly llm: number;
  readonly negatives: number;
  readonly seed: number;
}

/** The background to index, the PolitiFact sources to plant in it, and the probes to check against it. */
export interface NewsProbes {
  /** Every article read, background first then the held-back pool. */
  readonly all: readonly NewsArticle[];
  readonly background: readonly NewsArticle[];
  /** PolitiFact source files (keys under politifact/) and their texts. */
  readonly llmSources: ReadonlyArray<{ readonly key: string; readonly text: string }>;
  readonly probes: readonly Probe[];
}

/**
 * Reads `maxSize` background articles of ../shared/corpora/news-background and builds the probes:
 * copies and light / heavy spins (bench/planted-rewrites.ts) of the first indexed ones, LLM
 * rewrites of the llm-restyled-politifact sources, and held-back background articles as
 * negatives, each with the index size from which a near copy of it is indexed.
 */
export function newsProbes(config: ProbeConfig): NewsProbes {
  const all = readNewsBackground(join(config.corpora, 'news-background'), config.maxSize + config.negatives * 2);
  if (all.length < config.maxSize + config.negatives)
    throw new RangeError(
      `news-background has ${all.length} articles, need ${config.maxSize} + ${config.negatives} held back`,
    );
  const background = all.slice(0, config.maxSize);
  const politifactDir = join(config.corpora, 'llm-restyled-politifact');
  const rows = parseLabels(readFileSync(join(politifactDir, 'labels.tsv'), 'utf8'));
  const derived = rows.filter((r) => r.derived);
  const llmRows = derived
    .filter((_, i) => i % Math.max(1, Math.floor(derived.length / config.llm)) === 0)
    .slice(0, config.llm);
  const probes: Probe[] = [];
  for (let i = 0; i < Math.min(config.planted, background.length); i++) {
    const kind = KINDS[i % KINDS.length]!;
    probes.push({
      group: `planted-${kind}`,
      name: `planted/${background[i]!.id}-${kind}.txt`,
      text: spin(background[i]!.text, kind, config.seed + i),
      sourceKey: backgroundKey(background[i]!),
    });
  }
  for (const row of llmRows)
    probes.push({
      group: 'llm',
      name: row.article,
      text: readFileSync(join(politifactDir, row.article), 'utf8'),
      sourceKey: `politifact/${row.sources[0]!}`,
    });
  const pool = all.slice(config.maxSize, config.maxSize + Math.round(config.negatives * 1.5));
  const nearFrom = firstNearCopyPosition(
    pool.map((a) => a.text),
    background.map((a) => a.text),
    NEAR_COPY_SHARE,
  );
  pool
    .slice(0, config.negatives)
    .forEach((a, i) =>
      probes.push({ group: 'negative', name: `held-back/${a.id}.txt`, text: a.text, nearCopyFrom: nearFrom[i]! }),
    );
  const llmSources = [...new Set(derived.flatMap((r) => r.sources))]
    .sort()
    .map((key) => ({ key: `politifact/${key}`, text: readFileSync(join(politifactDir, key), 'utf8') }));
  return { all, background, llmSources, probes };
}

/**
 * The detector's recall on llm-restyled-politifact's own small index (`rewrite-radar eval`'s
 * protocol), over the whole corpus and over the LLM probes alone: the side-by-side figure that
 * the probes' recall at scale is held against.
 */
export async function smallIndexLlmRecall(
  corpora: string,
  params: DetectorParams,
  probes: readonly Probe[],
): Promise<{ corpus: number; probes: number }> {
  const { result, outcomes } = await evaluateCorpus(join(corpora, 'llm-restyled-politifact'), params);
  const names = new Set(probes.filter((p) => p.group === 'llm').map((p) => p.name));
  const checked = outcomes.filter((o) => names.has(o.row.article));
  if (checked.length !== names.size)
    throw new RangeError(`the eval checked ${checked.length} of the ${names.size} LLM probes`);
  return { corpus: result.recall ?? 0, probes: checked.filter((o) => o.correct).length / checked.length };
}

/** Every indexed text by its key: the background articles and the PolitiFact sources. */
export function indexedTexts(
  background: readonly NewsArticle[],
  llmSources: ReadonlyArray<{ key: string; text: string }>,
): Map<string, string> {
  return new Map([
    ...background.map((a): [string, string] => [backgroundKey(a), a.text]),
    ...llmSources.map((s): [string, string] => [s.key, s.text]),
  ]);
}

/** The flagged negatives sharing SHARED_PASSAGE_WORDS words or more verbatim with a source they were matched to. */
export function flaggedSharingPassage<P extends Probe>(
  negatives: readonly P[],
  matchedOf: (p: P) => readonly string[],
  indexed: ReadonlyMap<string, string>,
): P[] {
  return negatives.filter((p) =>
    matchedOf(p).some((key) => longestSharedRun(p.text, indexed.get(key) ?? '') >= SHARED_PASSAGE_WORDS),
  );
}

/** Negatives whose near copy is not yet indexed when `size` background articles are. */
export function usableNegatives<P extends Probe>(probes: readonly P[], size: number): P[] {
  return probes.filter((p) => p.group === 'negative' && (p.nearCopyFrom ?? Infinity) >= size);
}

/** Where a background article is indexed. */
export function backgroundKey(a: NewsArticle): string {
  return `background/${a.id}.txt`;
}

/**
 * The ingest's indexing step alone (no query, no verification): stores the fingerprint, then its
 * index entries, through whatever adapters `deps` holds. Returns how many entries it wrote.
 */
export async function indexOnly(deps: DetectDeps, key: string, text: string, order: string): Promise<number> {
  const prepared = prepareArticle(key, Buffer.from(text, 'utf8'), deps.params);
  const sketch = sketchText(prepared.text, deps.params);
  const keys = indexBandKeys(sketch, deps.params);
  await replaceInIndex(
    deps,
    {
      formatVersion: FINGERPRINT_FORMAT_VERSION,
      key,
      title: prepared.title,
      text: prepared.text,
      contentHash: contentHash(prepared.text),
      wordCount: sketch.model.tokens.count,
      signature: sketch.signature,
      bandKeys: keys,
      order,
    },
    undefined,
  );
  return keys.length;
}

/** Varied real text just under maxBytes: background articles joined until the next would not fit. */
export function bigArticle(articles: readonly NewsArticle[], maxBytes: number): Buffer {
  const parts: string[] = [];
  let bytes = 0;
  for (const a of articles) {
    const n = Buffer.byteLength(a.text, 'utf8') + 2;
    if (bytes + n > maxBytes - 1024) break;
    parts.push(a.text);
    bytes += n;
  }
  return Buffer.from(parts.join('\n\n'), 'utf8');
}

/** Least squares of log y on log x: y ~ a x^b (points with y = 0 count as y = 0.5). */
export function fitPowerLaw(points: ReadonlyArray<readonly [number, number]>): {
  logA: number;
  exponent: number;
  at: (x: number) => number;
} {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(Math.max(0.5, y)));
  const mx = mean(xs);
  const my = mean(ys);
  const sxx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const b = sxx > 0 ? xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / sxx : 0;
  const logA = my - b * mx;
  return { logA, exponent: b, at: (x) => Math.exp(logA + b * Math.log(x)) };
}

/** Arithmetic mean (NaN of nothing). */
export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** 1000 -> "1k", 50000 -> "50k", 2000000 -> "2M", 1500 -> "1500": the suffix of a per-size figure's name. */
export function sizeTag(n: number): string {
  return n >= 1_000_000 && n % 1_000_000 === 0
    ? `${n / 1_000_000}M`
    : n >= 1000 && n % 1000 === 0
      ? `${n / 1000}k`
      : String(n);
}
