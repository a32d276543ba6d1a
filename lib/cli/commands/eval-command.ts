import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { evaluateCorpus, type EvalOutcome, type EvalResult } from '../../eval/evaluate-corpus.js';
import type { CliContext } from '../cli-context.js';
import { requireCorpus, requireWritable } from '../corpus-args.js';
import { ProgressBar } from '../progress-bar.js';
import { UsageError } from '../usage-error.js';

/** `eval CORPUS_DIR`: the evaluation protocol of shared/corpora on one corpus. */
export async function evalCommand(
  ctx: CliContext,
  args: readonly string[],
  options: { errorsFile?: string },
): Promise<number> {
  const [dir] = args;
  if (args.length !== 1 || dir === undefined)
    throw new UsageError(`eval takes one corpus folder, got ${args.length} arguments`);
  await requireCorpus(ctx.cwd, dir, 'eval');
  if (options.errorsFile !== undefined) await requireWritable(ctx.cwd, options.errorsFile, '--errors');
  const bar = ctx.showProgress ? new ProgressBar(ctx.err, 'eval') : undefined;
  let run: { result: EvalResult; outcomes: EvalOutcome[] };
  try {
    run = await evaluateCorpus(dir, ctx.params, bar ? (done, total) => bar.update(done, total) : undefined);
  } finally {
    bar?.finish();
  }
  if (options.errorsFile !== undefined) await writeFile(resolve(ctx.cwd, options.errorsFile), errorsTsv(run.outcomes));
  const r = run.result;
  if (ctx.json) {
    // spelled out so the documented keys, and only they, are printed whatever EvalResult grows
    const {
      precision,
      recall,
      falseAlarmRate,
      f1Derived,
      f1Independent,
      macroF1,
      recallByLabel,
      articles,
      sources,
      seconds,
    } = r;
    ctx.out(
      `${JSON.stringify({ precision, recall, falseAlarmRate, f1Derived, f1Independent, macroF1, recallByLabel, articles, sources, seconds })}\n`,
    );
    return 0;
  }
  const row = (name: string, value: number | null): string =>
    `${name.padEnd(20)} ${value === null ? 'n/a' : value.toFixed(4)}`;
  const lines = [
    row('precision', r.precision),
    row('recall', r.recall),
    row('false-alarm rate', r.falseAlarmRate),
    row('F1 derived', r.f1Derived),
    row('F1 independent', r.f1Independent),
    row('macro-F1', r.macroF1),
    'recall by label:',
    ...Object.entries(r.recallByLabel).map(([label, v]) => row(`  ${label}`, v)),
    `${'articles'.padEnd(20)} ${r.articles}`,
    `${'sources'.padEnd(20)} ${r.sources}`,
    `${'seconds'.padEnd(20)} ${r.seconds}`,
  ];
  if (options.errorsFile !== undefined) lines.push(`misjudged articles written to ${options.errorsFile}`);
  ctx.out(lines.join('\n') + '\n');
  return 0;
}

/** Misjudged articles as TSV: label, article, derived, expected sources, flagged sources. */
function errorsTsv(outcomes: readonly EvalOutcome[]): string {
  const cell = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');
  const rows = outcomes
    .filter((o) => !o.correct)
    .map((o) =>
      [o.row.label, o.row.article, o.row.derived ? '1' : '0', o.row.sources.join(';'), o.flagged.join(';')]
        .map(cell)
        .join('\t'),
    );
  return ['label\tarticle\tderived\tsources\tflagged', ...rows].join('\n') + '\n';
}
