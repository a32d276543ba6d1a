import { stat } from 'node:fs/promises';

/** What a path names, following links: a file, a folder, something else (a pipe, a device), or nothing. */
export async function pathKind(path: string): Promise<'file' | 'folder' | 'other' | 'missing'> {
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

/** Whether path is an existing regular file. */
export async function isFile(path: string): Promise<boolean> {
  return (await pathKind(path)) === 'file';
}

/** Whether path is an existing folder (false when missing). */
export async function isFolder(path: string): Promise<boolean> {
  return (await pathKind(path)) === 'folder';
}
