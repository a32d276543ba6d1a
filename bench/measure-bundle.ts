/**
 * Size and cold load time of the article-created Lambda bundle, built with the esbuild options
 * serverless-esbuild uses (both read esbuild.config.js). Standalone: `node dist/bench/measure-bundle.js`.
 */
import { build, type BuildOptions } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { summarise } from './measure.js';

const ENTRY = 'functions/article-created.ts';
const COLD_RUNS = 7;
const TARGETS = { bundleBytes: 500 * 1024, coldInitMs: 150 } as const;

/** The repository root: the nearest folder above this file holding serverless.yml (works from bench/ and dist/bench/). */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'serverless.yml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Expecting serverless.yml in a folder above ${__dirname}, found none`);
    dir = parent;
  }
  return dir;
}

/** Milliseconds to `require` the bundle in a fresh Node process (module load and top-level code only). */
function coldLoadMs(root: string, bundle: string): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(bundle)});console.log(Number(process.hrtime.bigint()-t)/1e6)`;
  // What Lambda sets, plus the one required variable, so a handler that reads its config at load succeeds.
  const env = {
    ...process.env,
    AWS_REGION: 'us-east-1',
    ARTICLES_BUCKET: 'measure-bundle',
    INDEX_TABLE: 'measure-bundle',
    INCOMING_PREFIX: 'incoming/',
  };
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: root,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = Number(out.trim().split('\n').pop());
  if (!Number.isFinite(ms))
    throw new Error(`Expecting the load time in ms on the last line, got ${JSON.stringify(out)}`);
  return ms;
}

/**
 * Bundles the article-created handler and measures it. `bundleBytes` is the .js file alone (what
 * Lambda loads; the .map beside it and the zip are not counted). `coldInitMs` is the median of
 * fresh-process loads; `@aws-sdk/*` stays external and resolves from node_modules, as it resolves
 * from the runtime's copy on Lambda.
 */
export async function measureBundle(): Promise<{ bundleBytes: number; coldInitMs: number }> {
  const root = repoRoot();
  const { esbuildOptions } = createRequire(__filename)(join(root, 'esbuild.config.js')) as {
    esbuildOptions: BuildOptions;
  };
  const outdir = join(root, '.esbuild', 'measure-bundle');
  rmSync(outdir, { recursive: true, force: true });
  // outdir mirrors the plugin's: <work folder>/<entry's folder>/<entry's name>.js
  await build({
    ...esbuildOptions,
    entryPoints: [join(root, ENTRY)],
    outdir: join(outdir, dirname(ENTRY)),
    logLevel: 'warning',
  });
  const bundle = join(outdir, ENTRY.replace(/\.ts$/, '.js'));
  const bundleBytes = statSync(bundle).size;
  const samples = Array.from({ length: COLD_RUNS }, () => coldLoadMs(root, bundle));
  return { bundleBytes, coldInitMs: summarise(samples).median };
}

async function main(): Promise<void> {
  const { bundleBytes, coldInitMs } = await measureBundle();
  const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');
  console.log(
    `bundle (.js)  ${(bundleBytes / 1024).toFixed(1)} KiB (${bundleBytes} bytes)  target < ${TARGETS.bundleBytes / 1024} KiB, ${verdict(bundleBytes < TARGETS.bundleBytes)}`,
  );
  console.log(
    `cold init     ${coldInitMs.toFixed(1)} ms (median of ${COLD_RUNS} fresh processes)  target < ${TARGETS.coldInitMs} ms, ${verdict(coldInitMs < TARGETS.coldInitMs)}`,
  );
  console.log(JSON.stringify({ bundleBytes, coldInitMs }));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
