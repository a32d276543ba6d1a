import { dirname, isAbsolute, relative, sep } from 'node:path';

/**
 * Folder article keys are relative to: the one that holds the store folder. Keys then name the
 * same file whatever folder a command runs from, so a file checked from elsewhere is not taken
 * for another article (and reported as a copy of itself).
 */
export function keyRootOf(storeDir: string): string {
  return dirname(storeDir);
}

/**
 * First segment of the key of a file outside the root. Without it /elsewhere/a.txt and
 * <root>/elsewhere/a.txt had one key, and indexing both kept only the second. A folder walk skips
 * dot-folders, so a key inside the root starts with it only when such a file is named explicitly.
 */
export const OUTSIDE_ROOT = '.outside';

/**
 * Key of an article file: its path relative to `root` with '/' separators, or, outside `root`,
 * OUTSIDE_ROOT and its absolute path (keys are store paths, so they must stay relative).
 */
export function articleKey(absolutePath: string, root: string): string {
  const rel = relativeInside(root, absolutePath);
  if (rel !== undefined) return rel.split(sep).join('/');
  const path = absolutePath
    .split(sep)
    .join('/')
    .replace(/^[A-Za-z]:/, '')
    .replace(/^\/+/, '');
  return path === '' ? OUTSIDE_ROOT : `${OUTSIDE_ROOT}/${path}`;
}

/** Path of `path` relative to `root` when it lies strictly inside it (a name like `..draft.txt` does), else undefined. */
export function relativeInside(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? undefined : rel;
}
