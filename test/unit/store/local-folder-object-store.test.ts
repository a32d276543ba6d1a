import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreError } from '../../../lib/errors';
import { LocalFolderObjectStore } from '../../../lib/store/local-folder-object-store';

describe('LocalFolderObjectStore', () => {
  let root: string;
  let store: LocalFolderObjectStore;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'rr-object-store-'));
    store = new LocalFolderObjectStore(join(root, 'store'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes a key as a file under the root, creating folders', async () => {
    await store.put('reports/a/b.json', '{"x":1}');

    expect(await readdir(join(root, 'store', 'reports', 'a'))).toEqual(['b.json']);
    expect(Buffer.from((await store.get('reports/a/b.json'))!).toString('utf8')).toBe('{"x":1}');
  });

  it('round-trips bytes and replaces an existing object', async () => {
    await store.put('k.bin', Uint8Array.from([1, 2, 3]));
    await store.put('k.bin', Uint8Array.from([9]));

    expect([...(await store.get('k.bin'))!]).toEqual([9]);
  });

  it('leaves no temp file behind after a write', async () => {
    await store.put('f/one.json', 'a');
    await store.put('f/one.json', 'b');

    expect(await readdir(join(root, 'store', 'f'))).toEqual(['one.json']);
  });

  it('returns undefined for a missing key and ignores deleting one', async () => {
    expect(await store.get('nothing/here.json')).toBeUndefined();
    await expect(store.delete('nothing/here.json')).resolves.toBeUndefined();
  });

  it('deletes an object', async () => {
    await store.put('x.json', '1');

    await store.delete('x.json');

    expect(await store.get('x.json')).toBeUndefined();
  });

  it('lists keys under a prefix, sorted, with / separators', async () => {
    for (const key of [
      'reports/b/2.json',
      'reports/a.json',
      'reports/b/1.json',
      'fingerprints/z.json',
      'reportsX.json',
    ])
      await store.put(key, '{}');

    expect(await store.list('reports/')).toEqual(['reports/a.json', 'reports/b/1.json', 'reports/b/2.json']);
    expect(await store.list('reports/b/1')).toEqual(['reports/b/1.json']);
    expect(await store.list('report')).toEqual([
      'reports/a.json',
      'reports/b/1.json',
      'reports/b/2.json',
      'reportsX.json',
    ]);
    expect(await store.list('')).toHaveLength(5);
  });

  it('lists nothing under a missing folder or a missing root', async () => {
    expect(await store.list('reports/')).toEqual([]);
    await store.put('a.json', '1');
    expect(await store.list('nowhere/deeper/')).toEqual([]);
  });

  it('skips temp files of writes in progress when listing', async () => {
    await store.put('f/done.json', '1');
    await writeFile(join(root, 'store', 'f', 'next.json.rr-tmp-123-4'), 'half');

    expect(await store.list('f/')).toEqual(['f/done.json']);
  });

  it.each([
    '/etc/passwd',
    '../outside.json',
    'a/../../outside.json',
    'a/../b.json',
    './a.json',
    '',
    'a//b.json',
    'C:\\x.json',
  ])('refuses the key %j', async (key) => {
    await expect(store.put(key, 'x')).rejects.toBeInstanceOf(StoreError);
    await expect(store.get(key)).rejects.toBeInstanceOf(StoreError);
    await expect(store.delete(key)).rejects.toBeInstanceOf(StoreError);
  });

  it('reports a write it cannot make as a StoreError naming the key', async () => {
    // a file where a folder is needed makes mkdir fail
    await mkdir(join(root, 'store'), { recursive: true });
    await writeFile(join(root, 'store', 'blocker'), 'x');

    const failure = store.put('blocker/a.json', '1');

    await expect(failure).rejects.toBeInstanceOf(StoreError);
    await expect(failure).rejects.toMatchObject({ context: { key: 'blocker/a.json' } });
  });
});
