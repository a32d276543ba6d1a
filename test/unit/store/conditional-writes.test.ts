import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFolderObjectStore } from '../../../lib/store/local-folder-object-store';
import { MemoryObjectStore } from '../../../lib/store/memory-object-store';
import type { ObjectStore } from '../../../lib/store/ports';

const text = (bytes: Uint8Array | undefined): string | undefined => bytes && Buffer.from(bytes).toString('utf8');

describe.each([
  ['MemoryObjectStore', async () => ({ store: new MemoryObjectStore() as ObjectStore, done: async () => undefined })],
  [
    'LocalFolderObjectStore',
    async () => {
      const root = await mkdtemp(join(tmpdir(), 'rr-conditional-'));
      return { store: new LocalFolderObjectStore(root) as ObjectStore, done: () => rm(root, { recursive: true }) };
    },
  ],
])('conditional writes of %s', (_name, open) => {
  let store: ObjectStore;
  let done: () => Promise<unknown>;
  beforeEach(async () => {
    ({ store, done } = await open());
  });
  afterEach(() => done());

  it('creates only where there is no object, and returns the tag a read then gives', async () => {
    const tag = await store.putIfUnchanged('reports/a.json', 'first', null);
    expect(tag).toBeDefined();
    expect(await store.putIfUnchanged('reports/a.json', 'second', null)).toBeUndefined();
    expect(await store.getTagged('reports/a.json')).toEqual({ bytes: expect.anything(), tag });
    expect(text(await store.get('reports/a.json'))).toBe('first');
  });

  it('replaces only the object as read: a writer holding an older read writes nothing', async () => {
    await store.put('reports/a.json', 'judged');
    const read = (await store.getTagged('reports/a.json'))!;
    const newer = await store.putIfUnchanged('reports/a.json', 'judged again', read.tag);
    expect(newer).toBeDefined();

    expect(await store.putIfUnchanged('reports/a.json', 'judged + listed', read.tag)).toBeUndefined();
    expect(text(await store.get('reports/a.json'))).toBe('judged again');
    expect(await store.putIfUnchanged('reports/a.json', 'judged again + listed', newer!)).toBeDefined();
    expect(text(await store.get('reports/a.json'))).toBe('judged again + listed');
  });

  it('writes nothing over a deleted object for a writer that read it', async () => {
    await store.put('reports/a.json', 'judged');
    const read = (await store.getTagged('reports/a.json'))!;
    await store.delete('reports/a.json');

    expect(await store.putIfUnchanged('reports/a.json', 'listed', read.tag)).toBeUndefined();
    expect(await store.get('reports/a.json')).toBeUndefined();
  });
});
