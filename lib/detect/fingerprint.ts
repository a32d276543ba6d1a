import { tokenize, STOP, type Tokens } from '../text/tokenize.js';
import { splitSentences, type Sentence } from '../text/sentences.js';

/** Tokens and sentences of one cleaned text: what verification compares. */
export interface TextModel {
  readonly text: string;
  readonly tokens: Tokens;
  readonly sentences: readonly Sentence[];
}

/** Tokenizes and splits a cleaned text. */
export function modelText(text: string): TextModel {
  const tokens = tokenize(text);
  return { text, tokens, sentences: splitSentences(text, tokens) };
}

/** Content-word terms (stopwords dropped), the features MinHash sees. */
export function contentTerms(tokens: Tokens): Uint32Array {
  const out = new Uint32Array(tokens.count);
  let n = 0;
  for (let i = 0; i < tokens.count; i++) if ((tokens.flags[i]! & STOP) === 0) out[n++] = tokens.term[i]!;
  return out.subarray(0, n);
}
