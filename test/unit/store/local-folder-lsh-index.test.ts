import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreError } from '../../../lib/errors';
import { LocalFolderLshIndex } from '../../../lib/store/local-folder-lsh-index';

describe('LocalFolderLshIndex', () => {
  let root: string;
  let file: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'rr-lsh-index-'));
    file = join(root, 'store', 'index.json');
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('opens a missing file as an empty index without creating it', async () => {
    const index = await LocalFolderLshIndex.open(file);

    expect(await index.query(['b0-1'])).toEqual(new Map());
    await index.save();
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('saves entries and loads them back', async () => {
    const index = await LocalFolderLshIndex.open(file);
    await index.add('a.txt', ['b0-1', 'b1-2']);
    await index.add('b.txt', ['b0-1', 'b1-3']);

    await index.save();
    const reopened = await LocalFolderLshIndex.open(file);

    expect(await reopened.query(['b0-1', 'b1-2'])).toEqual(
      new Map([
        ['a.txt', 2],
        ['b.txt', 1],
      ]),
    );
    expect(reopened.entryCount()).toBe(4);
  });

  it('persists removals', async () => {
    const index = await LocalFolderLshIndex.open(file);
    await index.add('a.txt', ['b0-1']);
    await index.save();

    await index.remove('a.txt', ['b0-1']);
    await index.save();

    expect((await LocalFolderLshIndex.open(file)).entryCount()).toBe(0);
  });

  it('writes the same file for the same entries whatever the insertion order', async () => {
    const first = await LocalFolderLshIndex.open(join(root, 'one.json'));
    await first.add('b', ['k2', 'k1']);
    await first.add('a', ['k1']);
    await first.save();
    const second = await LocalFolderLshIndex.open(join(root, 'two.json'));
    await second.add('a', ['k1']);
    await second.add('b', ['k1', 'k2']);
    await second.save();

    expect(await readFile(join(root, 'one.json'), 'utf8')).toBe(await readFile(join(root, 'two.json'), 'utf8'));
  });

  it('leaves only index.json in its folder after saving', async () => {
    const index = await LocalFolderLshIndex.open(file);
    await index.add('a', ['k']);

    await index.save();

    expect(await readdir(join(root, 'store'))).toEqual(['index.json']);
  });

  it.each([
    ['not JSON', '{"formatVersion":1,'],
    ['another format version', '{"formatVersion":99,"bands":{}}'],
    ['bands of the wrong shape', '{"formatVersion":1,"bands":{"k":"a.txt"}}'],
    ['an array', '[]'],
  ])('refuses a corrupt file (%s) with a StoreError naming it', async (_what, content) => {
    await writeFile(join(root, 'index.json'), content);

    const opening = LocalFolderLshIndex.open(join(root, 'index.json'));

    await expect(opening).rejects.toBeInstanceOf(StoreError);
    await expect(opening).rejects.toThrow(join(root, 'index.json'));
  });
});
