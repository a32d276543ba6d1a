import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const OSLS = join(ROOT, 'node_modules/osls/bin/serverless.js');

/**
 * Runs `osls package` on the project with no AWS variables (and no SOURCE_MAPS, so bundles are
 * built as deployed), into `outDir` (default .serverless/); returns the folder. The esbuild plugin
 * builds each function in the temp folder and leaves it there, so it gets one of its own, removed after.
 */
export function packageWithOsls(args: readonly string[], outDir?: string): string {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_') && name !== 'SOURCE_MAPS'),
  );
  const temp = mkdtempSync(join(tmpdir(), 'rr-osls-build-'));
  try {
    const run = spawnSync(process.execPath, [OSLS, 'package', ...(outDir ? ['--package', outDir] : []), ...args], {
      cwd: ROOT,
      env: { ...env, TMPDIR: temp },
      encoding: 'utf8',
      timeout: 110_000,
    });
    if (run.status !== 0) throw new Error(`osls package exited ${run.status}:\n${run.stdout}\n${run.stderr}`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return outDir ?? join(ROOT, '.serverless');
}
