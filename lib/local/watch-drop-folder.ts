import { watch, type Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A running watch of the drop folder; `close` stops it, its timers and its scans. */
export interface DropFolderWatch {
  close(): void;
}

/** How quickly files are noticed and how long they must stay unchanged. */
export interface DropFolderTiming {
  /** A file is handed over once its size and mtime are the same on two looks this far apart (ms). */
  readonly settleMs?: number;
  /** The folder is also rescanned this often (ms), whether or not the watcher reported anything. */
  readonly rescanMs?: number;
}

/**
 * Calls onFile once for each file written into dir (recursively) after the watch started (or pipe
 * or device made there), and again whenever a handled file changes, once it has stopped changing.
 * Files already there are left alone. Events only prompt a rescan: what is handed over comes from comparing each file's (size, mtime) with
 * the last handled one, so a missed event or a partial write costs a delay, not a file. Node's
 * recursive fs.watch on Linux is emulated (one inotify watch per folder and file, set up as they
 * appear), so the periodic rescan is what guarantees nothing is missed.
 */
export async function watchDropFolder(
  dir: string,
  onFile: (path: string) => void,
  timing: DropFolderTiming = {},
): Promise<DropFolderWatch> {
  const settleMs = timing.settleMs ?? 300;
  const handled = new Map<string, string>();
  // files changed since handled: their last (size, mtime) and when it was first seen
  const pending = new Map<string, { signature: string; since: number }>();
  let closed = false;
  let scanning: Promise<void> | undefined;
  let again = false;
  let soon: NodeJS.Timeout | undefined;

  const scan = async (baseline: boolean): Promise<void> => {
    const now = Date.now();
    const files = await signatures(dir);
    if (closed) return;
    for (const path of handled.keys()) if (!files.has(path)) handled.delete(path);
    for (const path of pending.keys()) if (!files.has(path)) pending.delete(path);
    for (const [path, signature] of files) {
      if (baseline) handled.set(path, signature);
      if (handled.get(path) === signature) {
        pending.delete(path);
        continue;
      }
      const seen = pending.get(path);
      if (seen?.signature !== signature) pending.set(path, { signature, since: now });
      else if (now - seen.since >= settleMs) {
        pending.delete(path);
        handled.set(path, signature);
        onFile(path);
      }
    }
    const waiting = [...pending.values()].map((p) => p.since + settleMs - now);
    if (waiting.length > 0) schedule(Math.max(0, Math.min(...waiting)));
  };
  // one scan at a time; a request during a scan runs another right after it
  const rescan = (): void => {
    if (closed) return;
    if (scanning) {
      again = true;
      return;
    }
    scanning = scan(false)
      .catch(() => undefined) // the folder vanished or a file went mid-scan: the next scan sees the new state
      .finally(() => {
        scanning = undefined;
        if (again) {
          again = false;
          rescan();
        }
      });
  };
  const schedule = (ms: number): void => {
    if (closed || soon) return;
    soon = setTimeout(() => {
      soon = undefined;
      rescan();
    }, ms);
  };

  await scan(true);
  const watcher = watch(dir, { recursive: true }, () => schedule(50));
  watcher.on('error', () => undefined); // e.g. a watched file removed mid-setup: the rescans cover it
  const periodic = setInterval(rescan, timing.rescanMs ?? 1000);
  return {
    close() {
      closed = true;
      watcher.close();
      clearInterval(periodic);
      clearTimeout(soon);
    },
  };
}

/**
 * Everything under dir but folders, with its size and mtime: a pipe, a device or a link is handed
 * over too, so the uploader says it is not a file instead of it going unseen.
 */
async function signatures(dir: string): Promise<Map<string, string>> {
  const entries: Dirent[] = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    const s = await stat(path).catch(() => undefined);
    if (s && !s.isDirectory()) files.set(path, `${s.size}:${s.mtimeMs}`);
  }
  return files;
}
