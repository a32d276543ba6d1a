import { createHash } from 'node:crypto';
import { minhash, type MinHash } from '../sketch/minhash.js';
import { modelText, contentTerms, type TextModel } from './fingerprint.js';
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
  const terms = contentTerms(model.tokens);
  return { model, signature: minhash(terms, terms.length, params.numPerm, params.seed), contentTermCount: new Set(terms).size };
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
