/** 32-bit integer hashing shared by tokens, shingles and MinHash; identical on every machine. */

/** murmur3's finaliser: full avalanche, so FNV's weak low bits do not bias MinHash. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Order-sensitive combination of two 32-bit hashes (for word n-gram shingles). */
export function combineHashes(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) + b) | 0);
}
