import { resolve } from 'node:path';
import { articleWeights, compareTexts, prepareText } from '../../detect/compare-texts.js';
import { decideVerdicts } from '../../detect/decide-verdicts.js';
import { modelText } from '../../detect/fingerprint.js';
import { ArticleRejectedError, RewriteRadarError } from '../../errors.js';
import { pairMeasures, quotePair } from '../../report/build-report.js';
import { prepareArticle } from '../../use-cases/prepare-article.js';
import { articleKey } from '../../store/article-key.js';
import type { CliContext } from '../cli-context.js';
import { readArticleFile } from '../read-article-file.js';
import { renderSideBySide } from '../render-report-text.js';
import { MissingFileError, UsageError } from '../usage-error.js';

/** `compare A B`: measures of article A against source B, the verdict the detector would give, the aligned passages and the counterparts left out. */
export async function compareCommand(ctx: CliContext, args: readonly string[]): Promise<number> {
  const [pathA, pathB] = args;
  if (args.length !== 2 || pathA === undefined || pathB === undefined)
    throw new UsageError(`compare takes two files (article, source), got ${args.length} arguments`);
  const a = await loadText(ctx, pathA);
  const b = await loadText(ctx, pathB);
  const textA = prepareText(modelText(a.text));
  const textB = prepareText(modelText(b.text));
  const evidence = compareTexts(textA, textB, ctx.params);
  // the same rule as detection (judgeArticle), with B as the only candidate
  const [judged] = decideVerdicts(
    [{ key: b.key, order: '', evidence }],
    ctx.params,
    articleWeights(textA, ctx.params.quoteWeight),
  );
  const measures = pairMeasures(evidence);
  const quotedA = { text: a.text, model: textA.model };
  const quotedB = { text: b.text, model: textB.model };
  const passages = evidence.pairs.map((p) => quotePair(p, quotedA, quotedB));
  const counterparts = evidence.counterparts.map((p) => quotePair(p, quotedA, quotedB));
  const verdict = judged?.verdict ?? 'original';
  const score = judged?.score ?? null;
  const describe = (x: typeof a, words: number): { key: string; title: string; words: number } => ({
    key: x.key,
    title: x.title,
    words,
  });
  if (ctx.json) {
    ctx.out(
      `${JSON.stringify({ article: describe(a, textA.words), source: describe(b, textB.words), measures, verdict, score, passages, counterparts })}\n`,
    );
    return 0;
  }
  const lines = [
    `article: ${a.key} (${textA.words} words)${a.title === '' ? '' : ` "${a.title}"`}`,
    `source:  ${b.key} (${textB.words} words)${b.title === '' ? '' : ` "${b.title}"`}`,
    '',
    ...Object.entries(measures).map(
      ([k, v]) => `  ${k.padEnd(20)} ${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(4) : String(v)}`,
    ),
    '',
    `verdict: ${verdict}${score === null ? '' : ` (score ${score.toFixed(4)})`}`,
    '',
  ];
  ctx.out(lines.join('\n') + '\n');
  ctx.out(passages.length > 0 ? renderSideBySide(passages, ctx.columns ?? 100) : 'No aligned passages.\n');
  if (counterparts.length > 0) {
    ctx.out(
      '\nCounterparts: not aligned, at the same place in both, with words in common (counted in alignedShare):\n',
    );
    ctx.out(renderSideBySide(counterparts, ctx.columns ?? 100));
  }
  return 0;
}

/** Reads and prepares one file like detection does; a rejected file ends the command. */
async function loadText(ctx: CliContext, path: string): Promise<{ key: string; title: string; text: string }> {
  const file = resolve(ctx.cwd, path);
  const key = articleKey(file, ctx.keyRoot);
  const bytes = await readArticleFile(file, ctx.params.maxBytes);
  if (!(bytes instanceof Uint8Array)) {
    if (bytes.code === 'not-found') throw new MissingFileError(bytes.message, { cause: bytes });
    throw new RewriteRadarError(`${path}: rejected (${bytes.code}): ${bytes.message}`);
  }
  try {
    return { key, ...prepareArticle(key, bytes, ctx.params) };
  } catch (err) {
    if (err instanceof ArticleRejectedError)
      throw new RewriteRadarError(`${path}: rejected (${err.code}): ${err.message}`, { cause: err });
    throw err;
  }
}
