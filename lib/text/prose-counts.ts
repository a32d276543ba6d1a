/** One pass over a line: normalises its typography and counts the words and letters the prose rules read. */
import { BMP_CLASSES as BMP_CLASSES_TABLE, classesOf, UnitsScratch } from './character-classes.js';
import * as bits from './character-classes.js';
import { countLinkWords } from './link-words.js';
import { collapseSpaces, normalizeTypography } from './typography.js';

// Module-local: compiled to CommonJS, an imported constant is a property load in the hot loop.
const BMP_CLASSES = BMP_CLASSES_TABLE;
const { LETTER, LOWERCASE, SPACE, APOSTROPHE, DOT, RETYPED, LINK_MARK, SURROGATE_HALF, UNKNOWN } = bits;

/** A normalised line being counted. */
const LINE_UNITS = new UnitsScratch();

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

/** Counts of a paragraph's words and letters that the boilerplate rules judge it by. */
export interface ProseCounts {
  words: number;
  lowercaseWords: number;
  linkWords: number;
  letters: number;
}

export function noCounts(): ProseCounts {
  return { words: 0, lowercaseWords: 0, linkWords: 0, letters: 0 };
}

/**
 * The line t, which is units[from, from + t.length), with typography normalised and spaces
 * collapsed, its counts written to `out`. Most lines are normal already: one pass checks that and
 * counts them.
 */
export function normalizeLine(t: string, units: Uint16Array, from: number, out: ProseCounts): string {
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

/** The counts of one line of text (a run of a paragraph cut by the caller, say). */
export function proseCountsOf(line: string): ProseCounts {
  const out = noCounts();
  // normalizeLine reuses LINE_UNITS only once it is done with these units
  normalizeLine(line, LINE_UNITS.of(line), 0, out);
  return out;
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
