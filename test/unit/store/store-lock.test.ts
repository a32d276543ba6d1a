import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE, StoreBusyError, lockStore } from '../../../lib/store/store-lock';

describe('lockStore', () => {
  let root: string;
  let storeDir: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'rr-store-lock-'));
    storeDir = join(root, 'store');
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const ownerLine = (pid: number, host = hostname()): string =>
    `${JSON.stringify({ pid, host, command: 'scan', since: '2026-12-04T00:00:00.000Z' })}\n`;

  it('refuses a second run while the first holds the store, naming it, and lets the next one in after release', async () => {
    const first = await lockStore(storeDir, 'scan');
    const refused = lockStore(storeDir, 'index');
    await expect(refused).rejects.toThrow(StoreBusyError);
    await expect(refused).rejects.toThrow(`rewrite-radar scan (process ${process.pid} on ${hostname()}`);
    await first.release();
    await first.release();
    expect(await readdir(storeDir)).toEqual([]);
    const next = await lockStore(storeDir, 'index');
    await next.release();
  });

  it('takes over the lock of a run whose process has ended on this host', async () => {
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    await mkdir(storeDir);
    await writeFile(join(storeDir, LOCK_FILE), ownerLine(ended));
    const lock = await lockStore(storeDir, 'index');
    await lock.release();
  });

  it("never takes over another host's lock, nor one it cannot read", async () => {
    await mkdir(storeDir);
    await writeFile(join(storeDir, LOCK_FILE), ownerLine(1, `${hostname()}-other`));
    await expect(lockStore(storeDir, 'index')).rejects.toThrow(`on ${hostname()}-other`);
    await writeFile(join(storeDir, LOCK_FILE), '{"pid": 1, "ho');
    await expect(lockStore(storeDir, 'index')).rejects.toThrow('being written by another run');
  });
});
