import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { makeS3Client } from '../store/s3-client.js';
import { jsonLog, LOG_LEVELS, type LogLevel } from '../log.js';
import { listArticleFiles } from '../store/list-article-files.js';
import { readRegularFile } from '../store/read-regular-file.js';
import { htmlReportKey, reportKey } from '../store/keys.js';
import { LOCAL_TABLE } from '../store/dynamodb-client.js';
import { ConfigError } from '../errors.js';
import { LOCAL_BUCKET, startLocalStackRuntime, type LocalStackRuntime } from './start-local-stack.js';
import { TRIGGER_SUFFIXES, triggerAccepts } from './deliver-events.js';
import { mirrorPath } from './mirror-reports.js';
import { watchDropFolder } from './watch-drop-folder.js';
import type { HandledEvent } from '../lambda/make-article-event-handler.js';
import { DETAIL_TYPES } from '../alerts/flagged-article.js';
import { decimalNumber } from '../util/decimal-number.js';
import { terminalSafe } from '../util/terminal-safe.js';
import { pathKind } from '../util/path-kind.js';

const USAGE = `usage: npm start -- [--port N] [--data DIR] [--dynamodb-port N] [--dynamodb-data DIR] [--drop DIR] [--reports DIR]
                    [--upload DIR] [--exit]
  Runs the serverless stack locally: an S3-compatible server on 127.0.0.1 (s3rver) with the
  bucket "${LOCAL_BUCKET}", whose object events run the same Lambda handler as in AWS, and a
  DynamoDB-compatible one (dynalite) holding the index table "${LOCAL_TABLE}".
  --port N             port of the S3 server (default 4569; 0 picks a free one)
  --data DIR           where the S3 server keeps the bucket (default .rewrite-radar/s3)
  --dynamodb-port N    port of the DynamoDB server (default 4567; 0 picks a free one)
  --dynamodb-data DIR  where it keeps the table (default .rewrite-radar/dynamodb)
  --drop DIR           a folder whose new or changed files are uploaded to incoming/ once they stop
                       changing (default ./drop); files already there at start are left alone
  --reports DIR        where reports are copied as they are written, to open from disk
                       (default: "reports" beside the drop folder)
  --upload DIR         upload every file under DIR to incoming/ at start
  --exit               exit once the uploads are judged, instead of serving
Environment: the function's variables (MAX_BYTES, MAX_CANDIDATES, LOG_LEVEL, ...; see README);
a bad value stops the start with exit code 2.`;

/** `npm start`: the local equivalent of the deployed stack, with a drop folder. Returns the exit code (0, 1 failed events, 2 usage or configuration). */
export async function main(argv: readonly string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (opts === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (typeof opts === 'string') {
    process.stderr.write(`${opts}\n${USAGE}\n`);
    return 2;
  }
  const uploadKind = opts.upload === undefined ? undefined : await pathKind(opts.upload);
  if (uploadKind !== undefined && uploadKind !== 'folder') {
    const why = uploadKind === 'missing' ? 'no such folder' : 'not a folder (--upload takes a folder of articles)';
    process.stderr.write(`npm start: --upload ${opts.upload}: ${why}\n`);
    return 2;
  }
  // keys come from uploads: an S3 key may hold control characters (judged bad-key), never printed as such
  const print = (line: string): void => void process.stdout.write(`${terminalSafe(line)}\n`);
  const reportsDir = resolve(opts.reports ?? join(dirname(resolve(opts.drop)), 'reports'));
  // where a report is opened from: its mirrored file, shown relative to the working folder when inside it
  const reportFile = (key: string): string => {
    const path = mirrorPath(reportsDir, htmlReportKey(key)) ?? reportsDir;
    const rel = relative(process.cwd(), path);
    return rel.startsWith('..') ? path : rel;
  };
  let stack: LocalStackRuntime;
  try {
    stack = await startLocalStackRuntime({
      dataDir: resolve(opts.data),
      port: opts.port,
      dynamoDbDir: resolve(opts.dynamoDbData),
      dynamoDbPort: opts.dynamoDbPort,
      env: process.env,
      log: jsonLog(logLevelOf(process.env), (line) => process.stderr.write(`${line}\n`)),
      onHandled: (results) => results.forEach((r) => print(describe(r, reportFile))),
      onAlert: (a) =>
        print(
          `ALERT ${DETAIL_TYPES[a.verdict]}: ${a.articleKey} (${a.verdict} of ${a.sourceKey}, score ${a.score}) id ${a.id}`,
        ),
      onFailure: (f) =>
        print(`FAILED after ${f.attempts} attempts: ${f.error instanceof Error ? f.error.message : String(f.error)}`),
      mirrorReportsTo: reportsDir,
    });
  } catch (err) {
    const busy = portInUse(err, opts);
    if (busy) {
      process.stderr.write(`npm start: ${busy}\n`);
      return 2;
    }
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`npm start: ${err.message}\n`);
    return 2;
  }
  const s3 = makeS3Client(stack.server.clientConfig);
  let notUploaded = 0;
  const upload = async (path: string, key: string): Promise<void> => {
    // S3 holds files of any size; a pipe or a device is never read (readRegularFile)
    const read = await readRegularFile(path, Number.MAX_SAFE_INTEGER);
    if (read.kind !== 'found') return print(`${key}: not uploaded: ${path} is not a file (a pipe, device or socket)`);
    const body = read.bytes;
    try {
      await s3.send(new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key: key, Body: body, ContentLength: body.length }));
    } catch (err) {
      // one refused upload (a name the local store cannot hold) leaves the others to go on
      notUploaded++;
      print(`${key}: not uploaded: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const accepts = triggerAccepts(stack.incomingPrefix);
  const ignored = (key: string): string =>
    `${key}: not judged, nothing uploaded: the trigger fires only for ${TRIGGER_SUFFIXES.join(' ')} (as in AWS)`;
  const { endpoint } = stack.server;
  print(
    `rewrite-radar local stack: S3 endpoint ${endpoint}, bucket ${LOCAL_BUCKET}, articles under ${stack.incomingPrefix}`,
  );
  print(`  index: DynamoDB endpoint ${stack.dynamo.endpoint}, table ${LOCAL_TABLE}, kept in ${opts.dynamoDbData}/`);
  print(
    `  upload: AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER aws s3 cp story.html s3://${LOCAL_BUCKET}/${stack.incomingPrefix}story.html --endpoint-url ${endpoint}`,
  );
  print(
    `  reports: s3://${LOCAL_BUCKET}/${reportKey(`${stack.incomingPrefix}story.html`)} (and .html beside it), copied to ${reportsDir}${sep} to open from disk`,
  );
  if (opts.upload) {
    const root = resolve(opts.upload);
    for (const file of await listArticleFiles([root], { cwd: process.cwd(), keyRoot: root })) {
      const key = `${stack.incomingPrefix}${file.key}`;
      if (!accepts(key)) print(ignored(key));
      else await upload(file.path, key);
    }
  }
  if (opts.exit) {
    await stack.close();
    s3.destroy();
    return stack.delivery.failed.length > 0 || notUploaded > 0 ? 1 : 0;
  }
  const drop = resolve(opts.drop);
  await mkdir(drop, { recursive: true });
  // the watch is up before the line that says so: a file copied in right after it is not missed
  const watcher = await watchDropFolder(drop, (path) => {
    const key = `${stack.incomingPrefix}${relative(drop, path).split(sep).join('/')}`;
    if (!accepts(key)) print(ignored(key));
    else upload(path, key).catch((err: Error) => print(`upload of ${path} failed: ${err.message}`));
  });
  print(`  drop folder: copy a file into ${drop} and its report is printed here. Ctrl-C stops.`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  // a second Ctrl-C while the events under way finish stops at once
  process.once('SIGINT', () => process.exit(130));
  print('stopping: finishing the events under way...');
  watcher.close();
  await stack.close();
  s3.destroy();
  return 0;
}

/** What to say when a server's port is taken (another `npm start`?), or undefined for any other error. */
function portInUse(err: unknown, opts: Options): string | undefined {
  if (!(err instanceof Error) || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') return undefined;
  const port = (err as Error & { port?: number }).port;
  const option = port === opts.dynamoDbPort ? '--dynamodb-port' : '--port';
  return `port ${port ?? '?'} on 127.0.0.1 is in use (another npm start?): stop it, or choose another with ${option} N (0 picks a free one)`;
}

/** The log level of LOG_LEVEL (already validated by the stack's configuration); warnings and errors by default. */
function logLevelOf(env: NodeJS.ProcessEnv): LogLevel {
  const level = (env['LOG_LEVEL'] ?? '').toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : 'warn';
}

/** One console line per handled event: the verdict and source of a flagged article, the code and reason of a rejected one. */
function describe(r: HandledEvent, reportFile: (key: string) => string): string {
  if (r.action !== 'reported' && r.action !== 'withdrawn') return `${r.key}: ${r.action}${r.why ? `: ${r.why}` : ''}`;
  const outcome = r.error
    ? `rejected (${r.error.code}): ${r.error.message}`
    : r.status !== 'ok'
      ? String(r.status)
      : `${r.verdict}${r.source ? ` of ${r.source}` : ''}`;
  return `${r.key}: ${outcome}  -> ${reportFile(r.key)}`;
}

interface Options {
  port: number;
  data: string;
  dynamoDbPort: number;
  dynamoDbData: string;
  drop: string;
  reports?: string;
  upload?: string;
  exit: boolean;
}

/** The options, 'help', or what is wrong with the arguments. */
function parseArgs(argv: readonly string[]): Options | string {
  const opts: Options = {
    port: 4569,
    data: '.rewrite-radar/s3',
    dynamoDbPort: 4567,
    dynamoDbData: '.rewrite-radar/dynamodb',
    drop: 'drop',
    exit: false,
  };
  // the ports as written, for the message when one is no port number
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | undefined => argv[++i];
    if (a === '--exit') opts.exit = true;
    else if (a === '--port') opts.port = decimalNumber(given.set(a, value() ?? '').get(a));
    else if (a === '--data') opts.data = value() ?? '';
    else if (a === '--dynamodb-port') opts.dynamoDbPort = decimalNumber(given.set(a, value() ?? '').get(a));
    else if (a === '--dynamodb-data') opts.dynamoDbData = value() ?? '';
    else if (a === '--drop') opts.drop = value() ?? '';
    else if (a === '--reports') opts.reports = value() ?? '';
    else if (a === '--upload') opts.upload = value() ?? '';
    else if (a === '--help' || a === '-h') return 'help';
    else return `unknown argument ${JSON.stringify(a)}`;
  }
  for (const [name, port] of [
    ['--port', opts.port],
    ['--dynamodb-port', opts.dynamoDbPort],
  ] as const) {
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      return `${name} must be a port number (0-65535), got ${JSON.stringify(given.get(name) ?? '')}`;
  }
  if (!opts.data || !opts.dynamoDbData || !opts.drop || opts.upload === '' || opts.reports === '')
    return 'a folder option is missing its value';
  return opts;
}
