import { htmlReportKey, keyProblem, REPORT_PREFIX } from '../../store/keys.js';
import { MAX_LINK_SECONDS, presignGet } from '../../store/presigned-links.js';
import { S3ObjectStore } from '../../store/s3-object-store.js';
import { makeS3Client, s3ClientConfigFor } from '../../store/s3-client.js';
import { shareReportPage } from '../../use-cases/share-report.js';
import { parseBucketOptions, type BucketOptions } from '../bucket-options.js';
import type { CliContext } from '../cli-context.js';
import { MissingFileError, UsageError } from '../usage-error.js';

/** Seconds in each unit `--expires` takes. */
const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * `url KEY [--expires 7d]`: prints a presigned GET link to an object of the bucket, so a person
 * without AWS credentials can open a report. KEY is a store key (`reports/...`) or an article
 * key, which means its HTML report. The link is signed with the caller's credentials and lives
 * `--expires` (default and most: 7 days, the SigV4 limit), or less if those credentials expire first.
 * A report page that links other reports is shared as a copy whose links are presigned too
 * (shareReportPage), so the reader can follow them.
 */
export async function urlCommand(
  ctx: CliContext,
  args: readonly string[],
  options: BucketOptions & { expires?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (args.length !== 1) throw new UsageError(`url takes one KEY, got ${args.length}`);
  const given = args[0]!;
  const problem = keyProblem(given);
  if (problem) throw new UsageError(`url: ${JSON.stringify(given)} is not a key: ${problem}`);
  const key = given.startsWith(REPORT_PREFIX) ? given : htmlReportKey(given);
  const seconds = parseExpires(options.expires ?? '7d');
  const { endpoint, bucket } = parseBucketOptions(options, 1);
  const s3 = makeS3Client(s3ClientConfigFor(endpoint, env));
  try {
    const presign = (k: string): Promise<string> => presignGet(s3, bucket, k, seconds);
    const store = new S3ObjectStore(s3, bucket);
    const article = articleOfHtmlReport(key);
    const shared = article === undefined ? undefined : await shareReportPage(store, article, presign);
    // a presigned link to a missing object still signs: the reader would get a 404 page
    if (shared === undefined && (await store.get(key)) === undefined)
      throw new MissingFileError(
        `url: there is no s3://${bucket}/${key}${article === undefined ? '' : ` (no report for ${article}: not uploaded under the watched prefix, or not judged yet)`}`,
      );
    const url = await presign(shared?.key ?? key);
    const expiresAt = new Date(Date.now() + seconds * 1000).toISOString();
    const linked = shared?.linked.length ?? 0;
    const via =
      shared && linked > 0
        ? ` as s3://${bucket}/${shared.key}, its ${linked} links to other reports presigned too`
        : '';
    if (ctx.json) ctx.out(`${JSON.stringify({ key, url, expiresAt, sharedKey: shared?.key ?? key, linked })}\n`);
    else {
      ctx.out(`${url}\n`);
      ctx.err(`s3://${bucket}/${key}${via}: link valid until ${expiresAt} (or until the signing credentials expire)\n`);
    }
    return 0;
  } finally {
    s3.destroy();
  }
}

/** `--expires` as seconds: a whole number with a unit (s, m, h, d) or plain seconds, at most 7 days. */
export function parseExpires(raw: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(raw.trim());
  const seconds = match ? Number(match[1]) * UNITS[match[2] || 's']! : Number.NaN;
  if (!(seconds >= 1 && seconds <= MAX_LINK_SECONDS))
    throw new UsageError(
      `--expires must be a duration from 1s to 7d (the SigV4 limit), like 3600, 12h or 7d, got ${JSON.stringify(raw)}`,
    );
  return seconds;
}

/** The article whose HTML report page `key` is, or undefined for any other object. */
function articleOfHtmlReport(key: string): string | undefined {
  return key.startsWith(REPORT_PREFIX) && key.endsWith('.html')
    ? key.slice(REPORT_PREFIX.length, -'.html'.length)
    : undefined;
}
