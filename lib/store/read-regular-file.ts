import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** What reading one local article file gave. */
export type RegularFileRead =
  | { readonly kind: 'found'; readonly bytes: Uint8Array; readonly modified: Date }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'not-a-file'; readonly what: string };

/** Most bytes read at a time beyond the size the file reports (which a growing or /proc file exceeds). */
const CHUNK_BYTES = 1 << 16;

/**
 * Reads a regular file of at most maxBytes. A device (/dev/zero, /dev/urandom), a named pipe or a
 * socket has no end or waits for a writer, so it is never read: the file is opened non-blocking (a
 * pipe's open would otherwise wait) and refused by its type. At most maxBytes + 1 bytes are read,
 * so a file that grows while it is read cannot pass the limit either. Failures of the file system
 * itself (ENOENT, EACCES) are thrown for the caller to word.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<RegularFileRead> {
  const file = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await file.stat();
    if (!info.isFile()) return { kind: 'not-a-file', what: kindOf(info) };
    if (info.size > maxBytes) return { kind: 'too-large', size: info.size };
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      // the size it reports and one byte more: a file that stays as it was takes two reads
      const chunk = new Uint8Array(Math.min(maxBytes + 1, Math.max(info.size + 1, total + CHUNK_BYTES)) - total);
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { kind: 'too-large', size: total };
    }
    return { kind: 'found', bytes: Buffer.concat(chunks, total), modified: info.mtime };
  } finally {
    await file.close();
  }
}

function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  return 'a device';
}
