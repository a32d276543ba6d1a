import { createHash } from 'node:crypto';
import { minhash, type MinHash } from '../sketch/minhash.js';
import { modelText, type TextModel } from './fingerprint.js';
import { STOP as STOP_FLAG } from '../text/tokenize.js';

// Module-local: compiled to CommonJS, an imported constant is a property load in the hot loop.
const STOP = STOP_FLAG;
import type { DetectorParams } from './detector-params.js';

/** A cleaned text with its MinHash over content words. */
export interface SketchedText {
  readonly model: TextModel;
  readonly signature: MinHash;
  /** Distinct content words: with the Jaccard estimate it gives estimated containment. */
  readonly contentTermCount: number;
}

/** Tokenizes a cleaned text and sketches its content words. */
export function sketchText(text: string, params: Pick<DetectorParams, 'numPerm' | 'seed'>): SketchedText {
  const model = modelText(text);
  const { count, term, flags } = model.tokens;
  // contentTerms(model.tokens), written into a reused buffer: minhash reads only the first n
  const terms = count <= SHARED_SIZE ? sharedTerms : new Uint32Array(count);
  let n = 0;
  for (let i = 0; i < count; i++) {
    terms[n] = term[i]!;
    n += (flags[i]! & STOP) ^ 1; // STOP is bit 0: keep the term unless a stopword, without a branch
  }
  return { model, signature: minhash(terms, n, params.numPerm, params.seed), contentTermCount: countDistinct(terms, n) };
}

/** Scratch buffers reused across calls up to this many terms (256 KB) and table slots (320 KB). */
const SHARED_SIZE = 1 << 16;
const sharedTerms = new Uint32Array(SHARED_SIZE);
const sharedKeys = new Uint32Array(SHARED_SIZE);
const sharedUsed = new Uint8Array(SHARED_SIZE);

/**
 * Number of distinct values among values[0, n), as new Set(...).size, in an open-addressing table at
 * most half full: a Set of ~500 numbers per article cost as much as its MinHash.
 */
function countDistinct(values: Uint32Array, n: number): number {
  let bits = 10;
  while (1 << bits < n * 2) bits++;
  const size = 1 << bits;
  // a huge text gets its own table, so a warm process does not keep it
  const keys = size <= SHARED_SIZE ? sharedKeys : new Uint32Array(size);
  const used = size <= SHARED_SIZE ? sharedUsed : new Uint8Array(size);
  used.fill(0, 0, size);
  const mask = size - 1;
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // Fibonacci hashing: the top bits of v * 2^32/phi spread even clustered values
    let slot = Math.imul(v, 0x9e3779b1) >>> (32 - bits);
    while (used[slot] === 1 && keys[slot] !== v) slot = (slot + 1) & mask;
    if (used[slot] === 0) {
      used[slot] = 1;
      keys[slot] = v;
      distinct++;
    }
  }
  return distinct;
}

/** sha256 of the cleaned text: equal hashes are exact copies whatever the file format. */
export function contentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/**
 * Containment of A in B from a Jaccard estimate and the set sizes:
 * |A n B| = J (|A| + |B|) / (1 + J). Ranks short derived stories inside long sources fairly.
 */
export function estimateContainment(jaccard: number, sizeA: number, sizeB: number): number {
  if (sizeA === 0) return 0;
  return Math.min(1, (jaccard * (sizeA + sizeB)) / (1 + jaccard) / sizeA);
}
