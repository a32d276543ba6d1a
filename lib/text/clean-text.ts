/** Why a paragraph was judged boilerplate rather than story text. */
export type BoilerplateReason = 'no-prose' | 'fragment' | 'link-list' | 'duplicate';

/** Story text with boilerplate removed; paragraphs are separated by "\n\n" and offsets index `text`. */
export interface CleanText {
  text: string;
  paragraphs: ReadonlyArray<{ start: number; end: number }>;
  removed: ReadonlyArray<{ text: string; reason: BoilerplateReason }>;
}

/** Paragraphs of at most this many words must end like a sentence to count as story text. */
const FRAGMENT_MAX_WORDS = 12;
/** Prose is mostly letters; numbers, codes and rules are not. */
const MIN_LETTER_SHARE = 0.4;
/** At least this share of words carry a lowercase letter in prose (not ALL-CAPS, codes or times). */
const MIN_LOWERCASE_WORD_SHARE = 1 / 3;
/** Line lengths above this are not hard wrapping. */
const MAX_WRAP_WIDTH = 200;
/** A wrapped line may stop this many characters short of the wrap width. */
const WRAP_SLACK = 3;

/** Characters that end a sentence, and closing marks that may follow them. */
const TERMINAL = new Set(['.', '!', '?', '\u2026']);
const CLOSERS = new Set(['"', "'", ')', ']', '}', '\u201d', '\u2019', '\u00bb', '*']);

/**
 * Removes boilerplate from article text with structural tests in the spirit of jusText:
 * paragraphs that are not prose, short fragments that are not sentences, link lists and repeats.
 * Linear in the input and never throws.
 */
export function cleanText(raw: string): CleanText {
  const lines = raw.split(/\r\n|\r|\n/);
  const marker = detectEndMarker(lines);
  const wrap = detectWrapWidth(lines);
  const blocks = splitParagraphs(lines, marker, wrap);

  const kept: string[] = [];
  const removed: { text: string; reason: BoilerplateReason }[] = [];
  const seen = new Set<string>();
  for (const paragraph of blocks) {
    let reason = classify(paragraph);
    if (reason === undefined && seen.has(paragraph)) reason = 'duplicate';
    seen.add(paragraph);
    if (reason === undefined) kept.push(paragraph);
    else removed.push({ text: paragraph, reason });
  }

  const paragraphs: { start: number; end: number }[] = [];
  let offset = 0;
  for (const p of kept) {
    paragraphs.push({ start: offset, end: offset + p.length });
    offset += p.length + 2;
  }
  return { text: kept.join('\n\n'), paragraphs, removed };
}

/**
 * Finds a wire-copy end-of-paragraph mark such as PA's trailing `<`: the commonest last character
 * that is printable but not a letter, digit or sentence punctuation, when it ends at least half of
 * the non-empty lines (and two or more), or mostly comes right after a sentence end
 * (hard-wrapped copy has many more lines than paragraphs, so the first test alone misses it).
 */
function detectEndMarker(lines: readonly string[]): string | undefined {
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
    if (endsSentence(t.slice(Math.max(0, t.length - 4), t.length - 1))) afterSentence.set(c, (afterSentence.get(c) ?? 0) + 1);
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

/**
 * Estimates the hard-wrap width: the 90th-percentile length of lines holding a letter, accepted when
 * at least three lines and a quarter of them come within 10 characters of it. Undefined for unwrapped text.
 */
function detectWrapWidth(lines: readonly string[]): number | undefined {
  // Counting sort over capped lengths keeps this linear.
  const histogram = new Uint32Array(MAX_WRAP_WIDTH + 2);
  let total = 0;
  for (const line of lines) {
    if (!/\p{L}/u.test(line)) continue;
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

/** Splits lines into normalised paragraphs at blank lines and end markers, re-joining hard-wrapped lines. */
function splitParagraphs(lines: readonly string[], marker: string | undefined, wrap: number | undefined): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let prev = '';
  let prevLength = 0;
  let blankSeparated = false;
  let pendingBlank = false;
  const flush = (): void => {
    if (current.length > 0) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const line of lines) {
    let t = line.trimEnd();
    const length = t.length;
    let ended = false;
    if (marker !== undefined && t.endsWith(marker)) {
      t = t.slice(0, t.length - marker.length);
      ended = true;
    }
    const norm = collapseSpaces(normalizeTypography(t));
    if (norm === '') {
      if (current.length > 0) pendingBlank = true;
      continue;
    }
    if (pendingBlank) {
      blankSeparated = true;
      pendingBlank = false;
      // Marker-delimited copy sometimes has a stray blank line inside a paragraph: a blank line only
      // ends the paragraph there unless the next line plainly continues an unfinished sentence.
      if (marker === undefined || endsSentence(prev) || !/^\p{Ll}/u.test(norm)) flush();
    }
    if (current.length > 0 && !continues(prev, prevLength, norm, marker !== undefined, wrap, blankSeparated)) flush();
    current.push(norm);
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
function continues(prev: string, prevLength: number, next: string, markerMode: boolean, wrap: number | undefined, blankSeparated: boolean): boolean {
  if (!hasLetterOrDigit(prev) || !hasLetterOrDigit(next)) return false;
  if (markerMode) return true;
  const space = next.indexOf(' ');
  const firstWord = space === -1 ? next.length : space;
  const full = wrap !== undefined && prevLength + 1 + firstWord > wrap - WRAP_SLACK;
  if (endsSentence(prev)) return full && blankSeparated;
  return full || /^\p{Ll}/u.test(next);
}

/** Classifies one normalised paragraph; undefined when it looks like story prose. */
function classify(p: string): BoilerplateReason | undefined {
  const words = p.split(' ');
  let lowercaseWords = 0;
  let linkWords = 0;
  for (const word of words) {
    if (/\p{Ll}/u.test(word)) lowercaseWords++;
    if (isLinkWord(word)) linkWords++;
  }
  if (linkWords * 2 > words.length) return 'link-list';
  const letters = p.replace(/\P{L}+/gu, '').length;
  const visible = p.length - (words.length - 1);
  if (lowercaseWords < 2 || letters < MIN_LETTER_SHARE * visible || lowercaseWords < MIN_LOWERCASE_WORD_SHARE * words.length) {
    return 'no-prose';
  }
  if (words.length <= FRAGMENT_MAX_WORDS && !endsSentence(p) && !introducesList(p, words.length)) return 'fragment';
  return undefined;
}

/** "The allegations include:" or a list item ending in ';' is prose; a bare "Share:" is not. */
function introducesList(p: string, wordCount: number): boolean {
  return wordCount >= 3 && (p.endsWith(':') || p.endsWith(';'));
}

/** URL, email address, @handle or #hashtag. */
function isLinkWord(word: string): boolean {
  const w = word.replace(/^[(<[]+/, '');
  if (/^(?:https?:\/\/|www\.)\S/i.test(w)) return true;
  if (/^[@#]\p{L}/u.test(w)) return true;
  const at = w.indexOf('@');
  return at > 0 && w.indexOf('.', at) > at + 1;
}

/** True when the text ends with . ! ? or … possibly followed by closing quotes or brackets. */
function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.has(text.charAt(i))) i--;
  return i >= 0 && TERMINAL.has(text.charAt(i));
}

function hasLetterOrDigit(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Collapses whitespace runs to one space and trims. */
function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Maps typographic variants to one spelling so copies match: curly and TeX-style quotes to
 * straight ones, dashes to '-', unusual spaces and control characters to ' ', '…' to '...';
 * soft hyphens and zero-width characters are dropped. One pass, copying unchanged runs as slices.
 */
function normalizeTypography(text: string): string {
  let out = '';
  let copyFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let replacement: string | undefined;
    let skip = 1;
    if (code === 0x60 || code === 0x27) {
      // Wire copy writes ``quotes'' in TeX style; a lone backtick is an apostrophe.
      const doubled = text.charCodeAt(i + 1) === code;
      if (doubled) {
        replacement = '"';
        skip = 2;
      } else if (code === 0x60) {
        replacement = "'";
      }
    } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      replacement = ' ';
    } else if (code >= 0xa0) {
      replacement = replaceWide(code);
    }
    if (replacement === undefined) continue;
    out += text.slice(copyFrom, i) + replacement;
    i += skip - 1;
    copyFrom = i + 1;
  }
  return copyFrom === 0 ? text : out + text.slice(copyFrom);
}

/** Replacement for a non-ASCII character, or undefined to keep it. */
function replaceWide(code: number): string | undefined {
  switch (code) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032:
      return "'";
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033: case 0x00ab: case 0x00bb:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xfe58: case 0xfe63: case 0xff0d:
      return '-';
    case 0x2026:
      return '...';
    case 0x00ad: case 0x200b: case 0x200c: case 0x200d: case 0x2060: case 0xfeff:
      return '';
    case 0x00a0: case 0x1680: case 0x202f: case 0x205f: case 0x3000: case 0x2028: case 0x2029:
      return ' ';
    default:
      return code >= 0x2000 && code <= 0x200a ? ' ' : undefined;
  }
}
