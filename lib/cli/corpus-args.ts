import { access, constants, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './usage-error.js';
import { isFile, isFolder } from '../util/path-kind.js';

/**
 * Checks, before any work, that `dir` is a labelled corpus folder (it holds labels.tsv): eval and
 * calibrate read every text before they print anything.
 */
export async function requireCorpus(cwd: string, dir: string, command: string): Promise<void> {
  if (!(await isFile(join(resolve(cwd, dir), 'labels.tsv')))) {
    throw new UsageError(
      `${command}: ${dir} has no labels.tsv; a corpus folder holds labels.tsv (columns article, label, derived, sources) and the texts it names, as in shared/corpora`,
    );
  }
}

/** Checks, before any work, that a file can be written at `path` (no folder is there, its folder exists and is writable). */
export async function requireWritable(cwd: string, path: string, option: string): Promise<void> {
  if (await isFolder(resolve(cwd, path))) throw new UsageError(`${option} ${path}: is a folder; give a file name`);
  const folder = dirname(resolve(cwd, path));
  try {
    if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
    await access(folder, constants.W_OK);
  } catch {
    throw new UsageError(`${option} ${path}: the folder ${folder} does not exist or cannot be written`);
  }
}
