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
  return { model, signature: minhash(terms, n, params.numPerm, params.seed) };
}

/** Scratch buffer reused across calls up to this many terms (256 KB). */
const SHARED_SIZE = 1 << 16;
const sharedTerms = new Uint32Array(SHARED_SIZE);

/** sha256 of the cleaned text: equal hashes are exact copies whatever the file format. */
export function contentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}
