import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegularFile } from '../../../lib/store/read-regular-file.js';

describe('readRegularFile', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rr-read-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file of up to maxBytes whole, and refuses a larger one by its size', async () => {
    const path = join(dir, 'a.txt');
    await writeFile(path, 'x'.repeat(3 << 20));

    const found = await readRegularFile(path, 3 << 20);
    expect(found.kind).toBe('found');
    expect(found.kind === 'found' && found.bytes.length).toBe(3 << 20);
    expect(await readRegularFile(path, (3 << 20) - 1)).toEqual({ kind: 'too-large', size: 3 << 20 });
  });

  it('never reads a folder or a device, which has no end', async () => {
    expect(await readRegularFile(dir, 100)).toEqual({ kind: 'not-a-file', what: 'a folder' });
    expect(await readRegularFile('/dev/zero', 100)).toEqual({ kind: 'not-a-file', what: 'a device' });
  });

  it('throws the file system error of a missing file', async () => {
    await expect(readRegularFile(join(dir, 'missing.txt'), 100)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
