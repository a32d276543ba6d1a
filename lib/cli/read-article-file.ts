import { ArticleRejectedError } from '../errors.js';
import { readRegularFile } from '../store/read-regular-file.js';

/**
 * The bytes of an article file, or the rejection of a file that cannot be read: one bad file
 * becomes a rejected report and never stops a run. Files over maxBytes are not read whole, and
 * devices, pipes and sockets not at all (see readRegularFile).
 */
export async function readArticleFile(path: string, maxBytes: number): Promise<Uint8Array | ArticleRejectedError> {
  try {
    const read = await readRegularFile(path, maxBytes);
    if (read.kind === 'found') return read.bytes;
    if (read.kind === 'too-large')
      return new ArticleRejectedError('too-large', `${read.size} bytes; at most ${maxBytes} are read (maxBytes)`);
    return new ArticleRejectedError('not-found', `cannot read ${path}: it is ${read.what}, not a file`);
  } catch (cause) {
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
    const why = code === 'ENOENT' ? 'no such file' : cause instanceof Error ? cause.message : String(cause);
    return new ArticleRejectedError('not-found', `cannot read ${path}: ${why}`, { cause });
  }
}
