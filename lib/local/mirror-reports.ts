import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { REPORT_PREFIX } from '../store/keys.js';
import type { ObjectStore } from '../store/ports.js';

/** Copies reports written to the bucket into a plain folder, so they open from disk; `idle()` waits for the copies under way. */
export interface ReportMirror {
  /** Called with every object event of the server (S3's record shape, raw keys). */
  onEvent(event: unknown): void;
  idle(): Promise<void>;
}

/**
 * `reports/<key>` of the bucket becomes `<folder>/<key>`, keeping the tree so links between
 * reports still resolve; a removed report is removed. Keys that would leave the folder are skipped.
 */
export function mirrorReports(
  store: Pick<ObjectStore, 'get'>,
  folder: string,
  onError: (key: string, error: unknown) => void,
): ReportMirror {
  const root = resolve(folder);
  const inFlight = new Set<Promise<void>>();
  // one key's copies run in order, so a quick rewrite of a report never leaves the older copy
  const last = new Map<string, Promise<void>>();
  const copy = async (key: string, removed: boolean, path: string): Promise<void> => {
    if (removed) return void (await rm(path, { force: true }));
    const body = await store.get(key);
    if (!body) return; // replaced or removed since: its own event follows
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, body);
  };
  return {
    onEvent(event) {
      for (const { key, removed } of objectEvents(event)) {
        const path = mirrorPath(root, key);
        if (path === undefined) continue;
        const p = (last.get(key) ?? Promise.resolve())
          .then(() => copy(key, removed, path))
          .catch((error: unknown) => onError(key, error))
          .finally(() => {
            inFlight.delete(p);
            if (last.get(key) === p) last.delete(key);
          });
        last.set(key, p);
        inFlight.add(p);
      }
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}

/** Where a bucket key under reports/ is mirrored, or undefined for other keys and keys that would leave root. */
export function mirrorPath(root: string, key: string): string | undefined {
  if (!key.startsWith(REPORT_PREFIX)) return undefined;
  const path = resolve(root, join(...key.slice(REPORT_PREFIX.length).split('/')));
  const inside = relative(root, path);
  return inside !== '' && !inside.startsWith(`..${sep}`) && inside !== '..' ? path : undefined;
}

/** The keys of an S3 event's records, and whether each was removed. */
function objectEvents(event: unknown): Array<{ key: string; removed: boolean }> {
  const records = (event as { Records?: Array<{ eventName?: unknown; s3?: { object?: { key?: unknown } } }> }).Records;
  if (!Array.isArray(records)) return [];
  return records.flatMap((r) => {
    const key = r.s3?.object?.key;
    return typeof key === 'string' ? [{ key, removed: String(r.eventName).startsWith('ObjectRemoved') }] : [];
  });
}
