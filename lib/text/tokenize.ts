import { fmix32 } from '../sketch/hash.js';
import { STOPWORDS } from './stopwords.js';

/** Token flags (bit field). */
export const STOP = 1;
export const CAPITALISED = 2;
export const NUMBER = 4;
/** Inside double quotes: quotes are shared by independent coverage of the same event. */
export const QUOTED = 8;

/** Words of a text as parallel typed arrays: no object per token, so sketching stays fast. */
export interface Tokens {
  readonly count: number;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  /** Hash of the lower-cased, lightly stemmed word. */
  readonly term: Uint32Array;
  readonly flags: Uint8Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const STOP_HASHES: ReadonlySet<number> = new Set([...STOPWORDS].map((w) => hashLower(w, 0, w.length)));

/** Hash of s[start,end) lower-cased; the same function the tokenizer uses. */
export function hashLower(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ lower(s.charCodeAt(i)), FNV_PRIME);
  return fmix32(h);
}

/** Splits text into words (letters and digits; inner apostrophes, dots and commas of numbers kept). */
export function tokenize(text: string): Tokens {
  const cap = Math.max(16, text.length >>> 2);
  let start = new Uint32Array(cap);
  let end = new Uint32Array(cap);
  let term = new Uint32Array(cap);
  let flags = new Uint8Array(cap);
  let n = 0;
  let quoted = false;
  let i = 0;
  const len = text.length;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ || c === 0x201c || c === 0x201d) {
      quoted = !quoted;
      i++;
      continue;
    }
    if (c === 10 && i + 1 < len && text.charCodeAt(i + 1) === 10) quoted = false; // quotes never span paragraphs reliably
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    const s = i;
    let digits = 0;
    while (i < len) {
      const d = text.charCodeAt(i);
      if (isWordChar(d)) {
        if (d >= 48 && d <= 57) digits++;
        i++;
      } else if ((d === 39 || d === 0x2019 || d === 46 || d === 44) && i + 1 < len && isWordChar(text.charCodeAt(i + 1))) {
        // apostrophe inside a word (don't), or . , inside a number (3.5, 20,000)
        if ((d === 46 || d === 44) && digits === 0) break;
        i++;
      } else break;
    }
    if (n === start.length) {
      start = grow(start);
      end = grow(end);
      term = grow(term);
      flags = grow(flags);
    }
    const raw = hashLower(text, s, i);
    let f = quoted ? QUOTED : 0;
    if (STOP_HASHES.has(raw)) f |= STOP;
    const c0 = text.charCodeAt(s);
    if (c0 >= 65 && c0 <= 90) f |= CAPITALISED;
    if (digits > 0) f |= NUMBER;
    start[n] = s;
    end[n] = i;
    term[n] = digits > 0 ? hashDigits(text, s, i) : stemHash(text, s, i);
    flags[n] = f;
    n++;
  }
  return { count: n, start, end, term, flags };
}

function grow<T extends Uint32Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as { new (n: number): T })(a.length * 2);
  b.set(a);
  return b;
}

/** Numbers compare by their digits only: "20,000" and "20000" are one term. */
function hashDigits(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) h = Math.imul(h ^ c, FNV_PRIME);
  }
  return fmix32(h ^ 0x5bd1e995);
}

/**
 * Hash of a light English stem (possessive, plural, -ed, -ing), computed in place so
 * no substring is allocated. Rewriters change inflection ("accused" / "accusing").
 */
function stemHash(s: string, start: number, end: number): number {
  let e = end;
  const at = (k: number): number => lower(s.charCodeAt(e - k));
  const n = (): number => e - start;
  if (n() > 2 && at(1) === 115 && (at(2) === 39 || at(2) === 0x2019)) e -= 2; // 's
  let tail = 0;
  if (n() > 4 && at(3) === 105 && at(2) === 101 && at(1) === 115) {
    e -= 3; // -ies -> -y
    tail = 121;
  } else if (n() > 4 && at(1) === 115 && at(2) === 101 && (at(3) === 115 || at(3) === 120 || at(3) === 122 || at(3) === 104)) {
    e -= 2; // -sses, -xes, -zes, -ches, -shes
  } else if (n() > 3 && at(1) === 115 && at(2) !== 115 && at(2) !== 117 && at(2) !== 105) {
    e -= 1; // plural -s but not -ss, -us, -is
  }
  if (tail === 0) {
    if (n() >= 6 && at(3) === 105 && at(2) === 110 && at(1) === 103) e -= 3; // -ing
    else if (n() >= 5 && at(2) === 101 && at(1) === 100) e -= 2; // -ed
    else if (n() >= 5 && at(1) === 101) e -= 1; // final -e: "organise" meets "organis(ed|ing)"
  }
  let h = FNV_OFFSET;
  for (let i = start; i < e; i++) {
    const c = lower(s.charCodeAt(i));
    if (c === 39 || c === 0x2019) continue;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  if (tail !== 0) h = Math.imul(h ^ tail, FNV_PRIME);
  return fmix32(h);
}

function lower(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return NON_ASCII_WORD.test(String.fromCharCode(c));
}
