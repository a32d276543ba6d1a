import { detectorParams, type DetectorParams } from '../../lib/detect/detector-params.js';
import { MemoryLshIndex } from '../../lib/store/memory-lsh-index.js';
import { MemoryObjectStore } from '../../lib/store/memory-object-store.js';

/** Dependencies of the use cases on the memory adapters, with the concrete types tests inspect. */
export interface MemoryDeps {
  readonly store: MemoryObjectStore;
  readonly index: MemoryLshIndex;
  readonly params: DetectorParams;
}

/** A fresh, empty memory store and index; params are the defaults with `overrides`. */
export function memoryDeps(overrides: Partial<DetectorParams> = {}): MemoryDeps {
  return { store: new MemoryObjectStore(), index: new MemoryLshIndex(), params: detectorParams(overrides) };
}

/** Everything a run could change: every stored object (key -> bytes as text) and the index size. */
export async function snapshotOf(
  deps: Pick<MemoryDeps, 'store' | 'index'>,
): Promise<{ objects: Record<string, string>; indexEntries: number }> {
  const objects: Record<string, string> = {};
  for (const key of await deps.store.list(''))
    objects[key] = Buffer.from((await deps.store.get(key)) ?? new Uint8Array()).toString('utf8');
  return { objects, indexEntries: deps.index.entryCount() };
}
