import { readFile, stat } from 'node:fs/promises';
import { ArticleRejectedError } from '../errors.js';

/**
 * The bytes of an article file, or the rejection of a file that cannot be read: one bad file
 * becomes a rejected report and never stops a run. Files over maxBytes are not read at all.
 */
export async function readArticleFile(path: string, maxBytes: number): Promise<Uint8Array | ArticleRejectedError> {
  try {
    const { size } = await stat(path);
    if (size > maxBytes)
      return new ArticleRejectedError('too-large', `${size} bytes; at most ${maxBytes} are read (maxBytes)`);
    return await readFile(path);
  } catch (cause) {
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a folder'
          : cause instanceof Error
            ? cause.message
            : String(cause);
    return new ArticleRejectedError('not-found', `cannot read ${path}: ${why}`, { cause });
  }
}
