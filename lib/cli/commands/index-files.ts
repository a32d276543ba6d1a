import { join } from 'node:path';
import type { Report } from '../../report/report.js';
import { relativeInside } from '../../store/article-key.js';
import { REPORT_PREFIX } from '../../store/keys.js';
import type { ArticleFile } from '../../store/list-article-files.js';
import { LocalFileArticleSource } from '../../store/local-file-article-source.js';
import { lockStore } from '../../store/store-lock.js';
import { rejectedReport } from '../../report/build-report.js';
import { ingestArticle } from '../../use-cases/ingest-article.js';
import { keyRejection } from '../../use-cases/prepare-article.js';
import { loadReport } from '../../use-cases/stored-reports.js';
import type { CliContext } from '../cli-context.js';
import { INDEX_FILE, openLocalStore } from '../open-local-store.js';
import { OrderClock } from '../order-clock.js';
import { ProgressBar } from '../progress-bar.js';
import { readArticleFile } from '../read-article-file.js';
import { RunSummary, summaryFields, type SummaryFields } from '../run-summary.js';
import { MissingFileError } from '../usage-error.js';

/** Articles indexed between two saves of index.json: at most this many are lost to an interruption. */
export const SAVE_EVERY = 200;

/**
 * Ingests files in the given order (ingestArticle, as the deployed function does), saves the
 * index every SAVE_EVERY articles and at the end; prints a summary, or with --json one report per
 * line (a report that a later article re-judged is printed again: the later line replaces the earlier).
 * A named file that cannot be read gets a not-found report and, at the end, a MissingFileError.
 * The store is locked for the run (lockStore): a second run on it is refused, not merged.
 */
export async function indexFiles(ctx: CliContext, files: readonly ArticleFile[], label: string): Promise<number> {
  // one writing run at a time: the index is loaded here and saved whole
  const lock = await lockStore(ctx.storeDir, label);
  try {
    return await indexLocked(ctx, files, label);
  } finally {
    await lock.release();
  }
}

async function indexLocked(ctx: CliContext, files: readonly ArticleFile[], label: string): Promise<number> {
  const { store, index } = await openLocalStore(ctx.storeDir);
  const paths = new Map(files.map((f) => [f.key, f.path]));
  // a later copy judged again may be a file of an earlier run: keys are paths under keyRoot
  const source = new LocalFileArticleSource((key) => paths.get(key) ?? join(ctx.keyRoot, key));
  // one process judges many articles: prepared source texts are reused across them
  const deps = { store, index, source, params: ctx.params, licensed: ctx.licensed, preparedCache: new Map() };
  const clock = new OrderClock();
  // in processing order, so the table lists articles as given whatever was re-judged later
  const final = new Map<string, SummaryFields>();
  const shown = (report: Report): void => {
    // a re-judged article of an earlier run is printed, but counted only in its own run's summary
    if (paths.has(report.article.key)) final.set(report.article.key, summaryFields(report));
    if (ctx.json) ctx.out(`${JSON.stringify(report)}\n`);
  };
  const missing: string[] = [];
  const bar = ctx.showProgress ? new ProgressBar(ctx.err, label) : undefined;
  try {
    for (const [i, file] of files.entries()) {
      // a file whose key is no plain path (a name too long for its report's file name) is rejected
      // here: its report is printed and counted, but no report can be stored under that key
      const badKey = keyRejection(file.key);
      if (badKey) {
        shown(rejectedReport(file.key, badKey, ctx.params));
        continue;
      }
      const bytes = await readArticleFile(file.path, ctx.params.maxBytes);
      if (!(bytes instanceof Uint8Array) && bytes.code === 'not-found') missing.push(file.path);
      const ingested = await ingestArticle(deps, { key: file.key, bytes, order: clock.next(file.key) });
      shown(ingested.report);
      for (const later of ingested.refreshed) {
        const report = await loadReport(deps, later);
        if (report) shown(report);
      }
      if ((i + 1) % SAVE_EVERY === 0) await index.save();
      bar?.update(i + 1, files.length);
    }
  } catch (err) {
    bar?.finish();
    // keep what was indexed before the fault; the fault itself is what gets reported
    await index.save().catch(() => undefined);
    throw err;
  }
  bar?.finish();
  await index.save();
  if (!ctx.json) {
    const summary = new RunSummary();
    for (const fields of final.values()) summary.add(fields);
    ctx.out(summary.render({ reports: where(ctx, REPORT_PREFIX), index: where(ctx, INDEX_FILE) }, ctx.columns));
  }
  if (missing.length > 0) throw new MissingFileError(`cannot read ${missing.join(', ')}`);
  return 0;
}

/** A path in the store as the user would type it: relative when under the working directory. */
function where(ctx: CliContext, inStore: string): string {
  const path = join(ctx.storeDir, inStore);
  return relativeInside(ctx.cwd, path) ?? path;
}
