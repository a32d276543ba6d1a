import { join } from 'node:path';
import { detectArticle, saveReport } from '../../use-cases/detect-article.js';
import { rejectedReport } from '../../report/build-report.js';
import { decodeFingerprint } from '../../detect/fingerprint-record.js';
import { fingerprintKey, REPORT_PREFIX } from '../../store/keys.js';
import type { Report } from '../../report/report.js';
import { relativeInside } from '../article-key.js';
import type { CliContext } from '../cli-context.js';
import type { ArticleFile } from '../list-article-files.js';
import { INDEX_FILE, openLocalStore } from '../open-local-store.js';
import { OrderClock } from '../order-clock.js';
import { ProgressBar } from '../progress-bar.js';
import { readArticleFile } from '../read-article-file.js';
import { RunSummary } from '../run-summary.js';
import { MissingFileError } from '../usage-error.js';

/** Articles indexed between two saves of index.json: at most this many are lost to an interruption. */
export const SAVE_EVERY = 200;

/**
 * Judges and indexes files in the given order, writes a report for each, saves the index every
 * SAVE_EVERY articles and at the end; prints a summary, or with --json one report per line.
 * A named file that cannot be read gets a not-found report and, at the end, a MissingFileError.
 */
export async function indexFiles(ctx: CliContext, files: readonly ArticleFile[], label: string): Promise<number> {
  const { store, index } = await openLocalStore(ctx.storeDir);
  // one process judges many articles: prepared source texts are reused across them
  const deps = { store, index, params: ctx.params, preparedCache: new Map() };
  const clock = new OrderClock();
  const summary = new RunSummary();
  const missing: string[] = [];
  const bar = ctx.showProgress ? new ProgressBar(ctx.err, label) : undefined;
  try {
    for (const [i, file] of files.entries()) {
      const bytes = await readArticleFile(file.path, ctx.params.maxBytes);
      let report: Report;
      if (bytes instanceof Uint8Array) {
        // an article indexed before keeps its order, so scanning a folder again names the same sources
        const previous = await store.get(fingerprintKey(file.key));
        const order = previous ? decodeFingerprint(previous, file.key).order : clock.next(file.key);
        report = (await detectArticle(deps, { key: file.key, bytes, order }, { addToIndex: true })).report;
      } else {
        if (bytes.code === 'not-found') missing.push(file.path);
        report = rejectedReport(file.key, bytes, ctx.params);
      }
      await saveReport(store, report);
      summary.add(report);
      if (ctx.json) ctx.out(`${JSON.stringify(report)}\n`);
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
  if (!ctx.json) ctx.out(summary.render({ reports: shown(ctx, REPORT_PREFIX), index: shown(ctx, INDEX_FILE) }, ctx.columns));
  if (missing.length > 0) throw new MissingFileError(`cannot read ${missing.join(', ')}`);
  return 0;
}

/** A path in the store as the user would type it: relative when under the working directory. */
function shown(ctx: CliContext, inStore: string): string {
  const path = join(ctx.storeDir, inStore);
  return relativeInside(ctx.cwd, path) ?? path;
}
