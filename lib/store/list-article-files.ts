import { readdir } from 'node:fs/promises';
import { isFolder } from '../util/path-kind.js';
import { join, resolve } from 'node:path';
import { articleKey } from './article-key.js';

/** A file to judge: where it is and the key its reports and fingerprint are stored under. */
export interface ArticleFile {
  readonly path: string;
  readonly key: string;
}

/**
 * Expands paths (relative to `cwd`) into article files keyed relative to `keyRoot`: a folder gives
 * every file under it (any extension, so unsupported ones get a rejected report) in sorted key
 * order, skipping dotfiles, dot-folders and the store folder; anything else is kept as given, even
 * when missing, to be reported as such. Duplicates keep their first position.
 */
export async function listArticleFiles(
  paths: readonly string[],
  options: { cwd: string; keyRoot: string; exclude?: string },
): Promise<ArticleFile[]> {
  const exclude = options.exclude === undefined ? undefined : resolve(options.cwd, options.exclude);
  const seen = new Set<string>();
  const out: ArticleFile[] = [];
  const push = (path: string): void => {
    const key = articleKey(path, options.keyRoot);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path, key });
  };
  for (const given of paths) {
    const path = resolve(options.cwd, given);
    if (await isFolder(path)) {
      const found: string[] = [];
      await walk(path, exclude, found);
      const files = found.map((p) => ({ path: p, key: articleKey(p, options.keyRoot) }));
      files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      for (const f of files) push(f.path);
    } else {
      push(path);
    }
  }
  return out;
}

async function walk(folder: string, exclude: string | undefined, out: string[]): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (path === exclude) continue;
    if (entry.isDirectory()) await walk(path, exclude, out);
    // symlinked folders are not followed (no cycles); anything else is listed, so a pipe or a
    // device gets a rejected report rather than being left out unseen
    else if (!entry.isSymbolicLink() || !(await isFolder(path))) out.push(path);
  }
}
