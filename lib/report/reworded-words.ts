import { tokenize } from '../text/tokenize.js';

/** A character range [start, end) of a passage. */
export interface WordRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Runs of words of `text` that do not occur anywhere in `other`: within an aligned pair, the
 * wording the rewrite changed. Words are the project's tokens compared by their term (lower-cased,
 * lightly stemmed), the very unit the alignment scores count, so "Cables" = "cable" and
 * "20,000" = "20000" stay unmarked and the marks explain the score. Consecutive changed words
 * form one range (with the spaces and punctuation between them).
 */
export function rewordedRanges(text: string, other: string): WordRange[] {
  const theirs = tokenize(other);
  const known = new Set<number>();
  for (let i = 0; i < theirs.count; i++) known.add(theirs.term[i]!);
  const ours = tokenize(text);
  const ranges: WordRange[] = [];
  let runStart = -1;
  let runEnd = -1;
  for (let i = 0; i < ours.count; i++) {
    if (known.has(ours.term[i]!)) {
      if (runStart >= 0) ranges.push({ start: runStart, end: runEnd });
      runStart = -1;
    } else {
      if (runStart < 0) runStart = ours.start[i]!;
      runEnd = ours.end[i]!;
    }
  }
  if (runStart >= 0) ranges.push({ start: runStart, end: runEnd });
  return ranges;
}
