import { rejectedReport } from '../../report/build-report.js';
import { listArticleFiles } from '../../store/list-article-files.js';
import { checkArticle } from '../../use-cases/check-article.js';
import type { CliContext } from '../cli-context.js';
import { openLocalStore } from '../open-local-store.js';
import { readArticleFile } from '../read-article-file.js';
import { renderReportText } from '../render-report-text.js';
import { MissingFileError, UsageError } from '../usage-error.js';

/** `check FILES...`: judges files against the index without adding them; writes no report. */
export async function checkCommand(ctx: CliContext, args: readonly string[]): Promise<number> {
  if (args.length === 0) throw new UsageError('check needs at least one file or folder');
  const { store, index } = await openLocalStore(ctx.storeDir);
  const deps = { store, index, params: ctx.params, preparedCache: new Map() };
  // a wrong --store would otherwise look like a clean bill of health for every article
  if (index.entryCount() === 0)
    ctx.err(`rewrite-radar: note: the index ${index.file} is empty; every article will be judged original\n`);
  const files = await listArticleFiles(args, { cwd: ctx.cwd, keyRoot: ctx.keyRoot, exclude: ctx.storeDir });
  const missing: string[] = [];
  for (const [i, file] of files.entries()) {
    const bytes = await readArticleFile(file.path, ctx.params.maxBytes);
    if (!(bytes instanceof Uint8Array) && bytes.code === 'not-found') missing.push(file.path);
    const report =
      bytes instanceof Uint8Array
        ? (await checkArticle(deps, { key: file.key, bytes })).report
        : rejectedReport(file.key, bytes, ctx.params);
    if (ctx.json) ctx.out(`${JSON.stringify(report)}\n`);
    else ctx.out(`${i > 0 ? '\n' : ''}${renderReportText(report, ctx.columns ?? 100)}`);
  }
  if (missing.length > 0) throw new MissingFileError(`cannot read ${missing.join(', ')}`);
  return 0;
}
