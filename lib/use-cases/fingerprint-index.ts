import { decodeFingerprint, encodeFingerprint, type FingerprintRecord } from '../detect/fingerprint-record.js';
import { fingerprintKey } from '../store/keys.js';
import type { LshIndex, ObjectStore } from '../store/ports.js';

/** The stored fingerprint of an article, when it is indexed. */
export async function storedFingerprint(store: ObjectStore, key: string): Promise<FingerprintRecord | undefined> {
  const bytes = await store.get(fingerprintKey(key));
  return bytes ? decodeFingerprint(bytes, key) : undefined;
}

/** Stores the fingerprint, then indexes it; an earlier version under the same key leaves the index first. */
export async function replaceInIndex(
  deps: { store: ObjectStore; index: LshIndex },
  self: FingerprintRecord,
  old: FingerprintRecord | undefined,
): Promise<void> {
  if (old) {
    const keep = new Set(self.bandKeys);
    const stale = old.bandKeys.filter((k) => !keep.has(k));
    if (stale.length > 0) await deps.index.remove(self.key, stale);
  }
  // fingerprint before index entries: a reader that finds an entry can always read its fingerprint
  await deps.store.put(fingerprintKey(self.key), encodeFingerprint(self), 'application/json');
  await deps.index.add(self.key, self.bandKeys);
  // an event retried after its fingerprint was stored finds it and counts nothing: the count may miss an article, never doubles one
  if (!old) await deps.index.countArticles(1);
}

/** Removes an article from the index and its fingerprint (entries first, so a retry still finds them); safe to repeat. Returns the removed fingerprint. */
export async function unindexArticle(
  deps: { store: ObjectStore; index: LshIndex },
  key: string,
): Promise<FingerprintRecord | undefined> {
  const old = await storedFingerprint(deps.store, key);
  if (!old) return undefined;
  await deps.index.remove(key, old.bandKeys);
  await deps.index.countArticles(-1);
  await deps.store.delete(fingerprintKey(key));
  return old;
}
