/**
 * `npm run bench:candidate-recall`: on each labelled corpus of ../shared/corpora (or the folders
 * given as arguments), indexes the sources as the eval protocol does and reports the share of
 * derived articles whose true source is among the candidates, before the maxCandidates cut and
 * after it, per label, with candidates found per article. Candidate recall bounds detection recall.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { indexArticle } from '../lib/use-cases/index-article.js';
import { prepareArticle } from '../lib/use-cases/prepare-article.js';
import type { DetectDeps } from '../lib/use-cases/use-case-deps.js';
import { queryBandKeys } from '../lib/detect/candidate-keys.js';
import { bandLimits, scoreCandidates } from '../lib/detect/rank-candidates.js';
import { MAX_ENTRIES_PER_BAND } from '../lib/store/ports.js';
import { sketchText } from '../lib/detect/sketch-text.js';
import { detectorParams } from '../lib/detect/detector-params.js';
import { parseLabels } from '../lib/eval/evaluate-corpus.js';
import { MemoryLshIndex } from '../lib/store/memory-lsh-index.js';
import { MemoryObjectStore } from '../lib/store/memory-object-store.js';
import { spread } from './measure.js';
import { fmt, printTable } from './print-table.js';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..', '..', 'shared', 'corpora');
  const dirs =
    process.argv.length > 2
      ? process.argv.slice(2)
      : readdirSync(root)
          .map((d) => join(root, d))
          .filter((d) => existsSync(join(d, 'labels.tsv')));
  const figures: Record<string, unknown> = {};
  for (const dir of dirs) {
    const rows = parseLabels(readFileSync(join(dir, 'labels.tsv'), 'utf8'));
    const params = detectorParams();
    const deps: DetectDeps = {
      store: new MemoryObjectStore(),
      index: new MemoryLshIndex(),
      params,
      preparedCache: new Map(),
    };
    const sources = [...new Set(rows.flatMap((r) => r.sources))].sort();
    for (const [i, key] of sources.entries())
      await indexArticle(deps, {
        key,
        bytes: readFileSync(join(dir, key)),
        order: `${String(i).padStart(9, '0')}|${key}`,
      });
    const byLabel = new Map<string, { n: number; all: number; top: number }>();
    const found: number[] = [];
    for (const row of rows.filter((r) => r.derived)) {
      let text: string;
      try {
        text = prepareArticle(row.article, readFileSync(join(dir, row.article)), params).text;
      } catch {
        text = '';
      }
      const sketch = text === '' ? undefined : sketchText(text, params);
      const limits = bandLimits(params, await deps.index.size(), MAX_ENTRIES_PER_BAND);
      const candidates = sketch
        ? scoreCandidates(
            await deps.index.readBands(queryBandKeys(sketch, params), limits.cap),
            limits,
            row.article,
          ).candidates.map((c) => c.key)
        : [];
      found.push(candidates.length);
      const stat = byLabel.get(row.label) ?? { n: 0, all: 0, top: 0 };
      stat.n++;
      if (candidates.some((k) => row.sources.includes(k))) stat.all++;
      if (candidates.slice(0, params.maxCandidates).some((k) => row.sources.includes(k))) stat.top++;
      byLabel.set(row.label, stat);
    }
    const name = dir.split('/').pop()!;
    const total = [...byLabel.values()].reduce((t, s) => ({ n: t.n + s.n, all: t.all + s.all, top: t.top + s.top }), {
      n: 0,
      all: 0,
      top: 0,
    });
    console.log(
      `\n${name}: ${sources.length} sources indexed, candidates found per derived article p50 ${spread(found).median}, p95 ${spread(found).p95}`,
    );
    printTable(
      ['label', 'n', 'source in candidates', 'in top maxCandidates'],
      [...[...byLabel].sort(([a], [b]) => (a < b ? -1 : 1)), ['all derived', total] as const].map(([label, s]) => [
        label,
        String(s.n),
        fmt(s.all / s.n, 4),
        fmt(s.top / s.n, 4),
      ]),
    );
    figures[name] = {
      candidateRecall: total.all / total.n,
      candidateRecallTop: total.top / total.n,
      foundP50: spread(found).median,
    };
  }
  console.log(JSON.stringify(figures));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
