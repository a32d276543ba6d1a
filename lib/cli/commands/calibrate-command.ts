import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { evaluateCorpus } from '../../eval/evaluate-corpus.js';
import type { EvalResult } from '../../eval/evaluate-corpus.js';
import { calibrateThresholds } from '../../eval/calibrate-thresholds.js';
import { VERDICT_PARAM_NAMES } from '../../detect/verdict-params.js';
import type { CliContext } from '../cli-context.js';
import { requireCorpus, requireWritable } from '../corpus-args.js';
import { ProgressBar } from '../progress-bar.js';
import { UsageError } from '../usage-error.js';
import { decimalNumber } from '../../util/decimal-number.js';

/** Folds of calibrate's cross-validation. */
const FOLDS = 5;

/**
 * `calibrate CORPUS_DIR [--max-false-alarms X] [--out FILE]`: verifies the labelled sample once,
 * fits the verdict thresholds on it, prints in-sample and cross-validated figures and writes the
 * params file (`--params-file`, DETECTOR_PARAMS).
 */
export async function calibrateCommand(
  ctx: CliContext,
  args: readonly string[],
  options: { maxFalseAlarms?: string; out?: string },
): Promise<number> {
  const [dir] = args;
  if (args.length !== 1 || dir === undefined)
    throw new UsageError(`calibrate takes one corpus folder, got ${args.length} arguments`);
  const ceiling = options.maxFalseAlarms === undefined ? undefined : decimalNumber(options.maxFalseAlarms);
  if (ceiling !== undefined && !(ceiling >= 0 && ceiling <= 1))
    throw new UsageError(`--max-false-alarms expects a rate in [0, 1], got ${JSON.stringify(options.maxFalseAlarms)}`);
  const outFile = options.out ?? 'detector-params.json';
  await requireCorpus(ctx.cwd, dir, 'calibrate');
  await requireWritable(ctx.cwd, outFile, '--out');
  const bar = ctx.showProgress ? new ProgressBar(ctx.err, 'verify') : undefined;
  let run;
  try {
    run = await evaluateCorpus(dir, ctx.params, bar ? (done, total) => bar.update(done, total) : undefined);
  } finally {
    bar?.finish();
  }
  const c = calibrateThresholds(run.outcomes, ctx.params, {
    folds: FOLDS,
    ...(ceiling === undefined ? {} : { maxFalseAlarms: ceiling }),
  });
  const file = {
    _fittedOn: dir,
    _objective: ceiling === undefined ? 'macro-F1' : `macro-F1 with false-alarm rate <= ${ceiling}`,
    _crossValidated: figures(c.crossValidated),
    ...c.fitted,
  };
  await writeFile(resolve(ctx.cwd, outFile), `${JSON.stringify(file, null, 2)}\n`);
  if (ctx.json) {
    ctx.out(
      `${JSON.stringify({ params: c.fitted, start: figures(c.start), inSample: figures(c.inSample), crossValidated: figures(c.crossValidated), folds: c.folds, meetsCeiling: c.meetsCeiling, paramsFile: outFile })}\n`,
    );
    return 0;
  }
  const lines = [
    'threshold            start    fitted',
    ...VERDICT_PARAM_NAMES.map(
      (n) => `${n.padEnd(20)} ${ctx.params[n].toFixed(2).padStart(5)}    ${c.fitted[n].toFixed(2).padStart(5)}`,
    ),
    '',
  ];
  lines.push(
    `figures              start    fitted (in-sample)    fitted (${c.folds}-fold cross-validated, by source group)`,
  );
  const cell = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(4));
  for (const [label, key] of [
    ['recall', 'recall'],
    ['false-alarm rate', 'falseAlarmRate'],
    ['macro-F1', 'macroF1'],
  ] as const) {
    lines.push(
      `${label.padEnd(20)} ${cell(c.start[key])}   ${cell(c.inSample[key]).padEnd(21)} ${cell(c.crossValidated[key])}`,
    );
  }
  if (!c.meetsCeiling)
    lines.push(`no thresholds on the grid keep false alarms within ${ceiling}: the lowest rate found was kept`);
  lines.push(`params written to ${outFile} (use with --params-file or DETECTOR_PARAMS)`);
  ctx.out(lines.join('\n') + '\n');
  return 0;
}

function figures(r: EvalResult): Pick<EvalResult, 'recall' | 'falseAlarmRate' | 'macroF1' | 'recallByLabel'> {
  return { recall: r.recall, falseAlarmRate: r.falseAlarmRate, macroF1: r.macroF1, recallByLabel: r.recallByLabel };
}
