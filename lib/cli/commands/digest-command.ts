import { relative } from 'node:path';
import { digestKeys, isDay, utcDay } from '../../digest/flagged-marker.js';
import { LocalFolderObjectStore } from '../../store/local-folder-object-store.js';
import { presignedLinks } from '../../store/presigned-links.js';
import { relativeLinks } from '../../store/relative-links.js';
import { makeS3Client, s3ClientConfigFor } from '../../store/s3-client.js';
import { S3ObjectStore } from '../../store/s3-object-store.js';
import { writeDigest, type DigestDeps } from '../../use-cases/write-digest.js';
import { parseBucketOptions, type BucketOptions } from '../bucket-options.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../usage-error.js';
import { isFolder } from '../../util/path-kind.js';
import { parseExpires } from './url-command.js';

/**
 * `digest [--date YYYY-MM-DD]`: writes the digest of a UTC day (default today) as the scheduled
 * function does: from the local store, with relative report links; or, with --bucket or
 * --endpoint, in that bucket, with links presigned for --expires (default 7 days).
 */
export async function digestCommand(
  ctx: CliContext,
  args: readonly string[],
  options: BucketOptions & { date?: string | undefined; expires?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (args.length > 0)
    throw new UsageError(`digest takes no arguments, got ${args.map((a) => JSON.stringify(a)).join(' ')}`);
  const now = new Date();
  const day = options.date ?? utcDay(now);
  if (!isDay(day)) throw new UsageError(`--date must be a day written YYYY-MM-DD, got ${JSON.stringify(day)}`);
  const inBucket = options.bucket !== undefined || options.endpoint !== undefined;
  if (!inBucket && options.expires !== undefined)
    throw new UsageError('--expires applies to a bucket digest (--bucket or --endpoint): local links do not expire');
  let deps: DigestDeps;
  let where: string;
  let close = (): void => {};
  if (inBucket) {
    const seconds = parseExpires(options.expires ?? '7d');
    const { endpoint, bucket } = parseBucketOptions(options, 1);
    const s3 = makeS3Client(s3ClientConfigFor(endpoint, env));
    close = () => s3.destroy();
    deps = { store: new S3ObjectStore(s3, bucket), links: presignedLinks(s3, bucket, seconds, now), now: () => now };
    where = `s3://${bucket}/${digestKeys(day).html}`;
  } else {
    // a digest reads what scan and index wrote: a store that is not there is a mistyped --store
    if (!(await isFolder(ctx.storeDir)))
      throw new UsageError(
        `--store ${relative(ctx.cwd, ctx.storeDir) || '.'}: no such store (scan or index write one)`,
      );
    deps = { store: new LocalFolderObjectStore(ctx.storeDir), links: relativeLinks, now: () => now };
    where = relative(ctx.cwd, `${ctx.storeDir}/${digestKeys(day).html}`);
  }
  try {
    const digest = await writeDigest(deps, day);
    if (ctx.json)
      ctx.out(
        `${JSON.stringify({ day, page: where, articles: digest.articles.length, unreadable: digest.unreadable })}\n`,
      );
    else
      ctx.out(
        `digest of ${day}: ${digest.articles.length} flagged article(s)${digest.unreadable.length > 0 ? `, ${digest.unreadable.length} unreadable record(s)` : ''} -> ${where}\n`,
      );
    return 0;
  } finally {
    close();
  }
}
