import { join } from 'node:path';
import { LocalFolderObjectStore } from '../store/local-folder-object-store.js';
import { LocalFolderLshIndex } from '../store/local-folder-lsh-index.js';

/** File of the LSH index inside a store folder. */
export const INDEX_FILE = 'index.json';

/** The local-folder adapters of one store folder; nothing is created until something is written. */
export async function openLocalStore(
  storeDir: string,
): Promise<{ store: LocalFolderObjectStore; index: LocalFolderLshIndex }> {
  return {
    store: new LocalFolderObjectStore(storeDir),
    index: await LocalFolderLshIndex.open(join(storeDir, INDEX_FILE)),
  };
}
