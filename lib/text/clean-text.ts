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

/** Reusable typed copies of strings' UTF-16 units (lone surrogates kept): reading them beats charCodeAt. */
class UnitsScratch {
  private static readonly SHARED_UNITS = 1 << 16;
  private static readonly LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  private readonly bytes = Buffer.alloc(2 * UnitsScratch.SHARED_UNITS);
  private readonly units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, UnitsScratch.SHARED_UNITS);

  /** The units of text, valid until the next call; a text over 64K units gets an array of its own. */
  of(text: string): Uint16Array {
    if (text.length > UnitsScratch.SHARED_UNITS || !UnitsScratch.LITTLE_ENDIAN) {
      const own = new Uint16Array(text.length);
      for (let i = 0; i < text.length; i++) own[i] = text.charCodeAt(i);
      return own;
    }
    this.bytes.write(text, 0, 'utf16le');
    return this.units;
  }
}

/** The raw text being cleaned, and a normalised line being counted. */
const RAW_UNITS = new UnitsScratch();
const LINE_UNITS = new UnitsScratch();

/** Characters that end a sentence, and closing marks that may follow them. */
const TERMINAL = new Set(['.', '!', '?', '\u2026']);
const CLOSERS = new Set(['"', "'", ')', ']', '}', '\u201d', '\u2019', '\u00bb', '*']);

/**
 * Classes of a code point as bits, cached for the BMP on first use: regex tests per word were most
 * of the cost of cleaning. countProse relies on the positions: bits 6 and 7 stay free so that
 * shifting a class right by 4 moves W onto DOT and nothing onto SPACE or APOSTROPHE.
 */
const LETTER = 1; // \p{L}
const LOWERCASE = 2; // \p{Ll}
/** U+0020 only: the separator of words. */
const SPACE = 4;
const APOSTROPHE = 8;
const DOT = 16;
/** normalizeTypography replaces or drops it (per UTF-16 unit; a doubled apostrophe is found apart). */
const RETYPED = 32;
const W = 256;
/** @ # : (with "w." they are the marks of a possible link word). */
const LINK_MARK = 512;
const SURROGATE_HALF = 1024;
const LETTER_OR_DIGIT = 2048; // \p{L} or \p{N}
/** Not classified yet: every entry starts so. */
const UNKNOWN = 4096;
const BMP_CLASSES = new Uint16Array(0x10000).fill(UNKNOWN);
for (let c = 0; c < 128; c++) classesOf(c);

/** Outcomes of countProse. */
const COUNTED = 0;
/** Counted; the line has marks of a link word, so countLinkWords must look at it. */
const COUNTED_LINK_MARKS = 1;
/** normalizeTypography or collapseSpaces would change the line. */
const NOT_NORMAL = 2;
/** A unit not yet in BMP_CLASSES. */
const UNKNOWN_UNIT = 3;
/** A surrogate: countWordsSlowly handles code points beyond the BMP. */
const SURROGATE = 4;

/** Counts of a paragraph's words and letters that classify() judges it by. */
interface ProseCounts {
  words: number;
  lowercaseWords: number;
  linkWords: number;
  letters: number;
}

/** A normalised paragraph with its counts (sums over its lines, which join with single spaces). */
interface Paragraph {
  readonly text: string;
  readonly counts: ProseCounts;
}

/**
 * Removes boilerplate from article text with structural tests in the spirit of jusText:
 * paragraphs that are not prose, short fragments that are not sentences, link lists and repeats.
 * Linear in the input and never throws.
 */
export function cleanText(raw: string): CleanText {
  // a plain split is several times faster than the regex, which only matters when there is a \r
  const lines = raw.includes('\r') ? raw.split(/\r\n|\r|\n/) : raw.split('\n');
  const marker = detectEndMarker(lines);
  const wrap = detectWrapWidth(lines);
  const blocks = splitParagraphs(raw, lines, marker, wrap);

  const kept: string[] = [];
  const removed: { text: string; reason: BoilerplateReason }[] = [];
  const seen = new Map<number, string | Set<string>>();
  for (const { text: paragraph, counts } of blocks) {
    let reason = classify(paragraph, counts);
    const repeated = seenBefore(seen, paragraph);
    if (reason === undefined && repeated) reason = 'duplicate';
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
 * Records a paragraph in `seen` and tells whether an equal one was recorded before. Paragraphs are
 * kept by length, a Set only for lengths that repeat: most lengths occur once, and one comparison
 * is cheaper than hashing every paragraph.
 */
function seenBefore(seen: Map<number, string | Set<string>>, p: string): boolean {
  const prior = seen.get(p.length);
  if (prior === undefined) {
    seen.set(p.length, p);
    return false;
  }
  if (typeof prior === 'string') {
    if (prior === p) return true;
    seen.set(p.length, new Set([prior, p]));
    return false;
  }
  if (prior.has(p)) return true;
  prior.add(p);
  return false;
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

/** Reused by detectWrapWidth: a typed array per call is an allocation outside the JS heap. */
const WRAP_HISTOGRAM = new Uint32Array(MAX_WRAP_WIDTH + 2);

/**
 * Estimates the hard-wrap width: the 90th-percentile length of lines holding a letter, accepted when
 * at least three lines and a quarter of them come within 10 characters of it. Undefined for unwrapped text.
 */
function detectWrapWidth(lines: readonly string[]): number | undefined {
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
function splitParagraphs(raw: string, lines: readonly string[], marker: string | undefined, wrap: number | undefined): Paragraph[] {
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
function continues(prev: string, prevLength: number, next: string, markerMode: boolean, wrap: number | undefined, blankSeparated: boolean): boolean {
  if (!hasLetterOrDigit(prev) || !hasLetterOrDigit(next)) return false;
  if (markerMode) return true;
  const space = next.indexOf(' ');
  const firstWord = space === -1 ? next.length : space;
  const full = wrap !== undefined && prevLength + 1 + firstWord > wrap - WRAP_SLACK;
  if (endsSentence(prev)) return full && blankSeparated;
  return full || startsLowercase(next);
}

/** Classifies one normalised paragraph from its counts; undefined when it looks like story prose. */
function classify(p: string, { words, lowercaseWords, linkWords, letters }: ProseCounts): BoilerplateReason | undefined {
  if (linkWords * 2 > words) return 'link-list';
  const visible = p.length - (words - 1);
  if (lowercaseWords < 2 || letters < MIN_LETTER_SHARE * visible || lowercaseWords < MIN_LOWERCASE_WORD_SHARE * words) {
    return 'no-prose';
  }
  if (words <= FRAGMENT_MAX_WORDS && !endsSentence(p) && !introducesList(p, words)) return 'fragment';
  return undefined;
}

function noCounts(): ProseCounts {
  return { words: 0, lowercaseWords: 0, linkWords: 0, letters: 0 };
}

/**
 * The line t, which is units[from, from + t.length), with typography normalised and spaces
 * collapsed, its counts written to `out`. Most lines are normal already: one pass checks that and
 * counts them.
 */
function normalizeLine(t: string, units: Uint16Array, from: number, out: ProseCounts): string {
  let outcome = countProse(t, units, from, out, true);
  if (outcome === UNKNOWN_UNIT) {
    for (let i = 0; i < t.length; i++) classesOf(t.charCodeAt(i));
    outcome = countProse(t, units, from, out, true);
  }
  let norm = t;
  if (outcome !== COUNTED && outcome !== COUNTED_LINK_MARKS) {
    norm = collapseSpaces(normalizeTypography(t));
    outcome = countProse(norm, LINE_UNITS.of(norm), 0, out, false);
    if (outcome !== COUNTED && outcome !== COUNTED_LINK_MARKS) countWordsSlowly(norm, out);
  }
  if (outcome === COUNTED_LINK_MARKS) out.linkWords = countLinkWords(norm);
  return norm;
}

/**
 * Counts the words of a line, whose units are u[from, from + line.length), as classify() needs
 * them (linkWords aside: see the outcome): words are the pieces between spaces (as
 * line.split(' ') gives them); a word counts as lowercase when it holds a \p{Ll} letter; letters
 * count in UTF-16 units. With `verify`, the outcome is NOT_NORMAL when normalizeTypography or
 * collapseSpaces would change the line.
 */
function countProse(line: string, u: Uint16Array, from: number, out: ProseCounts, verify: boolean): number {
  const to = from + line.length;
  let words = 1;
  let lowercaseWords = 0;
  let letters = 0;
  let hasLowercase = 0;
  let seen = 0;
  let pairs = 0;
  let prev = 0;
  // No branch in the loop: a test per character mispredicts at word ends, and a rarely taken one
  // leaves V8 without type feedback there, which cost a deoptimisation on the first link or quote.
  for (let i = from; i < to; i++) {
    const bits = BMP_CLASSES[u[i]!]!;
    seen |= bits;
    // "  ", "''" and ".." or "w." (as in "www.") by the classes of neighbours; see BMP_CLASSES
    pairs |= (prev & bits) | ((prev >>> 4) & bits);
    prev = bits;
    const space = (bits & SPACE) >> 2;
    words += space;
    lowercaseWords += hasLowercase & space;
    hasLowercase = (hasLowercase & (space ^ 1)) | ((bits & LOWERCASE) >> 1);
    letters += bits & LETTER;
  }
  if ((seen & UNKNOWN) !== 0) return UNKNOWN_UNIT;
  if ((seen & SURROGATE_HALF) !== 0) return SURROGATE;
  const edgeSpace = to > from && (u[from] === 32 || u[to - 1] === 32);
  if (verify && (edgeSpace || (seen & RETYPED) !== 0 || (pairs & (SPACE | APOSTROPHE)) !== 0)) return NOT_NORMAL;
  out.words = words;
  out.lowercaseWords = lowercaseWords + hasLowercase;
  out.linkWords = 0;
  out.letters = letters;
  return (seen & LINK_MARK) !== 0 || (pairs & DOT) !== 0 ? COUNTED_LINK_MARKS : COUNTED;
}

/** The counts of countProse the way the rules read, for the rare line with surrogates. */
function countWordsSlowly(line: string, out: ProseCounts): void {
  const words = line.split(' ');
  out.words = words.length;
  out.lowercaseWords = words.filter((w) => /\p{Ll}/u.test(w)).length;
  out.linkWords = countLinkWords(line);
  out.letters = line.replace(/\P{L}+/gu, '').length;
}

/** Words of the line (pieces between spaces) that are links. */
function countLinkWords(line: string): number {
  let links = 0;
  let wordStart = 0;
  let firstAt = -1;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : 32;
    if (c === 64 && firstAt === -1) firstAt = i;
    if (c !== 32) continue;
    if (isLinkWord(line, wordStart, i, firstAt)) links++;
    wordStart = i + 1;
    firstAt = -1;
  }
  return links;
}

/** "The allegations include:" or a list item ending in ';' is prose; a bare "Share:" is not. */
function introducesList(p: string, wordCount: number): boolean {
  return wordCount >= 3 && (p.endsWith(':') || p.endsWith(';'));
}

/**
 * URL, email address, @handle or #hashtag: the word p[start,end) after leading ( < [, whose first
 * '@' is at firstAt (-1 for none). Char tests in place of regexes; the URL prefix is ASCII
 * case-insensitive and must be followed by a non-space, as /^(?:https?:\/\/|www\.)\S/i has it.
 */
function isLinkWord(p: string, start: number, end: number, firstAt: number): boolean {
  let s = start;
  while (s < end && isOpener(p.charCodeAt(s))) s++;
  const prefix = urlPrefixLength(p, s);
  if (prefix > 0 && s + prefix < end && !isSpace(p.charCodeAt(s + prefix))) return true;
  const c0 = p.charCodeAt(s);
  if ((c0 === 64 || c0 === 35) && s + 1 < end && (classesOf(p.codePointAt(s + 1)!) & LETTER) !== 0) return true;
  if (firstAt <= s) return false;
  // an address: some '.' after the '@', and the first such not right after it
  for (let i = firstAt + 1; i < end; i++) if (p.charCodeAt(i) === 46) return i > firstAt + 1;
  return false;
}

/** Length of "http://", "https://" or "www." (any case) at p[s], else 0. None holds a space, so none runs past the word. */
function urlPrefixLength(p: string, s: number): number {
  const c0 = asciiLowerAt(p, s);
  if (c0 === 104 && asciiLowerAt(p, s + 1) === 116 && asciiLowerAt(p, s + 2) === 116 && asciiLowerAt(p, s + 3) === 112) {
    const secure = asciiLowerAt(p, s + 4) === 115 ? 1 : 0;
    return p.startsWith('://', s + 4 + secure) ? 7 + secure : 0;
  }
  if (c0 === 119 && asciiLowerAt(p, s + 1) === 119 && asciiLowerAt(p, s + 2) === 119 && p.charCodeAt(s + 3) === 46) return 4;
  return 0;
}

/** c | 0x20 lower-cases an ASCII letter and maps no other character onto one. */
function asciiLowerAt(p: string, i: number): number {
  return p.charCodeAt(i) | 0x20;
}

function isOpener(c: number): boolean {
  return c === 40 /* ( */ || c === 60 /* < */ || c === 91 /* [ */;
}

/** True when the text ends with . ! ? or … possibly followed by closing quotes or brackets. */
function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.has(text.charAt(i))) i--;
  return i >= 0 && TERMINAL.has(text.charAt(i));
}

function hasLetterOrDigit(text: string): boolean {
  return hasClass(text, LETTER_OR_DIGIT);
}

/** Whether some code point of the text has one of the class bits; a lone surrogate has none. */
function hasClass(text: string, bits: number): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if ((classesOf(cp) & bits) !== 0) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}

/** As /^\p{Ll}/u.test(text). */
function startsLowercase(text: string): boolean {
  return text.length > 0 && (classesOf(text.codePointAt(0)!) & LOWERCASE) !== 0;
}

function classesOf(cp: number): number {
  if (cp < 0x10000) {
    const known = BMP_CLASSES[cp]!;
    if ((known & UNKNOWN) === 0) return known;
  }
  const ch = String.fromCodePoint(cp);
  let bits = (/\p{L}/u.test(ch) ? LETTER : 0) | (/\p{Ll}/u.test(ch) ? LOWERCASE : 0) | (/[\p{L}\p{N}]/u.test(ch) ? LETTER_OR_DIGIT : 0);
  if (cp === 32) bits |= SPACE;
  if (cp === 39) bits |= APOSTROPHE;
  if (cp === 46) bits |= DOT;
  if (cp === 119 || cp === 87) bits |= W;
  if (cp === 64 || cp === 35 || cp === 58) bits |= LINK_MARK;
  if (cp >= 0xd800 && cp <= 0xdfff) bits |= SURROGATE_HALF;
  if (cp < 0x20 || cp === 0x60 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xa0 && cp < 0x10000 && replaceWide(cp) !== undefined)) bits |= RETYPED;
  if (cp < 0x10000) BMP_CLASSES[cp] = bits;
  return bits;
}

/** The characters of the regex class \s: ECMAScript WhiteSpace (with Unicode Zs) and LineTerminator. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Collapses whitespace runs to one space and trims. */
function collapseSpaces(text: string): string {
  // Most normalised lines need nothing: check in one scan and leave the regex to the rest.
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) && (c !== 32 || i === 0 || i === last || isSpace(text.charCodeAt(i + 1)))) return text.replace(/\s+/g, ' ').trim();
  }
  return text;
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
