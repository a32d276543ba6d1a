import { ConfigError } from '../errors.js';

/** Every tunable of detection. One default set serves all corpora; see README "Configuration". */
export interface DetectorParams {
  /** MinHash slots per signature. */
  readonly numPerm: number;
  /** Seed of the MinHash hash family; sketches with different seeds never compare. */
  readonly seed: number;
  /** A long indexed article takes its keys from segments of at least this many words in turn (0: whole article only). */
  readonly passageWords: number;
  /** Candidate search ignores the this-many most frequent English words (lib/detect/common-words.ts). */
  readonly commonWords: number;
  /** Most index entries per article, whatever its length: its most distinctive terms. */
  readonly maxIndexKeys: number;
  /** Most index keys read per checked article. */
  readonly maxQueryKeys: number;
  /** A key holding more articles than this is skipped as too common, unread past it (see bandLimits in rank-candidates.ts). */
  readonly maxBandIds: number;
  /** A shared key's weight is ln(reference / its articles), reference this share of the index once that is more than maxBandIds. */
  readonly maxBandShare: number;
  /** Candidates need this score: a shared key holding n articles adds ln(reference / n), reference the larger of maxBandIds and maxBandShare of the index. */
  readonly minCandidateScore: number;
  /** And this share of the best candidate's score: a source stands out from the articles that merely share its topic (0: off). */
  readonly minShareOfBestCandidate: number;
  /** Most candidates verified per article, highest candidate score first. */
  readonly maxCandidates: number;
  /** A sentence pair aligns when its score reaches this. */
  readonly minSentenceScore: number;
  /** Fewer shared content words than this never align two sentences. */
  readonly minSharedWords: number;
  /** Weight of a quoted word in aligned shares (1 = like any word): quotes are shared by independent coverage. */
  readonly quoteWeight: number;
  /** Share of the article aligned to one source, in order, for `rewrite`. */
  readonly rewriteShare: number;
  /** Or: share of the facts kept in the source's order beyond chance (PairEvidence.orderedFacts) for `rewrite`: a restyle that changed most words. */
  readonly restyleFacts: number;
  /** Or: alignedShare / rewriteShare and orderedFacts / restyleFacts averaging this, for `rewrite`: a restyle some of whose sentences still align. */
  readonly restyleBlend: number;
  /** Share of the article covered by aligned sources for `partial`. */
  readonly partialShare: number;
  /** Or: share of the article's words outside quotes that the sources' reused wording (unquoted word 3-grams found verbatim) covers, for `partial`. */
  readonly partialPhrasing: number;
  /** A source must cover at least this share of the article to be named in a partial. */
  readonly minSourceShare: number;
  /** Word 3-gram containment of the article in the source for `copy` (near-verbatim). */
  readonly copyContainment: number;
  /** Articles with fewer words are rejected as too short to judge. */
  readonly minWords: number;
  /** Articles larger than this many bytes are rejected without being read whole. */
  readonly maxBytes: number;
}

/** The defaults; `rewriteShare`, `partialShare` and `copyContainment` read as "most", "a substantial part", "nearly all". */
export const DEFAULT_DETECTOR_PARAMS: DetectorParams = Object.freeze({
  numPerm: 128,
  seed: 1,
  passageWords: 150,
  commonWords: 2000,
  maxIndexKeys: 96,
  maxQueryKeys: 96,
  maxBandIds: 1000,
  maxBandShare: 0.05,
  minCandidateScore: 6,
  minShareOfBestCandidate: 0.3,
  maxCandidates: 50,
  minSentenceScore: 0.35,
  minSharedWords: 3,
  quoteWeight: 0.5,
  rewriteShare: 0.5,
  restyleFacts: 0.2,
  restyleBlend: 0.675,
  partialShare: 0.3,
  partialPhrasing: 0.3,
  minSourceShare: 0.1,
  copyContainment: 0.8,
  minWords: 20,
  maxBytes: 5 * 1024 * 1024,
});

/** Defaults overridden by `overrides`, validated. */
export function detectorParams(overrides: Partial<DetectorParams> = {}): DetectorParams {
  const params: DetectorParams = { ...DEFAULT_DETECTOR_PARAMS, ...overrides };
  expectInt('numPerm', params.numPerm, 8, 4096);
  expectInt('maxCandidates', params.maxCandidates, 1, 10000);
  expectInt('passageWords', params.passageWords, 0, 100000);
  expectInt('commonWords', params.commonWords, 0, 10000);
  expectInt('maxIndexKeys', params.maxIndexKeys, 1, 1000);
  expectInt('maxQueryKeys', params.maxQueryKeys, 1, 1000);
  expectInt('maxBandIds', params.maxBandIds, 2, 100000);
  if (!(params.minCandidateScore >= 0))
    throw new ConfigError(`minCandidateScore must be a number >= 0, got ${params.minCandidateScore}`);
  if (!(params.minShareOfBestCandidate >= 0 && params.minShareOfBestCandidate < 1))
    throw new ConfigError(`minShareOfBestCandidate must be a number in [0, 1), got ${params.minShareOfBestCandidate}`);
  expectInt('minSharedWords', params.minSharedWords, 1, 100);
  expectInt('minWords', params.minWords, 1, 100000);
  expectInt('maxBytes', params.maxBytes, 1, 1 << 30);
  if (!(params.quoteWeight >= 0 && params.quoteWeight <= 1))
    throw new ConfigError(`quoteWeight must be a number in [0, 1], got ${params.quoteWeight}`);
  for (const k of [
    'maxBandShare',
    'minSentenceScore',
    'rewriteShare',
    'restyleFacts',
    'restyleBlend',
    'partialShare',
    'partialPhrasing',
    'minSourceShare',
    'copyContainment',
  ] as const) {
    const v = params[k];
    if (!(v > 0 && v < 1)) throw new ConfigError(`${k} must be a number in (0, 1), got ${v}`);
  }
  return Object.freeze(params);
}

function expectInt(name: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max)
    throw new ConfigError(`${name} must be an integer in ${min}..${max}, got ${v}`);
}
