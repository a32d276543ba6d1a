import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isFile, isFolder, pathKind } from '../../../lib/util/path-kind';

describe('pathKind', () => {
  it('tells a file, a folder, a pipe and nothing apart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rr-kind-'));
    try {
      await writeFile(join(dir, 'a.txt'), 'text');
      execFileSync('mkfifo', [join(dir, 'pipe')]);
      expect(await pathKind(join(dir, 'a.txt'))).toBe('file');
      expect(await pathKind(dir)).toBe('folder');
      expect(await pathKind(join(dir, 'pipe'))).toBe('other');
      expect(await pathKind(join(dir, 'none'))).toBe('missing');
      expect([await isFile(dir), await isFolder(dir), await isFile(join(dir, 'a.txt'))]).toEqual([false, true, true]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
