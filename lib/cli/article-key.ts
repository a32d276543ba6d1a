import { isAbsolute, relative, sep } from 'node:path';

/**
 * Key of an article file: its path relative to `cwd` with '/' separators, or, outside `cwd`,
 * its absolute path without the leading '/' (keys are store paths, so they must stay relative).
 */
export function articleKey(absolutePath: string, cwd: string): string {
  const rel = relative(cwd, absolutePath);
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  return absolutePath.split(sep).join('/').replace(/^[A-Za-z]:/, '').replace(/^\/+/, '');
}
