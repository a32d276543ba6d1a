import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Marks temp files of writeFileAtomic so folder listings can skip them. */
export const TEMP_MARKER = '.rr-tmp-';

let counter = 0;

/**
 * Writes a file so readers see the old or the new content, never half of it: the bytes go to a
 * temp file in the same folder (same file system, so rename is atomic) which then replaces the target.
 */
export async function writeFileAtomic(file: string, body: Uint8Array | string): Promise<void> {
  const folder = dirname(file);
  await mkdir(folder, { recursive: true });
  const temp = join(folder, `${basename(file)}${TEMP_MARKER}${process.pid}-${++counter}`);
  try {
    await writeFile(temp, body);
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
