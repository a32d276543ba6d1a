import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { ConfigError } from '../errors.js';
import type { DetectorParams } from '../detect/detector-params.js';
import type { Verification } from '../detect/judge-article.js';
import { checkArticle } from '../use-cases/check-article.js';
import { ingestArticle } from '../use-cases/ingest-article.js';
import { MemoryObjectStore } from '../store/memory-object-store.js';
import { MemoryLshIndex } from '../store/memory-lsh-index.js';
import { LocalFileArticleSource } from '../store/local-file-article-source.js';
import { isFile } from '../util/path-kind.js';

/** One row of a corpus's labels.tsv. */
export interface LabelRow {
  readonly article: string;
  readonly label: string;
  readonly derived: boolean;
  readonly sources: readonly string[];
}

/** Figures of the protocol in shared/corpora/README.md; null where the denominator is empty. */
export interface EvalResult {
  readonly precision: number | null;
  readonly recall: number | null;
  readonly falseAlarmRate: number | null;
  readonly f1Derived: number | null;
  readonly f1Independent: number | null;
  readonly macroF1: number | null;
  readonly recallByLabel: Record<string, number | null>;
  readonly articles: number;
  readonly sources: number;
  readonly seconds: number;
}

/** Per-article outcome, for error analysis. */
export interface EvalOutcome {
  readonly row: LabelRow;
  readonly flagged: readonly string[];
  readonly correct: boolean;
}

/** Parses labels.tsv (header: article, label, derived, sources). */
export function parseLabels(tsv: string): LabelRow[] {
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines.shift()?.split('\t') ?? [];
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new ConfigError(`labels.tsv has no "${name}" column (columns: ${header.join(', ')})`);
    return i;
  };
  const [a, l, d, s] = [col('article'), col('label'), col('derived'), col('sources')];
  return lines.map((line, n) => {
    const cells = line.split('\t');
    const derived = cells[d];
    if (derived !== '0' && derived !== '1')
      throw new ConfigError(`labels.tsv line ${n + 2}: derived must be 0 or 1, got ${JSON.stringify(derived)}`);
    return {
      article: cells[a] ?? '',
      label: cells[l] ?? '',
      derived: derived === '1',
      sources: (cells[s] ?? '').split(';').filter((x) => x !== ''),
    };
  });
}

/** One checked article: its outcome and, when it was verified, the evidence its verdicts came from. */
export interface CheckedArticle extends EvalOutcome {
  readonly verification?: Verification;
}

/** Runs the protocol: ingest every source once in sorted order, then check each article without indexing it. */
export async function evaluateCorpus(
  dir: string,
  params: DetectorParams,
  onProgress?: (done: number, total: number) => void,
): Promise<{ result: EvalResult; outcomes: CheckedArticle[] }> {
  const started = performance.now();
  const rows = parseLabels(await readFile(join(dir, 'labels.tsv'), 'utf8'));
  await expectCorpusFiles(dir, rows);
  const sources = [...new Set(rows.flatMap((r) => r.sources))].sort();
  const source = new LocalFileArticleSource((key) => join(dir, key));
  const deps = {
    store: new MemoryObjectStore(),
    index: new MemoryLshIndex(),
    source,
    params,
    preparedCache: new Map(),
  };
  const total = sources.length + rows.length;
  let done = 0;
  for (const [i, key] of sources.entries()) {
    const bytes = await readFile(join(dir, key));
    await ingestArticle(deps, { key, bytes, order: `${String(i).padStart(9, '0')}|${key}` });
    onProgress?.(++done, total);
  }
  const outcomes: CheckedArticle[] = [];
  for (const row of rows) {
    const { report, verification } = await checkArticle(deps, {
      key: row.article,
      bytes: await readFile(join(dir, row.article)),
    });
    const flagged = report.matches.map((m) => m.key);
    outcomes.push({ ...outcomeOf(row, flagged), ...(verification ? { verification } : {}) });
    onProgress?.(++done, total);
  }
  return { result: summarise(outcomes, sources.length, (performance.now() - started) / 1000), outcomes };
}

/**
 * Checks, before any work, that every text labels.tsv names is a file inside the corpus folder:
 * a typo found after an hour of indexing, as a raw ENOENT, is no way to learn it.
 */
async function expectCorpusFiles(dir: string, rows: readonly LabelRow[]): Promise<void> {
  const problems: string[] = [];
  const checked = new Set<string>();
  for (const [i, row] of rows.entries()) {
    for (const path of [row.article, ...row.sources]) {
      if (checked.has(path)) continue;
      checked.add(path);
      // a row's line: the header is line 1 (blank lines, skipped by parseLabels, are not counted)
      const where = `${JSON.stringify(path)} (row ${i + 1})`;
      if (path === '' || isAbsolute(path) || path.split(/[\\/]/).includes('..'))
        problems.push(`${where} is not a path inside the corpus folder`);
      else if (!(await isFile(join(dir, path)))) problems.push(`${where} is not a file in ${dir}`);
    }
  }
  if (problems.length === 0) return;
  const shown = problems.slice(0, MAX_LISTED);
  const more = problems.length > shown.length ? `; and ${problems.length - shown.length} more` : '';
  throw new ConfigError(`labels.tsv names texts that cannot be read: ${shown.join('; ')}${more}`);
}

/** Problems listed by name in one message; the rest are counted. */
const MAX_LISTED = 5;

/** Whether flagging `flagged` is right for the row: a derived article must name one of its sources, an independent one none. */
export function outcomeOf(row: LabelRow, flagged: readonly string[]): EvalOutcome {
  return { row, flagged, correct: row.derived ? flagged.some((k) => row.sources.includes(k)) : flagged.length === 0 };
}

/** Precision, recall, false alarms and F1 of both classes from per-article outcomes. */
export function summarise(outcomes: readonly EvalOutcome[], sourceCount: number, seconds: number): EvalResult {
  const derived = outcomes.filter((o) => o.row.derived);
  const independent = outcomes.filter((o) => !o.row.derived);
  const found = derived.filter((o) => o.correct).length;
  const flagged = outcomes.filter((o) => o.flagged.length > 0).length;
  const falseAlarms = independent.filter((o) => o.flagged.length > 0).length;
  const quietIndependent = independent.length - falseAlarms;
  const notFlagged = outcomes.length - flagged;
  const precision = ratio(found, flagged);
  const recall = ratio(found, derived.length);
  const f1Derived = f1(precision, recall);
  const f1Independent = f1(ratio(quietIndependent, notFlagged), ratio(quietIndependent, independent.length));
  const labels = [...new Set(outcomes.map((o) => o.row.label))].sort();
  const recallByLabel: Record<string, number | null> = {};
  for (const label of labels) {
    const rows = outcomes.filter((o) => o.row.label === label);
    recallByLabel[label] = ratio(rows.filter((o) => o.correct).length, rows.length);
  }
  return {
    precision: r4(precision),
    recall: r4(recall),
    falseAlarmRate: r4(ratio(falseAlarms, independent.length)),
    f1Derived: r4(f1Derived),
    f1Independent: r4(f1Independent),
    macroF1: r4(f1Derived !== null && f1Independent !== null ? (f1Derived + f1Independent) / 2 : null),
    recallByLabel: Object.fromEntries(Object.entries(recallByLabel).map(([k, v]) => [k, r4(v)])),
    articles: outcomes.length,
    sources: sourceCount,
    seconds: Math.round(seconds * 100) / 100,
  };
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

function f1(p: number | null, r: number | null): number | null {
  if (p === null || r === null) return null;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function r4(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10000) / 10000;
}
