import { bandKeys, type LshParams } from '../sketch/lsh.js';
import { minhash } from '../sketch/minhash.js';
import { STOP } from '../text/tokenize.js';
import type { TextModel } from './fingerprint.js';

/**
 * LSH band keys of overlapping passages of an indexed article (windows of whole sentences of at
 * least `passageWords` words, advancing by half a window). A short story drawn from a long source
 * has a low Jaccard with the whole source but a high one with the passage it used; queries still
 * use the whole article, so only the index grows.
 */
export function passageBandKeys(model: TextModel, params: { numPerm: number; seed: number; lsh: LshParams; passageWords: number }): string[] {
  const { tokens, sentences } = model;
  if (params.passageWords <= 0 || tokens.count <= params.passageWords) return [];
  const keys = new Set<string>();
  const terms = new Uint32Array(tokens.count);
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    while (last < sentences.length && sentences[last]!.endToken - sentences[first]!.firstToken < params.passageWords) last++;
    const from = sentences[first]!.firstToken;
    const to = sentences[Math.min(last, sentences.length - 1)]!.endToken;
    let n = 0;
    for (let t = from; t < to; t++) if ((tokens.flags[t]! & STOP) === 0) terms[n++] = tokens.term[t]!;
    for (const k of bandKeys(minhash(terms, n, params.numPerm, params.seed), params.lsh)) keys.add(k);
    if (last >= sentences.length - 1) break;
    // advance by about half a window, at least one sentence
    let next = first + 1;
    while (next < last && sentences[next]!.firstToken - from < params.passageWords / 2) next++;
    first = next;
  }
  return [...keys];
}
