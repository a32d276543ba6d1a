import { readdir, readFile, unlink } from 'node:fs/promises';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { StoreError } from '../errors.js';
import { errorCode, messageOf } from '../util/node-errors.js';
import { contentTag } from './content-tag.js';
import type { ObjectStore, TaggedObject } from './ports.js';
import { TEMP_MARKER, writeFileAtomic } from './write-file-atomic.js';

/** ObjectStore in a folder: key `a/b.json` is the file `<root>/a/b.json`. */
export class LocalFolderObjectStore implements ObjectStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const file = this.fileOf(key);
    try {
      return await readFile(file);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return undefined;
      throw new StoreError(`cannot read ${file}: ${messageOf(err)}`, { key }, { cause: err });
    }
  }

  async getTagged(key: string): Promise<TaggedObject | undefined> {
    const bytes = await this.get(key);
    return bytes ? { bytes, tag: contentTag(bytes) } : undefined;
  }

  /** Compares, then writes: a check against other writers in this process's sequence, not across processes. */
  async putIfUnchanged(key: string, body: Uint8Array | string, expected: string | null): Promise<string | undefined> {
    if (((await this.getTagged(key))?.tag ?? null) !== expected) return undefined;
    await this.put(key, body);
    return contentTag(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  }

  async put(key: string, body: Uint8Array | string): Promise<void> {
    const file = this.fileOf(key);
    try {
      await writeFileAtomic(file, body);
    } catch (err) {
      throw new StoreError(`cannot write ${file}: ${messageOf(err)}`, { key }, { cause: err });
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.fileOf(key);
    try {
      await unlink(file);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return;
      throw new StoreError(`cannot delete ${file}: ${messageOf(err)}`, { key }, { cause: err });
    }
  }

  async list(prefix: string): Promise<string[]> {
    // only the folder the prefix names has to be walked; the rest of the prefix filters names
    const slash = prefix.lastIndexOf('/');
    const folderKey = slash >= 0 ? prefix.slice(0, slash) : '';
    if (folderKey !== '') this.fileOf(folderKey);
    const keys: string[] = [];
    await this.walk(folderKey, keys);
    return keys.filter((k) => k.startsWith(prefix)).sort();
  }

  /** The file of a key; refuses keys that could reach outside the root. */
  private fileOf(key: string): string {
    const parts = key.split(/[/\\]/);
    if (
      key === '' ||
      isAbsolute(key) ||
      /^[A-Za-z]:/.test(key) ||
      parts.some((p) => p === '..' || p === '.' || p === '')
    ) {
      throw new StoreError(`store key ${JSON.stringify(key)} is not a plain relative path`, { key });
    }
    const file = resolve(this.root, key);
    if (!file.startsWith(this.root + sep))
      throw new StoreError(`store key ${JSON.stringify(key)} resolves outside ${this.root}`, { key });
    return file;
  }

  private async walk(folderKey: string, out: string[]): Promise<void> {
    const folder = folderKey === '' ? this.root : join(this.root, folderKey);
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (err) {
      const code = errorCode(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw new StoreError(`cannot list ${folder}: ${messageOf(err)}`, { key: folderKey }, { cause: err });
    }
    for (const entry of entries) {
      const key = folderKey === '' ? entry.name : `${folderKey}/${entry.name}`;
      if (entry.isDirectory()) await this.walk(key, out);
      else if (!entry.name.includes(TEMP_MARKER)) out.push(key);
    }
  }
}
