import { SUPPORTED_EXTENSIONS } from '../text/extract-article.js';
import { LOCAL_TABLE } from '../store/dynamodb-client.js';
import { LOCAL_DYNAMODB_ENDPOINT, LOCAL_S3_ENDPOINT } from './open-s3-bucket.js';

/** Default store folder, relative to the working directory. */
export const DEFAULT_STORE_DIR = './.rewrite-radar';

/** What each command is for, as `rewrite-radar help` and `rewrite-radar COMMAND --help` show it. */
const COMMANDS = {
  scan: ['scan DIR', 'judge and index every file under DIR (recursively, in sorted path order)'],
  index: ['index FILES...', 'judge and index the given files (folders expand like scan), in the order given'],
  check: ['check FILES...', 'judge files against the index without adding them'],
  compare: ['compare A B', 'show how article A relates to source B: measures, verdict, aligned passages'],
  eval: ['eval CORPUS_DIR', 'measure the detector on a labelled corpus (labels.tsv, see shared/corpora)'],
  calibrate: [
    'calibrate CORPUS_DIR',
    `fit the verdict thresholds to a labelled sample (corpus format): prints
cross-validated figures, writes a params file (--out, default detector-params.json)`,
  ],
  backfill: [
    'backfill',
    `judge the articles already in an S3 bucket, oldest LastModified first, as the
deployed function would on upload (reports to the bucket, index to the table)`,
  ],
  reindex: [
    'reindex',
    `rebuild the DynamoDB index table from the fingerprints in the bucket (to move
a deployment off the S3-LIST index, or restore the table)`,
  ],
  url: [
    'url KEY',
    `print a presigned link to a report in the bucket (KEY: an article key, meaning
its HTML report, or a store key under reports/), for a reader without AWS credentials`,
  ],
  digest: [
    'digest',
    `write the digest of a day's flagged articles (reports/digest/DAY.html and .json):
in the store with relative links, or with --bucket/--endpoint in the bucket with
presigned links`,
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type CommandName = keyof typeof COMMANDS;

const ALL = Object.keys(COMMANDS) as CommandName[];
const BUCKET_COMMANDS: readonly CommandName[] = ['backfill', 'reindex'];
const JUDGING: readonly CommandName[] = ALL.filter((c) => c !== 'url' && c !== 'digest');

/** Each option: how it is written, what it does, and the commands that take it. */
const OPTION_HELP: ReadonlyArray<{ name: string; flag: string; about: string; of: readonly CommandName[] }> = [
  {
    name: 'store',
    flag: '--store DIR',
    about: `where the index and reports are kept (default ${DEFAULT_STORE_DIR})`,
    of: ['scan', 'index', 'check', 'compare', 'digest'],
  },
  { name: 'json', flag: '--json', about: 'machine-readable output: one JSON object per line on stdout', of: ALL },
  {
    name: 'param',
    flag: '--param NAME=VALUE',
    about: 'override a detector parameter (repeatable), e.g. --param rewriteShare=0.6',
    of: JUDGING,
  },
  {
    name: 'params-file',
    flag: '--params-file FILE',
    about: 'verdict thresholds from a JSON file (as calibrate writes it); --param wins over it',
    of: JUDGING,
  },
  { name: 'errors', flag: '--errors FILE', about: 'write the misjudged articles as TSV', of: ['eval'] },
  {
    name: 'max-false-alarms',
    flag: '--max-false-alarms X',
    about: 'keep the false-alarm rate at most X (else macro-F1 alone)',
    of: ['calibrate'],
  },
  {
    name: 'out',
    flag: '--out FILE',
    about: 'where the params file goes (default detector-params.json)',
    of: ['calibrate'],
  },
  {
    name: 'endpoint',
    flag: '--endpoint URL',
    about: `S3-compatible endpoint (default ${LOCAL_S3_ENDPOINT}, the local
stack; a 127.0.0.1/localhost endpoint without AWS_ACCESS_KEY_ID signs as
S3RVER/S3RVER, any other uses the standard AWS credential chain)`,
    of: [...BUCKET_COMMANDS, 'url', 'digest'],
  },
  {
    name: 'dynamodb-endpoint',
    flag: '--dynamodb-endpoint URL',
    about: `DynamoDB endpoint (default ${LOCAL_DYNAMODB_ENDPOINT}, the local
stack's dynalite; same credential rule; on AWS e.g. https://dynamodb.us-east-1.amazonaws.com)`,
    of: BUCKET_COMMANDS,
  },
  { name: 'table', flag: '--table NAME', about: `the index table (default ${LOCAL_TABLE})`, of: BUCKET_COMMANDS },
  {
    name: 'bucket',
    flag: '--bucket NAME',
    about: 'the articles bucket (default articles)',
    of: [...BUCKET_COMMANDS, 'url', 'digest'],
  },
  { name: 'prefix', flag: '--prefix PREFIX', about: 'where the articles are (default incoming/)', of: BUCKET_COMMANDS },
  {
    name: 'concurrency',
    flag: '--concurrency N',
    about: 'articles judged at once (backfill, default 4) or fingerprints read at once (reindex, default 8)',
    of: BUCKET_COMMANDS,
  },
  {
    name: 'expires',
    flag: '--expires DURATION',
    about: `how long links work: 3600, 30m, 12h, 7d (default and most 7d,
the SigV4 limit; a link signed with temporary credentials ends when they do)`,
    of: ['url', 'digest'],
  },
  { name: 'date', flag: '--date YYYY-MM-DD', about: 'the UTC day (default today)', of: ['digest'] },
  { name: 'help', flag: '-h, --help', about: 'show this help', of: ALL },
];

const FILE_NOTES = `Article files: ${SUPPORTED_EXTENSIONS.join(' ')}; other files get a rejected report.
Dotfiles and dot-folders are skipped. An article's key is its path relative to the folder
holding the store (a file outside it: .outside/ and its absolute path); reports go to
<store>/reports/<key>.json.`;

const EXIT_CODES = `Exit codes: 0 done (flagged articles are not errors), 1 storage or input fault, 2 bad usage or
configuration (including --param values the index was not built with), 3 a file given, or found
in a folder given, is missing or not a readable file (the others were judged; it has a not-found report).`;

/** Two columns: the term, then its text, wrapped lines indented under the text. */
function rows(items: ReadonlyArray<readonly [string, string]>): string {
  const indent = ' '.repeat(23);
  return items
    .map(([term, text]) => {
      const lines = text.split('\n');
      const head = term.length <= 20 ? `  ${term.padEnd(21)}${lines[0]}` : `  ${term}\n${indent}${lines[0]}`;
      return [head, ...lines.slice(1).map((l) => `${indent}${l}`)].join('\n');
    })
    .join('\n');
}

/** Which commands take an option, as the full help says it: nothing for every command. */
function scopeOf(commands: readonly CommandName[]): string {
  const others = ALL.filter((c) => !commands.includes(c));
  if (others.length === 0) return '';
  return others.length <= 2 ? `all but ${others.join(', ')}: ` : `${commands.join(', ')}: `;
}

/** The help text of `rewrite-radar help`: every command and option. */
export const USAGE = `Usage: rewrite-radar <command> [options]

Finds news articles copied or reworded from articles indexed before them.

Commands:
${rows([...Object.values(COMMANDS), ['help [COMMAND]', "show this help, or one command's"]])}

Options (COMMAND --help lists a command's own):
${rows([
  ...OPTION_HELP.map((o) => [o.flag, `${scopeOf(o.of)}${o.about}`] as const),
  ['--version', 'print the version'],
])}

${FILE_NOTES}
${EXIT_CODES}
`;

/** Whether a word names a command. */
export function isCommand(word: string | undefined): word is CommandName {
  return word !== undefined && Object.hasOwn(COMMANDS, word);
}

/** The help of one command: what it does and only the options it takes. */
export function commandUsage(command: CommandName): string {
  const [synopsis, about] = COMMANDS[command];
  const notes = ['scan', 'index', 'check'].includes(command) ? `\n${FILE_NOTES}` : '';
  return `Usage: rewrite-radar ${synopsis} [options]

${about}

Options:
${rows(OPTION_HELP.filter((o) => o.of.includes(command)).map((o) => [o.flag, o.about] as const))}
${notes}
${EXIT_CODES}
`;
}

/** The given options a command does not take, each with the commands that do. */
export function misplacedOptions(command: CommandName, given: readonly string[]): string[] {
  return OPTION_HELP.filter((o) => given.includes(o.name) && !o.of.includes(command)).map(
    (o) => `--${o.name} is not an option of ${command} (it is one of ${o.of.join(', ')})`,
  );
}
