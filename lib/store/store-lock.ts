import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RewriteRadarError, StoreError } from '../errors.js';
import { errorCode, messageOf } from '../util/node-errors.js';

/** File that marks a local store as being written, inside the store folder. */
export const LOCK_FILE = '.lock';

/** Another run is writing the store: its index would overwrite this one's, or this one's its. */
export class StoreBusyError extends RewriteRadarError {
  override name = 'StoreBusyError';
}

/** Who holds a store. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly since: string;
}

/** A held store lock; release() is safe to call twice. */
export interface StoreLock {
  release(): Promise<void>;
}

/**
 * Takes a local store for one writing run. The store's index lives in memory and is saved whole,
 * so two runs writing one store at once would each save only their own entries, and the last save
 * would silently drop the other's. A second run is refused with the first one's command and process;
 * a lock left by a run that ended without releasing it (killed, crashed) is taken over when its
 * process is gone from this host. A lock from another host is never taken over: its file names it.
 */
export async function lockStore(storeDir: string, command: string): Promise<StoreLock> {
  const file = join(storeDir, LOCK_FILE);
  await mkdir(storeDir, { recursive: true }).catch((err: unknown) => {
    throw new StoreError(`cannot create the store ${storeDir}: ${messageOf(err)}`, { key: storeDir }, { cause: err });
  });
  const owner: LockOwner = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(`${JSON.stringify(owner)}\n`);
      } finally {
        await handle.close();
      }
      let held = true;
      return {
        release: async () => {
          if (!held) return;
          held = false;
          await unlink(file).catch(() => undefined);
        },
      };
    } catch (err) {
      if (errorCode(err) !== 'EEXIST')
        throw new StoreError(`cannot lock the store ${storeDir}: ${messageOf(err)}`, { key: file }, { cause: err });
    }
    const holder = await readOwner(file);
    if (holder === 'gone') continue; // released meanwhile
    if (holder === undefined || isRunning(holder)) throw busy(storeDir, file, holder);
    // its run ended without releasing it: the next attempt creates it anew
    await unlink(file).catch(() => undefined);
  }
  const last = await readOwner(file);
  throw busy(storeDir, file, last === 'gone' ? undefined : last);
}

function busy(storeDir: string, file: string, holder: LockOwner | undefined): StoreBusyError {
  const who =
    holder === undefined
      ? 'another run'
      : `rewrite-radar ${holder.command} (process ${holder.pid} on ${holder.host}, since ${holder.since})`;
  return new StoreBusyError(
    `the store ${storeDir} is being written by ${who}; run one at a time or give another --store (if that run is gone, delete ${file})`,
  );
}

/** The lock's owner; 'gone' when there is no lock now, undefined while it is being written or when it is not one. */
async function readOwner(file: string): Promise<LockOwner | 'gone' | undefined> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    return errorCode(err) === 'ENOENT' ? 'gone' : undefined;
  }
  try {
    const v = JSON.parse(raw) as Partial<LockOwner>;
    if (
      typeof v.pid === 'number' &&
      typeof v.host === 'string' &&
      typeof v.command === 'string' &&
      typeof v.since === 'string'
    )
      return v as LockOwner;
  } catch {
    // half written, or not ours: treated as held
  }
  return undefined;
}

/** Whether the owner's process still runs; one on another host is assumed to. */
function isRunning(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
}
