import type { Tokens } from './tokenize.js';

/** One sentence: character range in the text and token range in its Tokens. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly firstToken: number;
  readonly endToken: number;
}

/** Sentences longer than this are cut so one run-on line cannot swallow the alignment. */
export const MAX_SENTENCE_WORDS = 60;

const ABBREVIATIONS = new Set(
  'mr mrs ms dr st prof gen col lt sgt capt cpl rev hon jr sr co corp inc ltd no nos vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx fig al dept est govt insp det supt ch'.split(
    ' ',
  ),
);

/**
 * Splits text into sentences at . ! ? (and a paragraph break), skipping abbreviations and
 * initials. Linear: one pass over the tokens, looking only at the gap after each word.
 */
export function splitSentences(text: string, tokens: Tokens): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  for (let t = 0; t < tokens.count; t++) {
    const wordEnd = tokens.end[t]!;
    const nextStart = t + 1 < tokens.count ? tokens.start[t + 1]! : text.length;
    const last = t + 1 === tokens.count;
    let boundary = last || t + 1 - first >= MAX_SENTENCE_WORDS;
    if (!boundary) {
      const gap = hasBreakOrStop(text, wordEnd, nextStart) ? text.slice(wordEnd, nextStart) : '';
      if (gap.includes('\n\n')) boundary = true;
      else if (/[.!?]/.test(gap) && /\s/.test(gap)) {
        const terminalBeforeSpace = /^[)\]"']*[.!?]/.test(gap) || /[.!?]["')\]]*\s/.test(gap);
        const nextChar = text.charCodeAt(nextStart);
        const startsLikeSentence = !(nextChar >= 97 && nextChar <= 122); // not a lower-case letter
        boundary = terminalBeforeSpace && startsLikeSentence && !isAbbreviation(text, tokens.start[t]!, wordEnd, gap);
      }
    }
    if (boundary) {
      out.push({ start: tokens.start[first]!, end: sentenceEnd(text, wordEnd, nextStart), firstToken: first, endToken: t + 1 });
      first = t + 1;
    }
  }
  return out;
}

/** True when text[from,to) holds . ! ? or a newline: most gaps are one space, and slicing them all is slow. */
function hasBreakOrStop(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 10) return true;
  }
  return false;
}

/** Extends a sentence over its closing punctuation and quotes, not over the following space. */
function sentenceEnd(text: string, wordEnd: number, nextStart: number): number {
  let e = wordEnd;
  while (e < nextStart && !/\s/.test(text[e]!)) e++;
  return e;
}

function isAbbreviation(text: string, start: number, end: number, gap: string): boolean {
  if (!gap.startsWith('.')) return false;
  if (end - start === 1) return /[A-Za-z]/.test(text[start]!); // an initial: "J. Smith"
  return ABBREVIATIONS.has(text.slice(start, end).toLowerCase());
}
