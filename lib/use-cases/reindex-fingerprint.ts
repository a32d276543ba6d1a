import { indexBandKeys } from '../detect/candidate-keys.js';
import type { DetectorParams } from '../detect/detector-params.js';
import { FINGERPRINT_FORMAT_VERSION, type FingerprintRecord } from '../detect/fingerprint-record.js';
import { sketchText } from '../detect/sketch-text.js';
import type { LshIndex, ObjectStore } from '../store/ports.js';
import { replaceInIndex } from './fingerprint-index.js';

/**
 * Indexes a stored fingerprint again under the keys the current parameters give its text, so an
 * index can be rebuilt (a new table, or keys of an earlier sketch version) without the articles:
 * the fingerprint keeps the cleaned text. Judges nothing; safe to repeat. Entries under keys the
 * text no longer gets are left where they are: no query reads them. Returns the keys written.
 */
export async function reindexFingerprint(
  deps: { store: ObjectStore; index: LshIndex; params: DetectorParams },
  record: FingerprintRecord,
): Promise<number> {
  const sketch = sketchText(record.text, deps.params);
  const bandKeys = indexBandKeys(sketch, deps.params);
  await replaceInIndex(
    deps,
    { ...record, formatVersion: FINGERPRINT_FORMAT_VERSION, signature: sketch.signature, bandKeys },
    undefined,
  );
  return bandKeys.length;
}
