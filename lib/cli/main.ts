import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { detectorParams } from '../detect/detector-params.js';
import { ConfigError, RewriteRadarError, StoreError } from '../errors.js';
import { DETECTOR_VERSION } from '../version.js';
import { parseLicensedSources } from '../report/licensed-sources.js';
import { keyRootOf } from '../store/article-key.js';
import type { CliContext } from './cli-context.js';
import { parseParamOverrides, readParamsFile } from './parse-param-overrides.js';
import { commandUsage, DEFAULT_STORE_DIR, isCommand, misplacedOptions, USAGE, type CommandName } from './usage.js';
import { MissingFileError, UsageError } from './usage-error.js';
import { scanCommand } from './commands/scan-command.js';
import { indexCommand } from './commands/index-command.js';
import { checkCommand } from './commands/check-command.js';
import { compareCommand } from './commands/compare-command.js';
import { evalCommand } from './commands/eval-command.js';
import { calibrateCommand } from './commands/calibrate-command.js';
import { backfillCommand } from './commands/backfill-command.js';
import { reindexCommand } from './commands/reindex-command.js';
import { urlCommand } from './commands/url-command.js';
import { digestCommand } from './commands/digest-command.js';
import { terminalSafe } from '../util/terminal-safe.js';

const OPTIONS = {
  store: { type: 'string' },
  json: { type: 'boolean' },
  param: { type: 'string', multiple: true },
  'params-file': { type: 'string' },
  errors: { type: 'string' },
  'max-false-alarms': { type: 'string' },
  out: { type: 'string' },
  endpoint: { type: 'string' },
  'dynamodb-endpoint': { type: 'string' },
  table: { type: 'string' },
  bucket: { type: 'string' },
  prefix: { type: 'string' },
  concurrency: { type: 'string' },
  expires: { type: 'string' },
  date: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Entry point of the `rewrite-radar` command; resolves to the exit code (0 ok, 1 fault, 2 usage or configuration, 3 a named file missing). */
export async function main(argv: string[]): Promise<number> {
  watchStdout();
  // looked up at each write, not bound once, so tests can spy on the streams; article text is
  // untrusted: it never reaches the terminal as control sequences (JSON escapes them anyway)
  const out = (text: string): void => {
    if (!stdoutState.closed) process.stdout.write(terminalSafe(text));
  };
  const err = (text: string): void => void process.stderr.write(text);
  // known once the command word is read: a usage error then shows that command's help
  let command: CommandName | undefined;
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (cause) {
      // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown options and missing values
      throw new UsageError(cause instanceof Error ? cause.message : String(cause), { cause });
    }
    const { values, positionals } = parsed;
    const [word, ...args] = positionals;
    if (values.version) {
      // the version that decides verdicts, as every report records it (detector.version)
      out(`rewrite-radar: detector ${DETECTOR_VERSION}\n`);
      return 0;
    }
    if (values.help || word === 'help') {
      const topic = word === 'help' ? args[0] : word;
      if (topic !== undefined && !isCommand(topic)) throw new UsageError(`unknown command ${JSON.stringify(topic)}`);
      out(topic === undefined ? USAGE : commandUsage(topic));
      return 0;
    }
    if (word === undefined) throw new UsageError('no command given');
    if (!isCommand(word)) throw new UsageError(`unknown command ${JSON.stringify(word)}`);
    command = word;
    const given = Object.entries(values).flatMap(([name, value]) => (value === undefined ? [] : [name]));
    const misplaced = misplacedOptions(command, given);
    if (misplaced.length > 0) throw new UsageError(misplaced.join('; '));
    const storeDir = resolve(values.store ?? DEFAULT_STORE_DIR);
    const ctx: CliContext = {
      cwd: process.cwd(),
      keyRoot: keyRootOf(storeDir),
      storeDir,
      json: values.json ?? false,
      params: detectorParams({
        ...(await readParamsFile(values['params-file'])),
        ...parseParamOverrides(values.param ?? []),
      }),
      licensed: parseLicensedSources(process.env['LICENSED_SOURCES'], 'LICENSED_SOURCES'),
      out,
      err,
      showProgress: process.stderr.isTTY === true && values.json !== true,
      // a pseudo-terminal without a size reports 0 columns
      columns: process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined,
    };
    switch (command) {
      case 'scan':
        return await scanCommand(ctx, args);
      case 'index':
        return await indexCommand(ctx, args);
      case 'check':
        return await checkCommand(ctx, args);
      case 'compare':
        return await compareCommand(ctx, args);
      case 'backfill':
      case 'reindex': {
        const options = {
          endpoint: values.endpoint,
          dynamoDbEndpoint: values['dynamodb-endpoint'],
          table: values.table,
          bucket: values.bucket,
          prefix: values.prefix,
          concurrency: values.concurrency,
        };
        return command === 'backfill'
          ? await backfillCommand(ctx, args, options)
          : await reindexCommand(ctx, args, options);
      }
      case 'url':
        return await urlCommand(ctx, args, {
          endpoint: values.endpoint,
          bucket: values.bucket,
          expires: values.expires,
        });
      case 'digest':
        return await digestCommand(ctx, args, {
          endpoint: values.endpoint,
          bucket: values.bucket,
          date: values.date,
          expires: values.expires,
        });
      case 'eval':
        return await evalCommand(ctx, args, values.errors === undefined ? {} : { errorsFile: values.errors });
      case 'calibrate':
        return await calibrateCommand(ctx, args, {
          ...(values['max-false-alarms'] === undefined ? {} : { maxFalseAlarms: values['max-false-alarms'] }),
          ...(values.out === undefined ? {} : { out: values.out }),
        });
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(`rewrite-radar: ${e.message}\n\n${command === undefined ? USAGE : commandUsage(command)}`);
      return 2;
    }
    if (e instanceof ConfigError) {
      err(`rewrite-radar: ${e.message}\n`);
      return 2;
    }
    if (e instanceof MissingFileError) {
      err(`rewrite-radar: ${e.message}\n`);
      return EXIT_MISSING_FILE;
    }
    if (e instanceof StoreError) {
      err(`rewrite-radar: storage fault, stopped: ${e.message}\n`);
      return 1;
    }
    err(
      `rewrite-radar: ${e instanceof RewriteRadarError || isFsError(e) ? '' : 'unexpected error: '}${e instanceof Error ? e.message : String(e)}\n`,
    );
    return 1;
  }
}

/** Exit code when a file given (or found in a folder given) could not be read; the files that could were judged. */
export const EXIT_MISSING_FILE = 3;

const stdoutState = { closed: false, watched: false };

/**
 * A reader that goes away (`| head`) must not crash a run: later output is dropped while the run
 * and its reports go on. Installed once per process; write errors arrive after the write returns.
 */
function watchStdout(): void {
  if (stdoutState.watched) return;
  stdoutState.watched = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    stdoutState.closed = true;
    if (e.code !== 'EPIPE') process.stderr.write(`rewrite-radar: cannot write to stdout: ${e.message}\n`);
  });
}

/** Node's file-system errors (ENOENT, EACCES...) carry a readable message with the path. */
function isFsError(e: unknown): boolean {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('E');
}
