import type { Report } from '../../report/report.js';
import { listObjects, type ListedObject } from '../../store/s3-object-store.js';
import { formatOf } from '../../text/extract-article.js';
import { backfillArticle } from '../../use-cases/backfill-article.js';
import { loadReport } from '../../use-cases/stored-reports.js';
import { mapLimit } from '../../util/map-limit.js';
import type { CliContext } from '../cli-context.js';
import { openBucketForCommand, type BucketCommand, type BucketOptions } from '../bucket-options.js';
import { ProgressBar } from '../progress-bar.js';
import { RunSummary, summaryFields, type SummaryFields } from '../run-summary.js';

/** Options of `backfill`, as parsed from the command line (strings, validated here). */
export type BackfillOptions = BucketOptions;

/** Articles judged at once by default (concurrency): each keeps up to 32 index requests in flight (DYNAMODB_CONCURRENCY). */
const COMMAND: BucketCommand = { name: 'backfill', reads: 'the bucket', defaultConcurrency: 4 };

/**
 * `backfill`: judges every article already under the prefix of a bucket, as the deployed
 * function would have on upload, oldest LastModified first (then by key), so that the older
 * articles are named as the sources of newer ones. Uses the Lambda's S3 adapters; safe to run
 * again (articles already judged as they are keep their reports). Prints the summary table of scan, or with --json one report per line (a report that a
 * later article re-judged is printed again: the later line replaces the earlier).
 */
export async function backfillCommand(
  ctx: CliContext,
  args: readonly string[],
  options: BackfillOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { parsed, opened } = openBucketForCommand(COMMAND, ctx, args, options, env);
  const { bucket, prefix, concurrency, table } = parsed;
  try {
    const listed = await listObjects(opened.s3, bucket, prefix, Number.POSITIVE_INFINITY);
    // the trigger fires only for article suffixes; other objects under the prefix are left alone here too
    const articles = listed.filter((o) => formatOf(o.key) !== undefined).sort(byLastModifiedThenKey);
    const skipped = listed.length - articles.length;
    // in processing order, so the table lists articles oldest first whatever order they finish in
    const final = new Map<string, SummaryFields | undefined>(articles.map((o) => [o.key, undefined]));
    const missing: string[] = [];
    const bar = ctx.showProgress ? new ProgressBar(ctx.err, 'backfill') : undefined;
    const shown = (report: Report): void => {
      final.set(report.article.key, summaryFields(report));
      if (ctx.json) ctx.out(`${JSON.stringify(report)}\n`);
    };
    let done = 0;
    try {
      await mapLimit(articles, concurrency, async ({ key, size }) => {
        const outcome = await backfillArticle(opened.deps, { bucket, key, size });
        if (outcome.action === 'missing') missing.push(key);
        if (outcome.action === 'refused') ctx.err(`rewrite-radar: not judged: ${key}: ${outcome.why}\n`);
        if (outcome.action === 'unchanged') shown(outcome.report);
        if (outcome.action === 'reported') {
          shown(outcome.report);
          // a source judged after its rewrite re-judged the rewrite's report: show its final verdict
          for (const later of outcome.refreshed) {
            const report = await loadReport(opened.deps, later);
            if (report) shown(report);
          }
        }
        bar?.update(++done, articles.length);
      });
    } finally {
      bar?.finish();
    }
    if (!ctx.json) {
      const summary = new RunSummary();
      for (const fields of final.values()) if (fields) summary.add(fields);
      ctx.out(
        summary.render({ reports: `s3://${bucket}/reports/${prefix}`, index: `DynamoDB table ${table}` }, ctx.columns),
      );
      if (skipped > 0) ctx.out(`skipped: ${skipped} object(s) under ${prefix} without an article suffix\n`);
      if (missing.length > 0) ctx.out(`gone before they were read: ${missing.join(', ')}\n`);
    }
    return 0;
  } finally {
    opened.close();
  }
}

/** Oldest first; S3's LastModified has second precision, so articles written in the same second go by key. */
function byLastModifiedThenKey(a: ListedObject, b: ListedObject): number {
  const t = (a.lastModified?.getTime() ?? 0) - (b.lastModified?.getTime() ?? 0);
  return t !== 0 ? t : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
