import { NUMBER, STOP, tokenize, type Tokens } from '../text/tokenize.js';
import { COMMON_WORDS } from './common-words.js';
import type { DetectorParams } from './detector-params.js';
import type { SketchedText } from './sketch-text.js';

/** What choosing an article's index and query keys needs. */
export type CandidateKeyParams = Pick<DetectorParams, 'commonWords' | 'maxIndexKeys' | 'maxQueryKeys' | 'passageWords'>;

/**
 * Keys an article is indexed under: its most distinctive terms (see distinctiveTerms), at most
 * maxIndexKeys whatever its length. A long article is cut into up to maxIndexKeys / 8 equal
 * segments that take turns, so a short story drawn from any part of it shares some keys.
 */
export function indexBandKeys(sketch: SketchedText, params: CandidateKeyParams): string[] {
  const { tokens } = sketch.model;
  const segments = Math.max(
    1,
    Math.min(
      Math.floor(params.maxIndexKeys / 8),
      params.passageWords > 0 ? Math.floor(tokens.count / params.passageWords) : 1,
    ),
  );
  const picks = Array.from({ length: segments }, (_, s) =>
    distinctiveTerms(
      tokens,
      Math.floor((s * tokens.count) / segments),
      Math.floor(((s + 1) * tokens.count) / segments),
      params.maxIndexKeys,
      params.commonWords,
    ),
  );
  const chosen = new Set<number>();
  const deepest = Math.max(...picks.map((p) => p.length));
  for (let rank = 0; chosen.size < params.maxIndexKeys && rank < deepest; rank++) {
    for (const p of picks) if (rank < p.length && chosen.size < params.maxIndexKeys) chosen.add(p[rank]!);
  }
  return [...chosen].map(termKey);
}

/** Keys an article's candidates are looked up by: the most distinctive terms of its whole text. */
export function queryBandKeys(sketch: SketchedText, params: CandidateKeyParams): string[] {
  return distinctiveTerms(
    sketch.model.tokens,
    0,
    sketch.model.tokens.count,
    params.maxQueryKeys,
    params.commonWords,
  ).map(termKey);
}

/** "00" .. "ff": four lookups format a key several times faster than toString(16) and padStart. */
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Index key of one term: "t-" and its hash in hex (the shape "<tier>-<hex>" the S3 index shards by). */
export function termKey(term: number): string {
  return `t-${HEX_BYTE[term >>> 24]}${HEX_BYTE[(term >>> 16) & 0xff]}${HEX_BYTE[(term >>> 8) & 0xff]}${HEX_BYTE[term & 0xff]}`;
}

/**
 * Up to `limit` distinct content terms of tokens [from, to), rarest first: words outside the
 * COMMON_WORDS table first (names, numbers, rare words: what spun and restyled copies keep),
 * then listed words from the least frequent up; the `commonWords` most frequent never count, nor
 * do numbers of one or two digits. Ties go by hash, a fixed order, so two texts sharing their
 * rare terms pick the same ones.
 */
export function distinctiveTerms(
  tokens: Tokens,
  from: number,
  to: number,
  limit: number,
  commonWords: number,
): number[] {
  const ranks = commonRanks();
  // Each candidate is one float, its rank above its tie-break (mix): distinct terms give distinct
  // floats, and a numeric select-then-sort of a typed array orders them (a comparator sort over
  // [term, rank] pairs was most of the sketch path's time).
  if (sortKeys.length < to - from) sortKeys = new Float64Array(Math.max(to - from, 2 * sortKeys.length));
  const keys = sortKeys;
  const seen = termsSeen.reset(to - from);
  let n = 0;
  for (let i = from; i < to; i++) {
    const f = tokens.flags[i]!;
    if ((f & STOP) !== 0) continue;
    if ((f & NUMBER) !== 0 && tokens.end[i]! - tokens.start[i]! <= 2) continue;
    const term = tokens.term[i]!;
    const rank = ranks.get(term);
    if ((rank >= 0 && rank < commonWords) || !seen.add(term)) continue;
    keys[n++] = (rank < 0 ? COMMON_WORDS.length : rank) * 2 ** 32 + (0xffffffff - mix(term));
  }
  const first = Math.max(0, n - limit);
  if (first > 0) selectNth(keys, first, 0, n);
  sortRange(keys, first, n);
  const out = new Array<number>(n - first);
  for (let k = n - 1; k >= first; k--) {
    const key = keys[k]!;
    out[n - 1 - k] = unmix(0xffffffff - (key - Math.floor(key / 2 ** 32) * 2 ** 32));
  }
  return out;
}

/** Sorts a[lo, hi) ascending: quicksort, insertion sort below 16 (TypedArray sort boxes each value). */
function sortRange(a: Float64Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = partitionAround(a, lo, hi - 1);
    // recurse into the smaller side, loop on the larger: stack depth stays logarithmic
    if (mid - lo < hi - mid) {
      sortRange(a, lo, mid);
      lo = mid;
    } else {
      sortRange(a, mid, hi);
      hi = mid;
    }
  }
  for (let i = lo + 1; i < hi; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * Hoare partition of a[left, right] around the median of three: returns m with every value of
 * a[left, m) at most every value of a[m, right], both sides non-empty.
 */
function partitionAround(a: Float64Array, left: number, right: number): number {
  const x = a[left]!;
  const y = a[(left + right) >>> 1]!;
  const z = a[right]!;
  const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  let i = left;
  let j = right;
  while (i <= j) {
    while (a[i]! < pivot) i++;
    while (a[j]! > pivot) j--;
    if (i <= j) {
      const t = a[i]!;
      a[i++] = a[j]!;
      a[j--] = t;
    }
  }
  return i;
}

/**
 * Rearranges a[lo, hi) so that a[k] holds the value a sort would put there, with no larger value
 * before it and no smaller one after (Hoare's selection).
 */
function selectNth(a: Float64Array, k: number, lo: number, hi: number): void {
  let left = lo;
  let right = hi - 1;
  while (right > left) {
    const mid = partitionAround(a, left, right);
    if (k < mid) right = mid - 1;
    else left = mid;
  }
}

/** A set of terms cleared in O(1) by a new stamp: reused by every call, so no per-call allocation. */
class StampedTermSet {
  private terms = new Uint32Array(0);
  private stamps = new Uint32Array(0);
  private stamp = 0;
  private mask = 0;

  /** Empties the set, sized for up to `count` terms. */
  reset(count: number): this {
    const capacity = 1 << Math.ceil(Math.log2(2 * count + 2));
    if (capacity > this.stamps.length) {
      this.terms = new Uint32Array(capacity);
      this.stamps = new Uint32Array(capacity);
      this.stamp = 0;
    } else if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
    this.mask = this.stamps.length - 1;
    return this;
  }

  /** Adds a term; false when it was already there. */
  add(term: number): boolean {
    let slot = Math.imul(term, MIX_MULTIPLIER) & this.mask;
    while (this.stamps[slot] === this.stamp) {
      if (this.terms[slot] === term) return false;
      slot = (slot + 1) & this.mask;
    }
    this.stamps[slot] = this.stamp;
    this.terms[slot] = term;
    return true;
  }
}

// Scratch shared by every call of distinctiveTerms: it is synchronous, so no two calls overlap.
const termsSeen = new StampedTermSet();
let sortKeys = new Float64Array(1024);

const MIX_MULTIPLIER = 0x9e3779b1;
const MIX_INVERSE = inverseMod32(MIX_MULTIPLIER);

/** A fixed reordering of term hashes, so ties do not follow the hash's own low values. */
function mix(term: number): number {
  return Math.imul(term ^ 0x5bd1e995, MIX_MULTIPLIER) >>> 0;
}

/** The term a mix() value came from (an odd multiplier is invertible modulo 2^32). */
function unmix(mixed: number): number {
  return (Math.imul(mixed, MIX_INVERSE) ^ 0x5bd1e995) >>> 0;
}

/** x with x * odd = 1 modulo 2^32, by Newton's iteration (each step doubles the correct low bits). */
function inverseMod32(odd: number): number {
  let x = odd;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(odd, x));
  return x;
}

/** Term hash -> rank in COMMON_WORDS: open addressing over typed arrays (a Map boxes 32-bit keys). */
class RankTable {
  private readonly terms: Uint32Array;
  private readonly ranks: Int32Array;
  private readonly mask: number;

  constructor(size: number) {
    const capacity = 1 << Math.ceil(Math.log2(size * 2 + 1));
    this.terms = new Uint32Array(capacity);
    this.ranks = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
  }

  /** Keeps the first rank given for a term. */
  add(term: number, rank: number): void {
    let slot = Math.imul(term, MIX_MULTIPLIER) & this.mask;
    while (this.ranks[slot] !== -1) {
      if (this.terms[slot] === term) return;
      slot = (slot + 1) & this.mask;
    }
    this.terms[slot] = term;
    this.ranks[slot] = rank;
  }

  /** The term's rank, or -1 when it is not a listed word. */
  get(term: number): number {
    let slot = Math.imul(term, MIX_MULTIPLIER) & this.mask;
    for (;;) {
      const rank = this.ranks[slot]!;
      if (rank === -1 || this.terms[slot] === term) return rank;
      slot = (slot + 1) & this.mask;
    }
  }
}

let rankTable: RankTable | undefined;

/** Term hash (as the tokenizer stems and hashes it) -> rank in COMMON_WORDS, the first rank for shared stems. */
function commonRanks(): RankTable {
  if (rankTable) return rankTable;
  const tokens = tokenize(COMMON_WORDS.join(' '));
  const table = new RankTable(tokens.count);
  for (let i = 0; i < tokens.count; i++) table.add(tokens.term[i]!, i);
  rankTable = table;
  return table;
}
