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
 * Key of an article file: its path relative to `root` with '/' separators, or, outside `root`,
 * its absolute path without the leading '/' (keys are store paths, so they must stay relative).
 */
export function articleKey(absolutePath: string, root: string): string {
  const rel = relativeInside(root, absolutePath);
  if (rel !== undefined) return rel.split(sep).join('/');
  return absolutePath
    .split(sep)
    .join('/')
    .replace(/^[A-Za-z]:/, '')
    .replace(/^\/+/, '');
}

/** Path of `path` relative to `root` when it lies strictly inside it (a name like `..draft.txt` does), else undefined. */
export function relativeInside(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? undefined : rel;
}
