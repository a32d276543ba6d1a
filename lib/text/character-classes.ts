/** A table of character classes as bits, for counting prose without a regex per word. */
import { replaceWide } from './typography.js';

/** Reusable typed copies of strings' UTF-16 units (lone surrogates kept): reading them beats charCodeAt. */
export class UnitsScratch {
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

/**
 * Classes of a code point as bits, cached for the BMP on first use: regex tests per word were most
 * of the cost of cleaning. countProse relies on the positions: bits 6 and 7 stay free so that
 * shifting a class right by 4 moves W onto DOT and nothing onto SPACE or APOSTROPHE.
 */
export const LETTER = 1; // \p{L}
export const LOWERCASE = 2; // \p{Ll}
/** U+0020 only: the separator of words. */
export const SPACE = 4;
export const APOSTROPHE = 8;
export const DOT = 16;
/** normalizeTypography replaces or drops it (per UTF-16 unit; a doubled apostrophe is found apart). */
export const RETYPED = 32;
export const W = 256;
/** @ # : (with "w." they are the marks of a possible link word). */
export const LINK_MARK = 512;
export const SURROGATE_HALF = 1024;
export const LETTER_OR_DIGIT = 2048; // \p{L} or \p{N}
/** Not classified yet: every entry starts so. */
export const UNKNOWN = 4096;
export const BMP_CLASSES = new Uint16Array(0x10000).fill(UNKNOWN);
for (let c = 0; c < 128; c++) classesOf(c);

export function hasLetterOrDigit(text: string): boolean {
  return hasClass(text, LETTER_OR_DIGIT);
}

/** Whether some code point of the text has one of the class bits; a lone surrogate has none. */
export function hasClass(text: string, bits: number): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if ((classesOf(cp) & bits) !== 0) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}

/** As /^\p{Ll}/u.test(text). */
export function startsLowercase(text: string): boolean {
  return text.length > 0 && (classesOf(text.codePointAt(0)!) & LOWERCASE) !== 0;
}

export function classesOf(cp: number): number {
  if (cp < 0x10000) {
    const known = BMP_CLASSES[cp]!;
    if ((known & UNKNOWN) === 0) return known;
  }
  const ch = String.fromCodePoint(cp);
  let bits =
    (/\p{L}/u.test(ch) ? LETTER : 0) |
    (/\p{Ll}/u.test(ch) ? LOWERCASE : 0) |
    (/[\p{L}\p{N}]/u.test(ch) ? LETTER_OR_DIGIT : 0);
  if (cp === 32) bits |= SPACE;
  if (cp === 39) bits |= APOSTROPHE;
  if (cp === 46) bits |= DOT;
  if (cp === 119 || cp === 87) bits |= W;
  if (cp === 64 || cp === 35 || cp === 58) bits |= LINK_MARK;
  if (cp >= 0xd800 && cp <= 0xdfff) bits |= SURROGATE_HALF;
  if (
    cp < 0x20 ||
    cp === 0x60 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0xa0 && cp < 0x10000 && replaceWide(cp) !== undefined)
  )
    bits |= RETYPED;
  if (cp < 0x10000) BMP_CLASSES[cp] = bits;
  return bits;
}
