import { open, stat } from 'node:fs/promises';
import type { ArticleRead, ArticleSource } from './ports.js';

/** Reads articles from local files; `pathOf` maps an article key to its file. */
export class LocalFileArticleSource implements ArticleSource {
  constructor(private readonly pathOf: (key: string) => string) {}

  async read(key: string, maxBytes: number): Promise<ArticleRead> {
    let file;
    try {
      file = await open(this.pathOf(key), 'r');
    } catch (err) {
      if (isMissing(err)) return { kind: 'missing' };
      throw err;
    }
    try {
      const info = await file.stat();
      if (!info.isFile()) return { kind: 'missing' };
      if (info.size > maxBytes) return { kind: 'too-large', size: info.size };
      const bytes = new Uint8Array(await file.readFile());
      return { kind: 'found', bytes, size: bytes.length, etag: undefined, lastModified: info.mtime };
    } finally {
      await file.close();
    }
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
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
