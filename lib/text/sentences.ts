import type { Tokens } from './tokenize.js';
import { isSpace } from './typography.js';

/** One sentence: character range in the text (with the quotes and brackets on its first and last words) and token range in its Tokens. */
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
  const { count, start, end } = tokens;
  const maxWords = MAX_SENTENCE_WORDS;
  const out: Sentence[] = [];
  let first = 0;
  for (let t = 0; t < count; t++) {
    const wordEnd = end[t]!;
    const nextStart = t + 1 < count ? start[t + 1]! : text.length;
    const last = t + 1 === count;
    let boundary = last || t + 1 - first >= maxWords;
    // most gaps are a single space: only the others are looked at
    const singleSpace = nextStart === wordEnd + 1 && text.charCodeAt(wordEnd) === 32;
    if (!boundary && !singleSpace && hasBreakOrStop(text, wordEnd, nextStart)) {
      if (hasParagraphBreak(text, wordEnd, nextStart)) boundary = true;
      else if (hasStop(text, wordEnd, nextStart) && hasSpace(text, wordEnd, nextStart)) {
        const terminalBeforeSpace =
          startsWithTerminal(text, wordEnd, nextStart) || hasTerminalBeforeSpace(text, wordEnd, nextStart);
        const nextChar = text.charCodeAt(nextStart);
        const startsLikeSentence = !(nextChar >= 97 && nextChar <= 122); // not a lower-case letter
        boundary = terminalBeforeSpace && startsLikeSentence && !isAbbreviation(text, start[t]!, wordEnd);
      }
    }
    if (boundary) {
      out.push({
        start: sentenceStart(text, start[first]!, out.length > 0 ? out[out.length - 1]!.end : 0),
        end: sentenceEnd(text, wordEnd, nextStart),
        firstToken: first,
        endToken: t + 1,
      });
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

/*
 * The gap tests below are char scans over text[from,to) standing in for regexes on the sliced gap,
 * which cost more than the rest of the splitter at every sentence end.
 */

/** As gap.includes('\n\n'). */
function hasParagraphBreak(text: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (text.charCodeAt(i) === 10 && text.charCodeAt(i - 1) === 10) return true;
  return false;
}

/** As /[.!?]/ on the gap. */
function hasStop(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isStop(text.charCodeAt(i))) return true;
  return false;
}

/** As /\s/ on the gap. */
function hasSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isSpace(text.charCodeAt(i))) return true;
  return false;
}

/** As /^[)\]"']*[.!?]/ on the gap: a stop after nothing but closing brackets and quotes. */
function startsWithTerminal(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && isCloser(text.charCodeAt(i))) i++;
  return i < to && isStop(text.charCodeAt(i));
}

/** As /[.!?]["')\]]*\s/ on the gap: a stop, closing brackets and quotes, then a space. */
function hasTerminalBeforeSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!isStop(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < to && isCloser(text.charCodeAt(j))) j++;
    if (j < to && isSpace(text.charCodeAt(j))) return true;
  }
  return false;
}

function isStop(c: number): boolean {
  return c === 46 /* . */ || c === 33 /* ! */ || c === 63; /* ? */
}

/** ) ] " ' : the characters both gap patterns let stand between a stop and what follows. */
function isCloser(c: number): boolean {
  return c === 41 || c === 93 || c === 34 || c === 39;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Extends a sentence back over the opening quotes and brackets of its first word, not into the previous sentence. */
function sentenceStart(text: string, wordStart: number, previousEnd: number): number {
  let s = wordStart;
  while (s > previousEnd && !isSpace(text.charCodeAt(s - 1))) s--;
  return s;
}

/** Extends a sentence over its closing punctuation and quotes, not over the following space. */
function sentenceEnd(text: string, wordEnd: number, nextStart: number): number {
  let e = wordEnd;
  while (e < nextStart && !isSpace(text.charCodeAt(e))) e++;
  return e;
}

/** Longest entry of ABBREVIATIONS; lower-casing never shortens a word (BMP only), so longer words are not in it. */
const MAX_ABBREVIATION_LENGTH = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** Whether the word text[start,end), followed by a gap that starts with '.', is an abbreviation or an initial. */
function isAbbreviation(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end) !== 46) return false;
  if (end - start === 1) return isAsciiLetter(text.charCodeAt(start)); // an initial: "J. Smith"
  if (end - start > MAX_ABBREVIATION_LENGTH) return false;
  return ABBREVIATIONS.has(text.slice(start, end).toLowerCase());
}
