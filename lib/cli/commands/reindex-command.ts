import { decodeFingerprint } from '../../detect/fingerprint-record.js';
import { fingerprintKey, FINGERPRINT_PREFIX } from '../../store/keys.js';
import { listObjects } from '../../store/s3-object-store.js';
import { recordIndexParams } from '../../store/index-params.js';
import { reindexFingerprint } from '../../use-cases/reindex-fingerprint.js';
import { mapLimit } from '../../util/map-limit.js';
import { openBucketForCommand, type BucketCommand, type BucketOptions } from '../bucket-options.js';
import type { CliContext } from '../cli-context.js';
import { ProgressBar } from '../progress-bar.js';

/** Fingerprints read and indexed at once by default (concurrency): each article's writes go 25 to a batch. */
const COMMAND: BucketCommand = { name: 'reindex', reads: "the bucket's fingerprints", defaultConcurrency: 8 };

/**
 * `reindex`: rebuilds the DynamoDB index table from the fingerprints stored in the bucket (each
 * holds its article's cleaned text, indexed again under the current parameters' keys), as a
 * deployment moving from the S3-LIST index, or from an earlier sketch version, needs. Puts are
 * idempotent, so it is safe to run again; it judges nothing and writes no report.
 */
export async function reindexCommand(
  ctx: CliContext,
  args: readonly string[],
  options: BucketOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { parsed, opened } = openBucketForCommand(COMMAND, ctx, args, options, env);
  const { bucket, prefix, concurrency, table } = parsed;
  try {
    const listed = await listObjects(opened.s3, bucket, `${FINGERPRINT_PREFIX}${prefix}`, Number.POSITIVE_INFINITY);
    const bar = ctx.showProgress ? new ProgressBar(ctx.err, 'reindex') : undefined;
    const strays: string[] = [];
    let articles = 0;
    let entries = 0;
    try {
      await mapLimit(listed, concurrency, async ({ key }) => {
        const bytes = await opened.deps.store.get(key);
        if (bytes !== undefined) {
          const record = decodeFingerprint(bytes, key);
          // only a fingerprint stored where its own key puts it belongs to a live article
          if (fingerprintKey(record.key) !== key) strays.push(key);
          else {
            // awaited before adding: `entries += await ...` would read entries before the wait, losing concurrent adds
            const written = await reindexFingerprint(opened.deps, record);
            entries += written;
            articles++;
          }
        }
        bar?.update(articles + strays.length, listed.length);
      });
    } finally {
      bar?.finish();
    }
    // the index now holds the keys of these parameters, whatever it was built with before
    await recordIndexParams(opened.deps.store, ctx.params);
    const summary = {
      articles,
      entries,
      table,
      fingerprints: `s3://${bucket}/${FINGERPRINT_PREFIX}${prefix}`,
      skipped: strays,
    };
    if (ctx.json) ctx.out(`${JSON.stringify(summary)}\n`);
    else {
      ctx.out(
        `reindexed ${articles} article(s), ${entries} index entries, into DynamoDB table ${table} from ${summary.fingerprints}\n`,
      );
      if (strays.length > 0)
        ctx.out(
          `skipped: ${strays.length} fingerprint(s) not stored under their own article's key: ${strays.join(', ')}\n`,
        );
    }
    return 0;
  } finally {
    opened.close();
  }
}
