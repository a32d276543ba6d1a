import { appendFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchDropFolder, type DropFolderWatch } from '../../lib/local/watch-drop-folder.js';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the drop folder of npm start (a real folder and fs.watch)', () => {
  let dir: string;
  let watch: DropFolderWatch | undefined;
  // each handed-over file with its size at that moment
  let handed: Array<{ path: string; size: number }>;
  const start = async (): Promise<void> => {
    watch = await watchDropFolder(dir, (path) => void stat(path).then((s) => handed.push({ path, size: s.size })), {
      settleMs: 1000,
      rescanMs: 300,
    });
  };
  const handedOver = async (count: number): Promise<void> => {
    for (let waited = 0; handed.length < count; waited += 20) {
      if (waited > 15_000) throw new Error(`Expecting ${count} files handed over within 15 s, got ${handed.length}`);
      await pause(20);
    }
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rr-drop-'));
    handed = [];
  });

  afterEach(async () => {
    watch?.close();
    watch = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves files already there alone, hands over a new file once, and again when it changes', async () => {
    await writeFile(join(dir, 'old.txt'), 'there before the start');
    await start();

    await writeFile(join(dir, 'new.txt'), 'dropped');
    await handedOver(1);
    await pause(1000); // several rescans: an unchanged file is not handed over twice
    expect(handed).toEqual([{ path: join(dir, 'new.txt'), size: 7 }]);

    await writeFile(join(dir, 'new.txt'), 'dropped again');
    await handedOver(2);
    expect(handed[1]).toEqual({ path: join(dir, 'new.txt'), size: 13 });
  });

  it('waits until a file written in parts stops growing, and finds files in new subfolders', async () => {
    await start();

    await writeFile(join(dir, 'slow.txt'), 'first part, ');
    await pause(50); // far below settleMs: the file is still being written
    await appendFile(join(dir, 'slow.txt'), 'second part');
    await mkdir(join(dir, 'desk'));
    await writeFile(join(dir, 'desk', 'story.txt'), 'in a subfolder');
    await handedOver(2);
    await pause(600);

    expect([...handed].sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: join(dir, 'desk', 'story.txt'), size: 14 },
      { path: join(dir, 'slow.txt'), size: 23 },
    ]);
  });
});
