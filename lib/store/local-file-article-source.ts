import { stat } from 'node:fs/promises';
import { errorCode } from '../util/node-errors.js';
import type { ArticleRead, ArticleSource } from './ports.js';
import { readRegularFile } from './read-regular-file.js';

/** Reads articles from local files; `pathOf` maps an article key to its file. */
export class LocalFileArticleSource implements ArticleSource {
  constructor(private readonly pathOf: (key: string) => string) {}

  async read(key: string, maxBytes: number): Promise<ArticleRead> {
    let read;
    try {
      read = await readRegularFile(this.pathOf(key), maxBytes);
    } catch (err) {
      if (isMissing(err)) return { kind: 'missing' };
      throw err;
    }
    if (read.kind === 'not-a-file') return { kind: 'missing' };
    if (read.kind === 'too-large') return read;
    const { bytes, modified } = read;
    return { kind: 'found', bytes, size: bytes.length, etag: undefined, lastModified: modified };
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }
}

function isMissing(err: unknown): boolean {
  const code = errorCode(err);
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
