import { SUPPORTED_EXTENSIONS } from '../text/extract-article.js';
import { LOCAL_TABLE } from '../store/dynamodb-client.js';
import { LOCAL_DYNAMODB_ENDPOINT, LOCAL_S3_ENDPOINT } from './open-s3-bucket.js';

/** Default store folder, relative to the working directory. */
export const DEFAULT_STORE_DIR = './.rewrite-radar';

/** The help text of `rewrite-radar help`. */
export const USAGE = `Usage: rewrite-radar <command> [options]

Finds news articles copied or reworded from articles indexed before them.

Commands:
  scan DIR             judge and index every file under DIR (recursively, in sorted path order)
  index FILES...       judge and index the given files (folders expand like scan), in the order given
  check FILES...       judge files against the index without adding them
  compare A B          show how article A relates to source B: measures, verdict, aligned passages
  eval CORPUS_DIR      measure the detector on a labelled corpus (labels.tsv, see shared/corpora)
  calibrate CORPUS_DIR fit the verdict thresholds to a labelled sample (corpus format): prints
                       cross-validated figures, writes a params file (--out, default detector-params.json)
  backfill             judge the articles already in an S3 bucket, oldest LastModified first, as the
                       deployed function would on upload (reports to the bucket, index to the table)
  reindex              rebuild the DynamoDB index table from the fingerprints in the bucket (to move
                       a deployment off the S3-LIST index, or restore the table)
  url KEY              print a presigned link to a report in the bucket (KEY: an article key, meaning
                       its HTML report, or a store key under reports/), for a reader without AWS credentials
  digest               write the digest of a day's flagged articles (reports/digest/DAY.html and .json):
                       in the store with relative links, or with --bucket/--endpoint in the bucket with
                       presigned links
  help                 show this help

Options:
  --store DIR          where the index and reports are kept (default ${DEFAULT_STORE_DIR})
  --json               machine-readable output: one JSON object per line on stdout
  --param NAME=VALUE   override a detector parameter (repeatable), e.g. --param rewriteShare=0.6
  --params-file FILE   verdict thresholds from a JSON file (as calibrate writes it); --param wins over it
  --errors FILE        eval only: write the misjudged articles as TSV
  --max-false-alarms X calibrate: keep the false-alarm rate at most X (else macro-F1 alone)
  --endpoint URL       backfill, reindex, url, digest: S3-compatible endpoint (default ${LOCAL_S3_ENDPOINT}, the local
                       stack; a 127.0.0.1/localhost endpoint without AWS_ACCESS_KEY_ID signs as
                       S3RVER/S3RVER, any other uses the standard AWS credential chain)
  --dynamodb-endpoint URL
                       backfill, reindex: DynamoDB endpoint (default ${LOCAL_DYNAMODB_ENDPOINT}, the local
                       stack's dynalite; same credential rule; on AWS e.g. https://dynamodb.us-east-1.amazonaws.com)
  --table NAME         backfill, reindex: the index table (default ${LOCAL_TABLE})
  --bucket NAME        backfill, reindex, url, digest: the articles bucket (default articles)
  --prefix PREFIX      backfill, reindex: where the articles are (default incoming/)
  --concurrency N      backfill: articles judged at once (default 4); reindex: fingerprints (default 8)
  --expires DURATION   url, digest in a bucket: how long links work: 3600, 30m, 12h, 7d (default and most 7d,
                       the SigV4 limit; a link signed with temporary credentials ends when they do)
  --date YYYY-MM-DD    digest: the UTC day (default today)
  -h, --help           show this help
  --version            print the version

Article files: ${SUPPORTED_EXTENSIONS.join(' ')}; other files get a rejected report.
Dotfiles and dot-folders are skipped. An article's key is its path relative to the folder
holding the store; reports go to <store>/reports/<key>.json.
Exit codes: 0 done (flagged articles are not errors), 1 storage or input fault, 2 bad usage or
configuration (including --param values the index was not built with), 3 a file named on the
command line is missing or unreadable (the other files were judged; it has a not-found report).
`;
