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
  const keys = new Set<string>();
  for (let rank = 0; keys.size < params.maxIndexKeys && picks.some((p) => rank < p.length); rank++) {
    for (const p of picks) if (rank < p.length && keys.size < params.maxIndexKeys) keys.add(termKey(p[rank]!));
  }
  return [...keys];
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

/** Index key of one term: "t-" and its hash in hex (the shape "<tier>-<hex>" the S3 index shards by). */
export function termKey(term: number): string {
  return `t-${(term >>> 0).toString(16).padStart(8, '0')}`;
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
  const best = new Map<number, number>();
  for (let i = from; i < to; i++) {
    const f = tokens.flags[i]!;
    if ((f & STOP) !== 0) continue;
    if ((f & NUMBER) !== 0 && tokens.end[i]! - tokens.start[i]! <= 2) continue;
    const term = tokens.term[i]!;
    const rank = ranks.get(term);
    if (rank !== undefined && rank < commonWords) continue;
    best.set(term, rank ?? COMMON_WORDS.length);
  }
  const order = [...best].sort((a, b) => b[1] - a[1] || mix(a[0]) - mix(b[0]));
  return order.slice(0, limit).map(([term]) => term);
}

/** A fixed reordering of term hashes, so ties do not follow the hash's own low values. */
function mix(term: number): number {
  return Math.imul(term ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
}

let rankTable: Map<number, number> | undefined;

/** Term hash (as the tokenizer stems and hashes it) -> rank in COMMON_WORDS, the first rank for shared stems. */
function commonRanks(): Map<number, number> {
  if (rankTable) return rankTable;
  const table = new Map<number, number>();
  const tokens = tokenize(COMMON_WORDS.join(' '));
  for (let i = 0; i < tokens.count; i++) if (!table.has(tokens.term[i]!)) table.set(tokens.term[i]!, i);
  rankTable = table;
  return table;
}
