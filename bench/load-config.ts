import { join, resolve } from 'node:path';

/** The load test's settings, from its command line. */
export interface LoadConfig {
  /** Background articles indexed at each checkpoint, ascending. */
  readonly sizes: readonly number[];
  readonly planted: number;
  readonly llm: number;
  readonly negatives: number;
  /** Articles seeded at once. */
  readonly concurrency: number;
  readonly corpora: string;
  /** Probes in the order built (kinds grouped, each in corpus order), or shuffled: a stream with no topic runs, for the common-key reuse. */
  readonly order: 'given' | 'shuffled';
}

const USAGE =
  'usage: npm run bench:load -- [--sizes 1000,10000,50000] [--max N] [--planted 252] [--llm 300] [--negatives 250] [--concurrency 8] [--corpora DIR] [--order given|shuffled]';

/**
 * Parses `--sizes a,b,c` (checkpoints, default 1000,10000,50000), `--max N` (drops larger
 * checkpoints and adds N), the probe counts and seeding concurrency; a bad value is a RangeError
 * naming the flag.
 */
export function parseLoadArgs(argv: readonly string[], repoRoot: string): LoadConfig {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined) throw new RangeError(`${USAGE}\ngot ${argv.join(' ')}`);
    flags.set(flag.slice(2), value);
  }
  const known = new Set(['sizes', 'max', 'planted', 'llm', 'negatives', 'concurrency', 'corpora', 'order']);
  for (const f of flags.keys()) if (!known.has(f)) throw new RangeError(`unknown flag --${f}\n${USAGE}`);
  const int = (name: string, raw: string | undefined, fallback: number): number => {
    if (raw === undefined) return fallback;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`--${name} must be a positive integer, got ${raw}`);
    return n;
  };
  let sizes = (flags.get('sizes') ?? '1000,10000,50000').split(',').map((s) => int('sizes', s.trim(), 0));
  const max = flags.has('max') ? int('max', flags.get('max'), 0) : undefined;
  if (max !== undefined) sizes = [...sizes.filter((n) => n < max), max];
  const order = flags.get('order') ?? 'given';
  if (order !== 'given' && order !== 'shuffled')
    throw new RangeError(`--order must be given or shuffled, got ${order}`);
  return Object.freeze({
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    planted: int('planted', flags.get('planted'), 252),
    llm: int('llm', flags.get('llm'), 300),
    negatives: int('negatives', flags.get('negatives'), 250),
    concurrency: int('concurrency', flags.get('concurrency'), 8),
    corpora: resolve(flags.get('corpora') ?? join(repoRoot, '..', 'shared', 'corpora')),
    order,
  });
}
