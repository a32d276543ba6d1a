/** Paragraphs of a raw text: blank lines, wire-copy end marks and hard-wrapped lines re-joined. */
import { hasClass, hasLetterOrDigit, LETTER, startsLowercase, UnitsScratch } from './character-classes.js';
import { noCounts, normalizeLine, type ProseCounts } from './prose-counts.js';

/** Line lengths above this are not hard wrapping. */
const MAX_WRAP_WIDTH = 200;
/** A wrapped line may stop this many characters short of the wrap width. */
const WRAP_SLACK = 3;
/** The raw text being split. */
const RAW_UNITS = new UnitsScratch();

/** Characters that end a sentence, and closing marks that may follow them. */
const TERMINAL = new Set(['.', '!', '?', '\u2026']);
const CLOSERS = new Set(['"', "'", ')', ']', '}', '\u201d', '\u2019', '\u00bb', '*']);
/** A normalised paragraph with its counts (sums over its lines, which join with single spaces). */
export interface Paragraph {
  readonly text: string;
  readonly counts: ProseCounts;
}

/**
 * Finds a wire-copy end-of-paragraph mark such as PA's trailing `<`: the commonest last character
 * that is printable but not a letter, digit or sentence punctuation, when it ends at least half of
 * the non-empty lines (and two or more), or mostly comes right after a sentence end
 * (hard-wrapped copy has many more lines than paragraphs, so the first test alone misses it).
 */
export function detectEndMarker(lines: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  const afterSentence = new Map<string, number>();
  let nonEmpty = 0;
  for (const line of lines) {
    const t = line.trimEnd();
    // Rules of dashes or stars are not paragraphs; their last character says nothing.
    if (!hasLetterOrDigit(t)) continue;
    nonEmpty++;
    const c = t.charAt(t.length - 1);
    if (!isMarkerCandidate(c)) continue;
    counts.set(c, (counts.get(c) ?? 0) + 1);
    if (endsSentence(t.slice(Math.max(0, t.length - 4), t.length - 1)))
      afterSentence.set(c, (afterSentence.get(c) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [c, n] of counts) {
    const after = afterSentence.get(c) ?? 0;
    const accepted = (n >= 2 && n * 2 >= nonEmpty) || (after >= 1 && after * 2 >= n);
    if (accepted && n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

function isMarkerCandidate(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code <= 0x20 || (code >= 0x7f && code <= 0xa0)) return false;
  if (TERMINAL.has(c) || CLOSERS.has(c) || c === ',' || c === ';' || c === ':' || c === '`') return false;
  return !/[\p{L}\p{N}\p{Zs}]/u.test(c);
}

/** Reused by detectWrapWidth: a typed array per call is an allocation outside the JS heap. */
const WRAP_HISTOGRAM = new Uint32Array(MAX_WRAP_WIDTH + 2);

/**
 * Estimates the hard-wrap width: the 90th-percentile length of lines holding a letter, accepted when
 * at least three lines and a quarter of them come within 10 characters of it. Undefined for unwrapped text.
 */
export function detectWrapWidth(lines: readonly string[]): number | undefined {
  // Counting sort over capped lengths keeps this linear.
  const histogram = WRAP_HISTOGRAM.fill(0);
  let total = 0;
  for (const line of lines) {
    if (!hasClass(line, LETTER)) continue;
    const bucket = Math.min(line.trimEnd().length, MAX_WRAP_WIDTH + 1);
    histogram[bucket] = (histogram[bucket] ?? 0) + 1;
    total++;
  }
  if (total < 3) return undefined;
  let seen = 0;
  let width = 0;
  for (let len = 0; len < histogram.length; len++) {
    seen += histogram[len] ?? 0;
    if (seen >= total * 0.9) {
      width = len;
      break;
    }
  }
  if (width > MAX_WRAP_WIDTH || width < 20) return undefined;
  let near = 0;
  for (let len = width - 10; len <= width; len++) near += histogram[len] ?? 0;
  return near >= 3 && near * 4 >= total ? width : undefined;
}

/** Splits the lines of raw into normalised paragraphs at blank lines and end markers, re-joining hard-wrapped lines. */
export function splitParagraphs(
  raw: string,
  lines: readonly string[],
  marker: string | undefined,
  wrap: number | undefined,
): Paragraph[] {
  const units = RAW_UNITS.of(raw);
  let next = 0; // where the next line starts in raw
  const paragraphs: Paragraph[] = [];
  let current: string[] = [];
  let counts = noCounts();
  const lineCounts = noCounts();
  let prev = '';
  let prevLength = 0;
  let blankSeparated = false;
  let pendingBlank = false;
  const flush = (): void => {
    if (current.length > 0) paragraphs.push({ text: current.join(' '), counts });
    current = [];
    counts = noCounts();
  };
  for (const line of lines) {
    const from = next;
    // past the line and its break, which is two units only for \r\n (no read beyond the last line)
    next += line.length + 1;
    if (next < raw.length && raw.charCodeAt(next - 1) === 13 && raw.charCodeAt(next) === 10) next++;
    let t = line.trimEnd();
    const length = t.length;
    let ended = false;
    if (marker !== undefined && t.endsWith(marker)) {
      t = t.slice(0, t.length - marker.length);
      ended = true;
    }
    const norm = normalizeLine(t, units, from, lineCounts);
    if (norm === '') {
      if (current.length > 0) pendingBlank = true;
      continue;
    }
    if (pendingBlank) {
      blankSeparated = true;
      pendingBlank = false;
      // Marker-delimited copy sometimes has a stray blank line inside a paragraph: a blank line only
      // ends the paragraph there unless the next line plainly continues an unfinished sentence.
      if (marker === undefined || endsSentence(prev) || !startsLowercase(norm)) flush();
    }
    if (current.length > 0 && !continues(prev, prevLength, norm, marker !== undefined, wrap, blankSeparated)) flush();
    current.push(norm);
    counts.words += lineCounts.words;
    counts.lowercaseWords += lineCounts.lowercaseWords;
    counts.linkWords += lineCounts.linkWords;
    counts.letters += lineCounts.letters;
    prev = norm;
    prevLength = length;
    if (ended) {
      flush();
      pendingBlank = false;
    }
  }
  flush();
  return paragraphs;
}

/**
 * Whether `next` continues the paragraph of `prev`. Lines without letters or digits (rules) stand alone.
 * In marker-delimited copy every line continues until a marker. Otherwise a line continues the sentence
 * when it starts in lowercase, or when `prev` was full: its next word would not have fitted the wrap width.
 * A full line ending a sentence only continues in blank-line-separated text, where blank lines end paragraphs.
 */
function continues(
  prev: string,
  prevLength: number,
  next: string,
  markerMode: boolean,
  wrap: number | undefined,
  blankSeparated: boolean,
): boolean {
  if (!hasLetterOrDigit(prev) || !hasLetterOrDigit(next)) return false;
  if (markerMode) return true;
  const space = next.indexOf(' ');
  const firstWord = space === -1 ? next.length : space;
  const full = wrap !== undefined && prevLength + 1 + firstWord > wrap - WRAP_SLACK;
  if (endsSentence(prev)) return full && blankSeparated;
  return full || startsLowercase(next);
}

/** True when the text ends with . ! ? or … possibly followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  const mark = sentenceMark(text, 0, text.length);
  return mark !== undefined && TERMINAL.has(mark);
}

/** The last character of text[start, end) before any closing quotes or brackets (undefined when there is none). */
export function sentenceMark(text: string, start: number, end: number): string | undefined {
  let i = end - 1;
  while (i >= start && CLOSERS.has(text.charAt(i))) i--;
  return i >= start ? text.charAt(i) : undefined;
}
