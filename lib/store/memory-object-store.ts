import { contentTag } from './content-tag.js';
import type { ObjectStore, TaggedObject } from './ports.js';

/** ObjectStore in a Map, for tests and one-shot runs. */
export class MemoryObjectStore implements ObjectStore {
  private readonly objects = new Map<string, Uint8Array>();

  async get(key: string): Promise<Uint8Array | undefined> {
    return this.objects.get(key);
  }

  async getTagged(key: string): Promise<TaggedObject | undefined> {
    const bytes = this.objects.get(key);
    return bytes ? { bytes, tag: contentTag(bytes) } : undefined;
  }

  async put(key: string, body: Uint8Array | string): Promise<void> {
    this.objects.set(key, bytesOf(body));
  }

  /** Compares and writes in one step, so it is atomic however callers interleave. */
  async putIfUnchanged(key: string, body: Uint8Array | string, expected: string | null): Promise<string | undefined> {
    const now = this.objects.get(key);
    if ((now ? contentTag(now) : null) !== expected) return undefined;
    const bytes = bytesOf(body);
    this.objects.set(key, bytes);
    return contentTag(bytes);
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }

  async list(prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}

function bytesOf(body: Uint8Array | string): Uint8Array {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}
