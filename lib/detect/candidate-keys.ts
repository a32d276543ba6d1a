import { NUMBER, STOP, tokenize, type Tokens } from '../text/tokenize.js';
import { COMMON_WORDS } from './common-words.js';
import type { DetectorParams } from './detector-params.js';
import type { SketchedText } from './sketch-text.js';

/** What choosing an article's index and query keys needs. */
export type CandidateKeyParams = Pick<DetectorParams, 'commonWords' | 'maxIndexKeys' | 'maxQueryKeys' | 'passageWords'>;

/**
 * A long article's opening (its first LEAD_PASSAGES x passageWords words) picks LEAD_KEY_SHARE of
 * its index keys before its segments take turns: news puts the story's facts first, and a rewrite
 * or summary of a long piece draws on its opening most (LLM restyles of 2,900-17,000-word sources
 * align with their first tenth, and ranked the source outside the verified 50 when its keys were
 * spread evenly: bench/README.md, "Keys from a long article's opening").
 */
export const LEAD_PASSAGES = 4;
export const LEAD_KEY_SHARE = 1 / 3;

/**
 * Keys an article is indexed under: its most distinctive terms (see distinctiveTerms), at most
 * maxIndexKeys whatever its length. A long article is cut into up to maxIndexKeys / 8 equal
 * segments that take turns, so a short story drawn from any part of it shares some keys, after
 * its opening has taken its share (LEAD_KEY_SHARE).
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
  if (segments > 1) {
    const leadEnd = Math.min(tokens.count, LEAD_PASSAGES * params.passageWords);
    const leadKeys = Math.floor(LEAD_KEY_SHARE * params.maxIndexKeys);
    for (const t of distinctiveTerms(tokens, 0, leadEnd, leadKeys, params.commonWords)) chosen.add(t);
  }
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
 * do numbers of one or two digits. Among terms of one rank, those the text uses more than once
 * come first: a rewrite keeps the names and subjects a passage repeats and rewords a word it uses
 * once (a short rewrite of part of a long transcript shared 0-6 of its keys when ties went by
 * hash alone, 3-17 this way). Then ties go by hash, a fixed order, so two texts sharing their rare
 * terms pick the same ones.
 */
export function distinctiveTerms(
  tokens: Tokens,
  from: number,
  to: number,
  limit: number,
  commonWords: number,
): number[] {
  const ranks = commonRanks();
  // Each occurrence is one float, its term's rank above its tie-break (mix): a term always gives the
  // same float, so after a numeric sort repeats sit side by side (a comparator sort over
  // [term, rank] pairs was most of the sketch path's time).
  if (sortKeys.length < to - from) sortKeys = new Float64Array(Math.max(to - from, 2 * sortKeys.length));
  const keys = sortKeys;
  let n = 0;
  for (let i = from; i < to; i++) {
    const f = tokens.flags[i]!;
    if ((f & STOP) !== 0) continue;
    if ((f & NUMBER) !== 0 && tokens.end[i]! - tokens.start[i]! <= 2) continue;
    const term = tokens.term[i]!;
    const rank = ranks.get(term);
    if (rank >= 0 && rank < commonWords) continue;
    keys[n++] = (rank < 0 ? COMMON_WORDS.length : rank) * 2 ** 32 + (0xffffffff - mix(term));
  }
  keys.subarray(0, n).sort();
  const out: number[] = [];
  // rank by rank from the rarest; within one, two passes over its sorted run of occurrences
  for (let top = n - 1; top >= 0 && out.length < limit;) {
    const rank = Math.floor(keys[top]! / 2 ** 32);
    let bottom = top;
    while (bottom > 0 && Math.floor(keys[bottom - 1]! / 2 ** 32) === rank) bottom--;
    for (let pass = 0; pass < 2; pass++) {
      for (let k = top; k >= bottom && out.length < limit;) {
        let first = k; // repeats of a term sit side by side
        while (first > bottom && keys[first - 1] === keys[k]) first--;
        if (first < k === (pass === 0)) out.push(termOf(keys[k]!));
        k = first - 1;
      }
    }
    top = bottom - 1;
  }
  return out;
}

/** The term of a sort key built in distinctiveTerms. */
function termOf(key: number): number {
  return unmix(0xffffffff - (key - Math.floor(key / 2 ** 32) * 2 ** 32));
}

// Scratch shared by every call of distinctiveTerms: it is synchronous, so no two calls overlap.
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
