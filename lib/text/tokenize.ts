import { RewriteRadarError } from '../errors.js';
import { fmix32 as importedFmix32 } from '../sketch/hash.js';
import { STOPWORDS } from './stopwords.js';

// Token flags (bit field). Exported by a list, not `export const`: compiled to CommonJS, every
// use of an `export const` inside this module becomes a property load on `exports`.
const STOP = 1;
const CAPITALISED = 2;
const NUMBER = 4;
/** Inside double quotes: quotes are shared by independent coverage of the same event. */
const QUOTED = 8;
export { STOP, CAPITALISED, NUMBER, QUOTED };

/** Words of a text as parallel typed arrays: no object per token, so sketching stays fast. */
export interface Tokens {
  readonly count: number;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  /** Hash of the lower-cased, lightly stemmed word. */
  readonly term: Uint32Array;
  readonly flags: Uint8Array;
}

// As an int32: V8 keeps a hash seeded with 0x811c9dc5 (above 2^31) in a floating-point register.
// Hot loops copy it and STOP_MULTIPLIER into locals: as module constants they are boxed numbers.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

// A module-local binding: CommonJS output calls an import through its module object, uninlined.
const fmix32 = importedFmix32;

/** Class bits of a UTF-16 unit in UNIT_INFO; its lower-case form sits above them (info >>> 8). */
const KNOWN = 1;
/** A letter or digit (\p{L} or \p{N}); a surrogate half is neither. */
const WORD = 2;
const DIGIT = 4;
/** ' ’ . , : may join two runs of word characters into one word. */
const JOINER = 8;
/** " “ ” toggle the quoted state. */
const QUOTE = 16;
/** A-Z; shifted right by 4 it is the CAPITALISED flag. */
const ASCII_UPPER = 32;
/** ' ‘ ’: a single quote mark (British papers quote with these) when not inside a word. */
const SINGLE_QUOTE = 64;
/** Scan state bit beside QUOTED: inside single quotes. Kept apart so "..." nested in '...' works. */
const IN_SINGLE = QUOTED << 1;

/**
 * Class and lower-case form of each UTF-16 unit in one number, learnt on first sight: a single
 * table load replaces range tests, toLowerCase and regexes in the per-character loop. 0 = unknown.
 */
const UNIT_INFO = new Uint32Array(0x10000);
const NON_ASCII_WORD = /[\p{L}\p{N}]/u;
for (let c = 0; c < 128; c++) learnUnit(c);

/**
 * Stopword hashes by a multiplicative hash whose multiplier is searched at load so that no two
 * stopwords share a slot. Each free slot holds the hash of a stopword whose own slot is elsewhere,
 * so it matches nothing: a lookup is one load and one compare, with no probing.
 */
const STOP_TABLE_BITS = 12;
const STOP_TABLE = new Uint32Array(1 << STOP_TABLE_BITS);
const STOP_MULTIPLIER = buildStopTable([...STOPWORDS].map((w) => hashLower(w, 0, w.length)));

/** Hash of s[start,end) lower-cased; the same function the tokenizer uses. */
export function hashLower(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ lower(s.charCodeAt(i)), FNV_PRIME);
  return fmix32(h);
}

/** Where a scan stands: the arrays being filled, and why scanWords stopped before the end. */
interface ScanState {
  start: Uint32Array;
  end: Uint32Array;
  term: Uint32Array;
  flags: Uint8Array;
  count: number;
  /** Where to go on: the start of the word in hand when the scan stopped. */
  next: number;
  /** QUOTED or 0. */
  quoted: number;
  /** The unit the scan could not classify yet, or -1 when the arrays were full. */
  unknown: number;
}

/** Splits text into words (letters and digits; inner apostrophes, dots and commas of numbers kept). */
export function tokenize(text: string): Tokens {
  const cap = Math.max(16, text.length >>> 2);
  // one backing buffer for the four arrays: allocating typed arrays costs more than filling them
  const buffer = new ArrayBuffer(13 * cap);
  const state: ScanState = {
    start: new Uint32Array(buffer, 0, cap),
    end: new Uint32Array(buffer, 4 * cap, cap),
    term: new Uint32Array(buffer, 8 * cap, cap),
    flags: new Uint8Array(buffer, 12 * cap, cap),
    count: 0,
    next: 0,
    quoted: 0,
    unknown: -1,
  };
  const units = codeUnits(text);
  // The scanning loop only calls small helpers that V8 inlines (a real call in it, even a rarely
  // taken one, made the loop a fifth slower); it hands the rare unknown unit or full arrays back
  // here and is resumed.
  while (!scanWords(units, text.length, state)) {
    if (state.unknown >= 0) {
      learnUnit(state.unknown);
    } else {
      state.start = grow(state.start);
      state.end = grow(state.end);
      state.term = grow(state.term);
      state.flags = grow(state.flags);
    }
  }
  return { count: state.count, start: state.start, end: state.end, term: state.term, flags: state.flags };
}

/**
 * Reads words from u[state.next, len) into the state's arrays; false when it stopped early (see
 * ScanState). A unit not yet in UNIT_INFO reads as no word character, so it is checked for only
 * where a non-word unit is acted on, not on every character.
 */
function scanWords(u: Uint16Array, len: number, state: ScanState): boolean {
  const { start, end, term, flags } = state;
  const fnvOffset = FNV_OFFSET;
  const stopMultiplier = STOP_MULTIPLIER;
  let n = state.count;
  let quoted = state.quoted;
  let i = state.next;
  while (i < len) {
    const c = u[i]!;
    const info = UNIT_INFO[c]!;
    if ((info & WORD) === 0) {
      if (info === 0) return suspend(state, n, quoted, i, c);
      if ((info & QUOTE) !== 0) quoted ^= QUOTED;
      else if ((info & SINGLE_QUOTE) !== 0) quoted = singleQuote(u, i, len, quoted);
      else if (c === 10 && i + 1 < len && u[i + 1] === 10) quoted = 0; // quotes never span paragraphs reliably
      i++;
      continue;
    }
    if (n === start.length) return suspend(state, n, quoted, i, -1);
    const s = i;
    let digits = 0;
    let apostrophes = false;
    // FNV-1a of the lower-cased word: the stopword lookup's key, and the term's when no stem rule cuts
    let h = fnvOffset;
    while (i < len) {
      const d = u[i]!;
      const di = UNIT_INFO[d]!;
      if ((di & WORD) !== 0) {
        digits += (di & DIGIT) >>> 2;
        h = Math.imul(h ^ (di >>> 8), FNV_PRIME);
      } else if ((di & JOINER) !== 0 && i + 1 < len) {
        const next = UNIT_INFO[u[i + 1]!]!;
        if ((next & WORD) === 0) {
          if (next === 0) return suspend(state, n, quoted, s, u[i + 1]!);
          break;
        }
        // apostrophe inside a word (don't), or . , inside a number (3.5, 20,000)
        if ((d === 46 || d === 44) && digits === 0) break;
        if (d === 39 || d === 0x2019) apostrophes = true;
        h = Math.imul(h ^ d, FNV_PRIME);
      } else {
        if (di === 0) return suspend(state, n, quoted, s, d);
        break;
      }
      i++;
    }
    // flags without branches: stopword-ness is data-dependent and a branch on it mispredicts often
    let f = ((quoted | (quoted >>> 1)) & QUOTED) | ((info & ASCII_UPPER) >>> 4);
    const raw = fmix32(h);
    const miss = STOP_TABLE[Math.imul(raw, stopMultiplier) >>> (32 - STOP_TABLE_BITS)]! ^ raw;
    f |= (((miss - 1) & ~miss) >>> 31) * STOP; // (miss - 1) & ~miss has its top bit set only for miss = 0
    if (digits > 0) {
      f |= NUMBER;
      term[n] = hashDigits(u, s, i);
    } else {
      const e = stemEnd(u, s, i);
      if (e === i && !apostrophes) {
        term[n] = raw;
      } else {
        // a stem rule cut the word (about a third of words): hash its stem again
        let stem = hashStem(u, s, e < 0 ? -e : e);
        if (e < 0) stem = Math.imul(stem ^ 121, FNV_PRIME); // -ies became -y
        term[n] = fmix32(stem);
      }
    }
    start[n] = s;
    end[n] = i;
    flags[n] = f;
    n++;
  }
  state.count = n;
  return true;
}

/**
 * Quoted state after a single quote mark at u[i] outside a word: it opens before a word (not a
 * digit: '90s) when nothing but space, a bracket, a dash or a double quote precedes it, and
 * closes after a word or punctuation. Apostrophes inside words never get here; a plural
 * possessive (boys') outside quotes opens nothing.
 */
function singleQuote(u: Uint16Array, i: number, len: number, quoted: number): number {
  const before = i > 0 ? u[i - 1]! : 32;
  const after = i + 1 < len ? UNIT_INFO[u[i + 1]!]! : 0;
  if ((quoted & IN_SINGLE) === 0) {
    const opens =
      (before === 32 || before === 10 || before === 40 || before === 45 || before === 34 || before === 91) &&
      (after & WORD) !== 0 &&
      (after & DIGIT) === 0 &&
      !isClitic(u, i + 1, len);
    return opens ? quoted | IN_SINGLE : quoted;
  }
  return before !== 32 && before !== 10 && (after & WORD) === 0 ? quoted & ~IN_SINGLE : quoted;
}

/**
 * Whether u[at..] is a contraction's clitic standing alone ('s 't 'd 'm 're 've 'll and a word end):
 * text split into tokens ("Trump 's war") puts a space before the apostrophe, which is then no
 * opening quote; taken for one, it would mark the rest of the article quoted.
 */
function isClitic(u: Uint16Array, at: number, len: number): boolean {
  const lower = (k: number): number => (at + k < len ? u[at + k]! | 32 : 0);
  const endsAt = (k: number): boolean => at + k >= len || (UNIT_INFO[u[at + k]!]! & WORD) === 0;
  const a = lower(0);
  if (a === 115 || a === 116 || a === 100 || a === 109) return endsAt(1); // s t d m
  const b = lower(1);
  const two = (a === 114 && b === 101) || (a === 118 && b === 101) || (a === 108 && b === 108); // re ve ll
  return two && endsAt(2);
}

/** Saves where scanWords stopped and returns false. */
function suspend(state: ScanState, n: number, quoted: number, next: number, unknown: number): false {
  state.count = n;
  state.quoted = quoted;
  state.next = next;
  state.unknown = unknown;
  return false;
}

function grow<T extends Uint32Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as { new (n: number): T })(a.length * 2);
  b.set(a);
  return b;
}

/** Scratch copy of the text being tokenized, reused up to this many units (128 KB). */
const SHARED_UNITS = 1 << 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const sharedBytes = Buffer.alloc(2 * SHARED_UNITS);
const sharedUnits = new Uint16Array(sharedBytes.buffer, sharedBytes.byteOffset, SHARED_UNITS);

/**
 * The UTF-16 units of the text in a typed array (lone surrogates kept): one native copy, after
 * which each read is a plain load instead of a charCodeAt.
 */
function codeUnits(text: string): Uint16Array {
  const big = text.length > SHARED_UNITS;
  const units = big ? new Uint16Array(text.length) : sharedUnits;
  if (LITTLE_ENDIAN) {
    const bytes = big ? Buffer.from(units.buffer, units.byteOffset, units.byteLength) : sharedBytes;
    bytes.write(text, 0, 'utf16le');
  } else {
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  }
  return units;
}

/** Fills STOP_TABLE (see there) and returns its multiplier. */
function buildStopTable(hashes: readonly number[]): number {
  const size = 1 << STOP_TABLE_BITS;
  const used = new Uint8Array(size);
  // odd multipliers from the golden ratio on; for the 172 stopwords the tenth has no collisions
  for (let tries = 0, m = 0x9e3779b1; tries < 1 << 16; tries++, m = (m + 2) >>> 0) {
    used.fill(0);
    let collision = false;
    for (const h of hashes) {
      const slot = Math.imul(h, m) >>> (32 - STOP_TABLE_BITS);
      if (used[slot] === 1 && STOP_TABLE[slot] !== h) {
        collision = true;
        break;
      }
      used[slot] = 1;
      STOP_TABLE[slot] = h;
    }
    if (collision) continue;
    for (let slot = 0; slot < size; slot++) if (used[slot] === 0) STOP_TABLE[slot] = hashes[0]!;
    return m;
  }
  throw new RewriteRadarError(
    `no collision-free table of ${hashes.length} stopwords in ${size} slots: raise STOP_TABLE_BITS`,
  );
}

/** Numbers compare by their digits only: "20,000" and "20000" are one term. */
function hashDigits(u: Uint16Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    const c = u[i]!;
    if (c >= 48 && c <= 57) h = Math.imul(h ^ c, FNV_PRIME);
  }
  return fmix32(h ^ 0x5bd1e995);
}

/** FNV-1a state of u[start,end) lower-cased without apostrophes: the hash of a stem. */
function hashStem(u: Uint16Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    const c = UNIT_INFO[u[i]!]! >>> 8;
    if (c !== 39 && c !== 0x2019) h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h;
}

/**
 * End of the light English stem of the word u[start,end) (possessive, plural, -ed, -ing), negated
 * when -ies became -y. Rewriters change inflection ("accused" / "accusing"). The word's units are
 * all in UNIT_INFO by now. (Kept small enough for V8 to inline into scanWords.)
 */
function stemEnd(u: Uint16Array, start: number, end: number): number {
  let e = end;
  let c1 = lowerAt(u, e - 1);
  // every rule below needs a word ending in s, g, d or e
  if (c1 !== 115 && c1 !== 103 && c1 !== 100 && c1 !== 101) return e;
  if (c1 === 115 && e - start > 2) {
    const c2 = lowerAt(u, e - 2);
    if (c2 === 39 || c2 === 0x2019) {
      e -= 2; // 's
      c1 = lowerAt(u, e - 1);
    }
  }
  const n = e - start;
  if (c1 === 115 && n > 3) {
    const c2 = lowerAt(u, e - 2);
    const c3 = n > 4 ? lowerAt(u, e - 3) : 0;
    if (c3 === 105 && c2 === 101) return -(e - 3); // -ies -> -y
    if (c2 === 101 && (c3 === 115 || c3 === 120 || c3 === 122 || c3 === 104))
      e -= 2; // -sses, -xes, -zes, -ches, -shes
    else if (c2 !== 115 && c2 !== 117 && c2 !== 105) e -= 1; // plural -s but not -ss, -us, -is
  }
  const m = e - start;
  if (m >= 5) {
    const d1 = lowerAt(u, e - 1);
    const d2 = lowerAt(u, e - 2);
    if (m >= 6 && lowerAt(u, e - 3) === 105 && d2 === 110 && d1 === 103)
      e -= 3; // -ing
    else if (d2 === 101 && d1 === 100)
      e -= 2; // -ed
    else if (d1 === 101) e -= 1; // final -e: "organise" meets "organis(ed|ing)"
  }
  return e;
}

/** lower() of u[i], known to be in UNIT_INFO already. */
function lowerAt(u: Uint16Array, i: number): number {
  return UNIT_INFO[u[i]!]! >>> 8;
}

/** The first unit of the unit's lower-case form ('İ' lower-cases to "i\u0307"). */
function lower(c: number): number {
  return (UNIT_INFO[c] || learnUnit(c)) >>> 8;
}

/** Computes, stores and returns UNIT_INFO[c]. */
function learnUnit(c: number): number {
  const ch = String.fromCharCode(c);
  let info = KNOWN | (ch.toLowerCase().charCodeAt(0) << 8);
  if (c < 128 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) : NON_ASCII_WORD.test(ch))
    info |= WORD;
  if (c >= 48 && c <= 57) info |= DIGIT;
  if (c === 39 || c === 0x2019 || c === 46 || c === 44) info |= JOINER;
  if (c === 34 || c === 0x201c || c === 0x201d) info |= QUOTE;
  if (c === 39 || c === 0x2018 || c === 0x2019) info |= SINGLE_QUOTE;
  if (c >= 65 && c <= 90) info |= ASCII_UPPER;
  UNIT_INFO[c] = info;
  return info;
}
