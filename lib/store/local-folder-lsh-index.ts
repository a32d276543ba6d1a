import { readFile } from 'node:fs/promises';
import { StoreError } from '../errors.js';
import { errorCode, messageOf } from '../util/node-errors.js';
import { MemoryLshIndex } from './memory-lsh-index.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Bump when index.json can no longer be read by this code. */
export const INDEX_FORMAT_VERSION = 1;

/**
 * The LSH index of a local store: held in memory, loaded from and saved to one JSON file
 * (`<store>/index.json`). Writes reach the disk only on `save()`: the CLI saves every few hundred
 * articles and at the end, so an interrupted run loses at most the entries of one batch. Their
 * fingerprints are already stored, and indexing the same files again restores them.
 * One writer at a time: the CLI locks the store for a writing run (store-lock.ts).
 */
export class LocalFolderLshIndex extends MemoryLshIndex {
  private dirty = false;

  private constructor(readonly file: string) {
    super();
  }

  /** Loads the index file; a missing file is an empty index, a corrupt one a StoreError naming it. */
  static async open(file: string): Promise<LocalFolderLshIndex> {
    const index = new LocalFolderLshIndex(file);
    let raw: string;
    try {
      raw = await readFile(file, 'utf8');
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return index;
      throw new StoreError(`cannot read the index ${file}: ${messageOf(err)}`, { key: file }, { cause: err });
    }
    for (const [bandKey, ids] of Object.entries(parseIndexFile(raw, file))) index.bands.set(bandKey, new Set(ids));
    return index;
  }

  override async add(id: string, bandKeys: readonly string[]): Promise<void> {
    this.dirty = true;
    await super.add(id, bandKeys);
  }

  override async remove(id: string, bandKeys: readonly string[]): Promise<void> {
    this.dirty = true;
    await super.remove(id, bandKeys);
  }

  /** Writes the index atomically (temp file + rename) when it changed since the last load or save. */
  async save(): Promise<void> {
    if (!this.dirty) return;
    // sorted so that equal indexes give equal files, whatever order articles arrived in
    const bands: Record<string, string[]> = {};
    for (const bandKey of [...this.bands.keys()].sort()) bands[bandKey] = [...(this.bands.get(bandKey) ?? [])].sort();
    try {
      await writeFileAtomic(this.file, `${JSON.stringify({ formatVersion: INDEX_FORMAT_VERSION, bands })}\n`);
    } catch (err) {
      throw new StoreError(
        `cannot write the index ${this.file}: ${messageOf(err)}`,
        { key: this.file },
        { cause: err },
      );
    }
    this.dirty = false;
  }
}

/** Validates the JSON layout `{ formatVersion, bands: { [bandKey]: id[] } }`. */
function parseIndexFile(raw: string, file: string): Record<string, string[]> {
  const corrupt = (why: string, cause?: unknown): StoreError =>
    new StoreError(
      `the index ${file} is corrupt (${why}); delete it and index the articles again`,
      { key: file },
      cause === undefined ? undefined : { cause },
    );
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (cause) {
    throw corrupt(`not JSON: ${(cause as Error).message}`, cause);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw corrupt('expected a JSON object');
  const record = value as Record<string, unknown>;
  if (record['formatVersion'] !== INDEX_FORMAT_VERSION)
    throw corrupt(`expected formatVersion ${INDEX_FORMAT_VERSION}, got ${JSON.stringify(record['formatVersion'])}`);
  const bands = record['bands'];
  if (typeof bands !== 'object' || bands === null || Array.isArray(bands)) throw corrupt('"bands" is not an object');
  for (const [bandKey, ids] of Object.entries(bands)) {
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
      throw corrupt(`band ${JSON.stringify(bandKey)} is not a list of strings`);
  }
  return bands as Record<string, string[]>;
}
