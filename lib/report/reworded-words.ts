import { tokenize, type Tokens } from '../text/tokenize.js';

/** A character range [start, end) of a passage. */
export interface WordRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Runs of words of `text` that do not occur anywhere in `other`: within an aligned pair, the
 * wording the rewrite changed. Words are the project's tokens compared by their term (lower-cased,
 * lightly stemmed), the very unit the alignment scores count, so "Cables" = "cable" and
 * "20,000" = "20000" stay unmarked. Spelling variants are not changes either: a word, or the
 * whitespace-delimited chunk holding it, whose spellingKey occurs in `other` is unmarked
 * (US = U.S., cease-fire = ceasefire, Zelensky = Zelenskyy, colour = color, organise = organize).
 * Consecutive changed words form one range (with the spaces and punctuation between them).
 */
export function rewordedRanges(text: string, other: string): WordRange[] {
  const theirs = tokenize(other);
  const known = new Set<number>();
  for (let i = 0; i < theirs.count; i++) known.add(theirs.term[i]!);
  const variants = spellingKeys(other, theirs);
  const ours = tokenize(text);
  const ranges: WordRange[] = [];
  let runStart = -1;
  let runEnd = -1;
  for (let i = 0; i < ours.count; i++) {
    const start = ours.start[i]!;
    const end = ours.end[i]!;
    const same =
      known.has(ours.term[i]!) ||
      variants.has(spellingKey(text.slice(start, end))) ||
      variants.has(spellingKey(chunkAround(text, start, end)));
    if (same) {
      if (runStart >= 0) ranges.push({ start: runStart, end: runEnd });
      runStart = -1;
    } else {
      if (runStart < 0) runStart = start;
      runEnd = end;
    }
  }
  if (runStart >= 0) ranges.push({ start: runStart, end: runEnd });
  return ranges;
}

/**
 * A word's spelling with the differences an editor would not call a change removed: case,
 * punctuation and hyphens, British -our/-ise/-tre against American -or/-ize/-ter, a plural s and
 * doubled letters. Two different words rarely meet under it, and it only decides what is marked.
 */
export function spellingKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/s$/, '')
    .replace(/our(ed|ing|ite|able)?$/, 'or$1')
    .replace(/is(e|ed|ing|ation)$/, 'iz$1')
    .replace(/tre$/, 'ter')
    .replace(/(\p{L})\1+/gu, '$1');
}

/** Spelling keys of every token and every whitespace-delimited chunk of a text. */
function spellingKeys(text: string, tokens: Tokens): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < tokens.count; i++) keys.add(spellingKey(text.slice(tokens.start[i]!, tokens.end[i]!)));
  for (const chunk of text.split(/\s+/)) keys.add(spellingKey(chunk));
  keys.delete('');
  return keys;
}

/** The whitespace-delimited chunk of `text` holding [start, end), such as "U.S." or "cease-fire". */
function chunkAround(text: string, start: number, end: number): string {
  let a = start;
  let b = end;
  while (a > 0 && !/\s/.test(text.charAt(a - 1))) a--;
  while (b < text.length && !/\s/.test(text.charAt(b))) b++;
  return text.slice(a, b);
}
