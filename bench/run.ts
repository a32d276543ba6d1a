/**
 * `npm run bench`: signature speed against the npm `minhash` package, the whole sketch path,
 * MinHash estimator error and one corpus evaluation. Prints a table, then one JSON line of figures.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { minhash } from '../lib/sketch/minhash.js';
import { indexBandKeys, queryBandKeys } from '../lib/detect/candidate-keys.js';
import { tokenize, STOP } from '../lib/text/tokenize.js';
import { cleanText } from '../lib/text/clean-text.js';
import { contentTerms } from '../lib/detect/fingerprint.js';
import { sketchText, type SketchedText } from '../lib/detect/sketch-text.js';
import { DEFAULT_DETECTOR_PARAMS } from '../lib/detect/detector-params.js';
import { evaluateCorpus } from '../lib/eval/evaluate-corpus.js';
import { syntheticArticles } from './synthetic-articles.js';
import { measureJaccardError } from './jaccard-error.js';
import { measureRate, measureSeconds, peakRssMb, sampleRss, type Summary } from './measure.js';
import { measureBundle } from './measure-bundle.js';
import { commonKeyReadsMemory } from './measure-common-key-memory.js';
import { MAX_ARTICLE_KEY_BYTES } from '../lib/store/keys.js';
import { fmt, printTable, round } from './print-table.js';

/** The part of the npm `minhash` package (untyped CommonJS) the benchmark uses. */
interface NpmMinhash {
  update(s: string): void;
  hashvalues: number[];
}
type NpmMinhashConstructor = new (config: { numPerm: number }) => NpmMinhash;

const ARTICLES = 2000;
const WORDS_PER_ARTICLE = 800;
const VOCABULARY = 4000;
const NUM_PERM = 128;
const REPETITIONS = 5;
/** The npm package costs k string hashes per word, so it is timed on a subset; rates are per signature. */
const NPM_SUBSET = 200;
const JACCARD_LEVELS = [0.1, 0.3, 0.5, 0.8] as const;
const JACCARD_TRIALS = 2000;
const JACCARD_SET_SIZE = 300;

/** Characters of a typical article key ("incoming/2026/12/04/site/story-slug.html"); the longest accepted is MAX_ARTICLE_KEY_BYTES. */
const TYPICAL_KEY_CHARS = 40;

const TARGETS = {
  speedup: 100,
  sketchDocsPerSec: 10_000,
  evalSeconds: 20,
  llmEvalSeconds: 60,
  bundleBytes: 500 * 1024,
  coldInitMs: 150,
} as const;

async function main(): Promise<void> {
  const repoRoot = resolve(__dirname, '..', '..');
  const params = DEFAULT_DETECTOR_PARAMS;
  const rows: string[][] = [];
  const notes: string[] = [];

  const articles = syntheticArticles({
    articles: ARTICLES,
    wordsPerArticle: WORDS_PER_ARTICLE,
    vocabularySize: VOCABULARY,
    seed: 20240601,
  });
  // Features are prepared outside the timed loops: these two rows time the signature step alone.
  const terms = articles.map((text) => contentTerms(tokenize(text)));
  const words = articles.slice(0, NPM_SUBSET).map((text) => {
    const tokens = tokenize(text);
    const out: string[] = [];
    for (let i = 0; i < tokens.count; i++)
      if ((tokens.flags[i]! & STOP) === 0) out.push(text.slice(tokens.start[i]!, tokens.end[i]!).toLowerCase());
    return out;
  });
  const meanTerms = terms.reduce((n, t) => n + t.length, 0) / terms.length;
  sampleRss();

  const ours = measureRate(ARTICLES, REPETITIONS, () => {
    let check = 0;
    for (const t of terms) check ^= minhash(t, t.length, NUM_PERM, params.seed).values[0]!;
    return check;
  });

  const NpmMinhashClass = loadNpmMinhash();
  const npm = measureRate(NPM_SUBSET, REPETITIONS, () => {
    let check = 0;
    for (const list of words) {
      const m = new NpmMinhashClass({ numPerm: NUM_PERM });
      for (const w of list) m.update(w);
      check ^= m.hashvalues[0]!;
    }
    return check;
  });
  const speedup = ours.median / npm.median;

  const sketch = measureRate(ARTICLES, REPETITIONS, () => {
    let check = 0;
    for (const raw of articles) {
      const clean = cleanText(raw);
      const sketched = sketchText(clean.text, params);
      check = (check + sketched.signature.values[0]! + candidateKeyCount(sketched)) >>> 0;
    }
    return check;
  });

  // the same path stage by stage, to show where its time goes
  const cleaned = articles.map((raw) => cleanText(raw).text);
  const sketches = cleaned.map((text) => sketchText(text, params));
  const stageClean = measureRate(ARTICLES, REPETITIONS, () => {
    let check = 0;
    for (const raw of articles) check = (check + cleanText(raw).text.length) >>> 0;
    return check;
  });
  const stageSketch = measureRate(ARTICLES, REPETITIONS, () => {
    let check = 0;
    for (const text of cleaned) check = (check + sketchText(text, params).signature.values[0]!) >>> 0;
    return check;
  });
  const stageKeys = measureRate(ARTICLES, REPETITIONS, () => {
    let check = 0;
    for (const sketched of sketches) check = (check + candidateKeyCount(sketched)) >>> 0;
    return check;
  });

  rows.push(['signatures/s, ours (minhash(), k=128)', ...rate(ours), '', '']);
  rows.push([`signatures/s, npm minhash (${NPM_SUBSET} docs)`, ...rate(npm), '', '']);
  rows.push([
    'speedup ours / npm minhash',
    '',
    `${speedup.toFixed(0)}x`,
    '',
    `>= ${TARGETS.speedup}x`,
    passMiss(speedup >= TARGETS.speedup),
  ]);
  rows.push([
    'sketch docs/s (clean+sketch+candidate keys)',
    ...rate(sketch),
    `>= ${TARGETS.sketchDocsPerSec}`,
    passMiss(sketch.median >= TARGETS.sketchDocsPerSec),
  ]);
  rows.push(['  stage cleanText docs/s', ...rate(stageClean), '', '']);
  rows.push(['  stage sketchText docs/s (tokens..MinHash)', ...rate(stageSketch), '', '']);
  rows.push(['  stage candidate keys docs/s (index + query)', ...rate(stageKeys), '', '']);

  const jaccard = measureJaccardError(JACCARD_LEVELS, JACCARD_SET_SIZE, JACCARD_TRIALS, NUM_PERM, 7);
  let pooledSq = 0;
  let pooledBias = 0;
  for (const level of jaccard) {
    pooledSq += level.rmse * level.rmse * level.trials;
    pooledBias += level.bias * level.trials;
    const ratio = level.rmse / level.theory;
    rows.push([
      `Jaccard ${level.target} (exact ${level.exact.toFixed(4)}): RMSE | bias`,
      '',
      `${level.rmse.toFixed(4)} | ${signed(level.bias)}`,
      '',
      `theory ${level.theory.toFixed(4)}`,
      `${ratio.toFixed(2)}x theory`,
    ]);
  }
  const totalTrials = jaccard.reduce((n, l) => n + l.trials, 0);
  const jaccardRmse = Math.sqrt(pooledSq / totalTrials);
  const jaccardBias = pooledBias / totalTrials;

  /** Times `eval` of one labelled corpus beside the project, adding its rows; undefined when the corpus is absent. */
  async function timeEvaluation(
    name: string,
    targetSeconds: number,
    field: string,
  ): Promise<{ seconds: Summary; macroF1: number | null } | undefined> {
    const dir = resolve(repoRoot, '..', 'shared', 'corpora', name);
    if (!existsSync(resolve(dir, 'labels.tsv'))) {
      notes.push(`${name} corpus not found at ${dir}: evaluation skipped (${field} null)`);
      rows.push([`${name} evaluation, seconds`, '', 'n/a', '', `< ${targetSeconds}`, 'skipped']);
      return undefined;
    }
    const seconds = await measureSeconds(REPETITIONS, () => evaluateCorpus(dir, params));
    const r = seconds.last.result;
    rows.push([
      `${name} evaluation, seconds`,
      fmt(seconds.min, 2),
      fmt(seconds.median, 2),
      fmt(seconds.max, 2),
      `< ${targetSeconds}`,
      passMiss(seconds.median < targetSeconds),
    ]);
    rows.push([`${name} macroF1 (${r.articles} articles, ${r.sources} sources)`, '', String(r.macroF1), '', '', '']);
    return { seconds, macroF1: r.macroF1 };
  }

  // the evaluation awaits file reads, so a timer can sample memory while it runs
  const timer = setInterval(sampleRss, 50);
  const meter = await timeEvaluation('meter-courts', TARGETS.evalSeconds, 'meterCourtsEvalSeconds');
  clearInterval(timer);
  const llm = await timeEvaluation('llm-restyled-politifact', TARGETS.llmEvalSeconds, 'llmRestyledEvalSeconds');
  const evalSeconds = meter?.seconds;
  const macroF1 = meter?.macroF1 ?? null;
  const llmEvalSeconds = llm?.seconds;
  sampleRss();
  rows.push(['peak RSS, MiB (sampled)', '', peakRssMb().toFixed(0), '', '', '']);

  const bundle = await measureBundle();
  rows.push([
    'bundled handler, bytes',
    '',
    fmt(bundle.bundleBytes, 0),
    '',
    `< ${fmt(TARGETS.bundleBytes, 0)}`,
    passMiss(bundle.bundleBytes < TARGETS.bundleBytes),
  ]);
  rows.push([
    'cold init of the bundle, ms (fresh node)',
    '',
    fmt(bundle.coldInitMs, 1),
    '',
    `< ${TARGETS.coldInitMs}`,
    passMiss(bundle.coldInitMs < TARGETS.coldInitMs),
  ]);
  const reuseTypical = commonKeyReadsMemory(TYPICAL_KEY_CHARS);
  const reuseLongest = commonKeyReadsMemory(MAX_ARTICLE_KEY_BYTES);
  rows.push([
    `common keys' reads when full (${fmt(reuseTypical.entries, 0)} entries), heap MiB: ${TYPICAL_KEY_CHARS} / ${MAX_ARTICLE_KEY_BYTES}-character keys`,
    '',
    `${fmt(reuseTypical.heapMb, 1)} / ${fmt(reuseLongest.heapMb, 1)}`,
    '',
    '',
    '',
  ]);
  console.log(
    `rewrite-radar bench: ${ARTICLES} synthetic articles x ~${WORDS_PER_ARTICLE} words (${meanTerms.toFixed(0)} content terms each), k=${NUM_PERM}, ${REPETITIONS} runs after 1 warm-up, Node ${process.version}`,
  );
  console.log('');
  printTable(['measure', 'min', 'median', 'max', 'target', 'status'], rows);
  console.log('');
  for (const n of notes) console.log(`note: ${n}`);
  console.log(`checksums: ${[ours, npm, sketch, stageClean, stageSketch, stageKeys].map((m) => m.checksum).join(' ')}`);
  console.log(
    JSON.stringify({
      minhashSpeedupVsNpmMinhash: round(speedup, 1),
      oursSignaturesPerSec: Math.round(ours.median),
      npmMinhashSignaturesPerSec: round(npm.median, 1),
      sketchDocsPerSec: Math.round(sketch.median),
      sketchStageDocsPerSec: {
        cleanText: Math.round(stageClean.median),
        sketchText: Math.round(stageSketch.median),
        candidateKeys: Math.round(stageKeys.median),
      },
      minhashJaccardRmse: round(jaccardRmse, 5),
      minhashJaccardBias: round(jaccardBias, 5),
      minhashJaccardRmseByLevel: Object.fromEntries(jaccard.map((l) => [String(l.target), round(l.rmse, 5)])),
      minhashJaccardTheoryByLevel: Object.fromEntries(jaccard.map((l) => [String(l.target), round(l.theory, 5)])),
      meterCourtsEvalSeconds: evalSeconds === undefined ? null : round(evalSeconds.median, 2),
      meterCourtsMacroF1: macroF1,
      llmRestyledEvalSeconds: llmEvalSeconds === undefined ? null : round(llmEvalSeconds.median, 2),
      peakRssMb: Math.round(peakRssMb()),
      bundleBytes: bundle.bundleBytes,
      coldInitMs: round(bundle.coldInitMs, 1),
      commonKeyReadsHeapMb: { typicalKeys: round(reuseTypical.heapMb, 1), longestKeys: round(reuseLongest.heapMb, 1) },
      articles: ARTICLES,
      wordsPerArticle: WORDS_PER_ARTICLE,
      numPerm: NUM_PERM,
      repetitions: REPETITIONS,
    }),
  );
}

/** The keys the article-created handler computes for one article: its index keys and its query keys. */
function candidateKeyCount(sketched: SketchedText): number {
  return (
    indexBandKeys(sketched, DEFAULT_DETECTOR_PARAMS).length + queryBandKeys(sketched, DEFAULT_DETECTOR_PARAMS).length
  );
}

function loadNpmMinhash(): NpmMinhashConstructor {
  const req = createRequire(__filename);
  return (req('minhash') as { Minhash: NpmMinhashConstructor }).Minhash;
}

function rate(s: Summary): [string, string, string] {
  return [fmt(s.min, 0), fmt(s.median, 0), fmt(s.max, 0)];
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
}

function passMiss(ok: boolean): string {
  return ok ? 'pass' : 'MISS';
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
