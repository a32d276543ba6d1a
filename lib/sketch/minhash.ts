import { fmix32 as importedFmix32 } from './hash.js';

// Module-local: compiled to CommonJS, a call to an import goes through its module object, uninlined.
const fmix32 = importedFmix32;

/** Serialization format tag: bump when the hashing or layout changes (old sketches must not compare). */
export const MINHASH_FORMAT_VERSION = 1;

/** A MinHash signature: one 32-bit minimum per slot. */
export interface MinHash {
  readonly seed: number;
  readonly values: Uint32Array;
}

/** Slots that saw no feature hold this until densification fills them. */
const EMPTY = 0xffffffff;

/**
 * One-permutation hashing with optimal densification (Li, Owen & Zhang 2012; Shrivastava 2017):
 * each feature is hashed once and lands in one of k slots, keeping the slot minimum. Cost is
 * features + k instead of features x k, with the same Jaccard estimator as classic MinHash.
 */
export function minhash(features: ArrayLike<number>, featureCount: number, numPerm: number, seed: number): MinHash {
  if (!Number.isInteger(numPerm) || numPerm < 1 || numPerm > 65535) {
    throw new RangeError(`numPerm must be an integer in 1..65535, got ${numPerm}`);
  }
  const values = new Uint32Array(numPerm).fill(EMPTY);
  const s = seed | 0;
  for (let i = 0; i < featureCount; i++) {
    const h = fmix32((features[i]! ^ s) + 0x6d2b79f5);
    // the high bits pick the slot (multiply-shift), the whole hash orders within it
    const slot = Math.floor((h / 4294967296) * numPerm);
    if (h < values[slot]!) values[slot] = h;
  }
  densify(values, s);
  return { seed: seed >>> 0, values };
}

/**
 * Fills each empty slot from a non-empty one chosen by a seeded probe sequence that depends
 * only on the slot and the attempt, so two documents with the same empty slot borrow alike.
 */
function densify(values: Uint32Array, seed: number): void {
  const k = values.length;
  let filled = 0;
  for (let i = 0; i < k; i++) if (values[i] !== EMPTY) filled++;
  if (filled === 0 || filled === k) return;
  const source = values.slice();
  for (let i = 0; i < k; i++) {
    if (source[i] !== EMPTY) continue;
    for (let attempt = 1; ; attempt++) {
      const j = Math.floor(
        (fmix32(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b) ^ seed) / 4294967296) * k,
      );
      const v = source[j]!;
      if (v !== EMPTY) {
        values[i] = v;
        break;
      }
    }
  }
}

/** Estimated Jaccard similarity: the share of slots on which two signatures agree. */
export function estimateJaccard(a: MinHash, b: MinHash): number {
  if (a.values.length !== b.values.length || a.seed !== b.seed) {
    throw new RangeError(`signatures differ in shape: ${a.values.length}/${a.seed} vs ${b.values.length}/${b.seed}`);
  }
  let same = 0;
  for (let i = 0; i < a.values.length; i++) if (a.values[i] === b.values[i] && a.values[i] !== EMPTY) same++;
  return same / a.values.length;
}

/** Compact form: "mh1." + base64(version u8, seed u32, k u16, values u32 little-endian). */
export function serializeMinHash(m: MinHash): string {
  const buf = Buffer.alloc(7 + 4 * m.values.length);
  buf.writeUInt8(MINHASH_FORMAT_VERSION, 0);
  buf.writeUInt32LE(m.seed, 1);
  buf.writeUInt16LE(m.values.length, 5);
  for (let i = 0; i < m.values.length; i++) buf.writeUInt32LE(m.values[i]!, 7 + 4 * i);
  return `mh${MINHASH_FORMAT_VERSION}.${buf.toString('base64')}`;
}

/** Inverse of serializeMinHash; rejects other versions and truncated input. */
export function deserializeMinHash(text: string): MinHash {
  const prefix = `mh${MINHASH_FORMAT_VERSION}.`;
  if (!text.startsWith(prefix)) throw new RangeError(`unsupported MinHash serialization: expected prefix ${prefix}`);
  const buf = Buffer.from(text.slice(prefix.length), 'base64');
  if (buf.length < 7 || buf.readUInt8(0) !== MINHASH_FORMAT_VERSION)
    throw new RangeError('MinHash serialization is truncated or of another version');
  const k = buf.readUInt16LE(5);
  if (buf.length !== 7 + 4 * k)
    throw new RangeError(`MinHash serialization has ${buf.length} bytes, expected ${7 + 4 * k}`);
  const values = new Uint32Array(k);
  for (let i = 0; i < k; i++) values[i] = buf.readUInt32LE(7 + 4 * i);
  return { seed: buf.readUInt32LE(1), values };
}
