import { round, type ArticleWeights, type PairEvidence, type Verdict } from './evidence.js';
import type { DetectorParams } from './detector-params.js';

/** A verified candidate with its evidence. */
export interface CandidateEvidence {
  readonly key: string;
  readonly evidence: PairEvidence;
  /** Position of the candidate in indexing order: ties go to the earlier source. */
  readonly order: string;
}

/** A candidate judged to be a source of the article. */
export interface JudgedSource extends CandidateEvidence {
  readonly verdict: Exclude<Verdict, 'original'>;
  readonly score: number;
}

const RANK: Record<JudgedSource['verdict'], number> = { copy: 3, rewrite: 2, partial: 1 };

/**
 * Judges every candidate and returns the flagged ones, best first.
 * copy: nearly all word 3-grams verbatim (quotes included: a verbatim copy of a quote-heavy story is still a copy);
 * rewrite: most sentences aligned in order to that source, or its facts kept in the source's order
 * in changed wording (a restyle keeps names, numbers and their order; see fact-sequence.ts), the
 * colour a restyle adds not counted as facts (orderedBareFacts);
 * partial: the sources together explain a substantial share of the article, and this source counts
 * toward it (adds a part the others do not explain) or explains that share alone, by either of two
 * kinds of evidence: sentences aligned in order, or reused wording outside quotes (unquoted word
 * 3-grams found verbatim). The second finds stories that reuse a passage of the wire inside their
 * own reporting, which sentence alignment undercounts; shared quotes, names and numbers alone
 * qualify for neither.
 */
export function decideVerdicts(
  candidates: readonly CandidateEvidence[],
  params: Pick<
    DetectorParams,
    | 'copyContainment'
    | 'rewriteShare'
    | 'restyleFacts'
    | 'restyleBlend'
    | 'partialShare'
    | 'partialPhrasing'
    | 'minSourceShare'
  >,
  article: ArticleWeights,
  unions: UnionShares = unionShares(candidates, params.minSourceShare, article),
): JudgedSource[] {
  const judged: JudgedSource[] = [];
  for (const c of candidates) {
    const e = c.evidence;
    // a source alone explaining the union's bar is named even when a duplicate of it was counted first
    const byAlignment =
      (unions.alignedMembers.has(c.key) || e.alignedShare >= params.partialShare) &&
      unions.aligned >= params.partialShare;
    const byPhrasing =
      (unions.phrasingMembers.has(c.key) ||
        (reusesWording(e, params.minSourceShare) && e.phrasingShare >= params.partialPhrasing)) &&
      unions.phrasing >= params.partialPhrasing;
    const score = evidenceScore(e);
    if (e.trigramContainment >= params.copyContainment) judged.push({ ...c, verdict: 'copy', score });
    else if (e.alignedShare >= params.rewriteShare || restyled(e, params))
      judged.push({ ...c, verdict: 'rewrite', score });
    else if (byAlignment || byPhrasing) judged.push({ ...c, verdict: 'partial', score });
  }
  return judged.sort(
    (a, b) =>
      RANK[b.verdict] - RANK[a.verdict] || b.score - a.score || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0),
  );
}

/**
 * A restyle: the source's facts kept in its order, in wording that was changed. Either the facts
 * alone reach restyleFacts, the article's added colour not counted as facts (orderedBareFacts: a
 * sensational or emotional restyle adds adjectives, not names), or sentences aligned and all the
 * facts in order, each as a share of its own threshold, average restyleBlend (a restyle some of
 * whose sentences still align; measured with the colour counted, the bare share let same-event
 * coverage whose sentences pair by counterparts through: bench/README.md). A text reusing
 * partialPhrasing of its wording verbatim is judged by that wording instead (a story that copies
 * four wire paragraphs and adds four of its own keeps half the wire's facts in order, and is a
 * partial).
 */
function restyled(
  e: Pick<PairEvidence, 'alignedShare' | 'orderedFacts' | 'orderedBareFacts' | 'phrasingShare'>,
  params: Pick<DetectorParams, 'rewriteShare' | 'restyleFacts' | 'restyleBlend' | 'partialPhrasing'>,
): boolean {
  if (e.phrasingShare >= params.partialPhrasing) return false;
  const reworded = e.phrasingShare < VERBATIM_ALIGNED * e.alignedShare;
  return e.orderedBareFacts >= params.restyleFacts || (reworded && restyleBlendOf(e, params) >= params.restyleBlend);
}

/** Aligned share and facts in order, each as a share of its own threshold, averaged: what restyleBlend is compared with. */
export function restyleBlendOf(
  e: Pick<PairEvidence, 'alignedShare' | 'orderedFacts'>,
  params: Pick<DetectorParams, 'rewriteShare' | 'restyleFacts'>,
): number {
  return (e.alignedShare / params.rewriteShare + e.orderedFacts / params.restyleFacts) / 2;
}

/**
 * Reused wording covering this share of what aligns means the aligned sentences were pasted, not
 * reworded: a sentence copied from a short source keeps all of that source's few facts in order,
 * which is a partial, not a restyle.
 */
const VERBATIM_ALIGNED = 0.9;

/**
 * Whether a source's reused wording counts: it explains minSourceShare of the article by itself,
 * and it is on the article's story (ON_STORY_FACTS of its facts kept in order beyond chance). A
 * long text on another story shares stock phrases with any article; several of them added up
 * passed the phrasing union while each, compared alone, was original.
 */
function reusesWording(e: PairEvidence, minSourceShare: number): boolean {
  return e.phrasingShare >= minSourceShare && e.orderedFacts >= ON_STORY_FACTS;
}

/**
 * A fifth of the default restyleFacts: more than the one or two names in order that a 16,000-word
 * debate transcript shares by chance with a 400-word story on its subject (3.5% of its facts).
 */
const ON_STORY_FACTS = 0.04;

/** How much of the article the candidates explain together, by each kind of evidence, and which of them count toward it. */
export interface UnionShares {
  readonly aligned: number;
  readonly phrasing: number;
  /** Keys of the sources in each union: a source adding nothing the others do not already explain is no source of the article. */
  readonly alignedMembers: ReadonlySet<string>;
  readonly phrasingMembers: ReadonlySet<string>;
}

/** The union shares decideVerdicts compares with partialShare and partialPhrasing (calibrate computes them once per minSourceShare). */
export function unionShares(
  candidates: readonly CandidateEvidence[],
  minSourceShare: number,
  article: ArticleWeights,
): UnionShares {
  // a source adds to a union only by the measure on which it alone explains minSourceShare
  const aligning = candidates.filter((c) => c.evidence.alignedShare >= minSourceShare);
  const phrasing = candidates.filter((c) => reusesWording(c.evidence, minSourceShare));
  const aligned = alignedUnion(aligning, minSourceShare, article);
  const masks = withoutCommonWording(phrasing.map((c) => c.evidence.phrasingCover));
  const reused = greedyUnion(
    masks.map(markedWords),
    () => 1,
    article.judgedUnquotedWords,
    minSourceShare / 2,
    () => true,
  );
  return {
    aligned: aligned.share,
    phrasing: reused.share,
    alignedMembers: new Set(aligned.members.map((k) => aligning[k]!.key)),
    phrasingMembers: new Set(reused.members.map((k) => phrasing[k]!.key)),
  };
}

/**
 * The score of a match: the largest share of the article the source explains by any one kind of
 * evidence (3-grams verbatim, sentences aligned in order, reused wording outside quotes, bare facts
 * kept in order, which are never fewer than all facts kept in order). One number in [0, 1], the
 * same definition for every verdict and article, growing with the evidence.
 */
export function evidenceScore(
  e: Pick<PairEvidence, 'trigramContainment' | 'alignedShare' | 'phrasingShare' | 'orderedBareFacts'>,
): number {
  return round(Math.max(e.trigramContainment, e.alignedShare, e.phrasingShare, e.orderedBareFacts));
}

/**
 * Wording that this many of the sources reuse is common wording ("according to the", the stock
 * phrases of a beat), not evidence that the article was drawn from them: several long unrelated
 * texts each explain a little of any article by such phrases, and their union adds up. In the
 * aligned union, a sentence this many sources align is a fact every report gives (see alignedUnionShare).
 */
export const COMMON_WORDING_SOURCES = 3;

/**
 * Share of the article's words in sentences aligned by the union's sources, of the words its
 * alignedShare is taken of (its comment left out, as for a rewrite), and the sources in it. The
 * source aligning most counts whole; each other joins, the one adding most first, only when the
 * sentences it adds make up half of minSourceShare of the article, counting no sentence that
 * COMMON_WORDING_SOURCES or more of the sources align. Several outlets covering one event each
 * align the facts every report gives, which are the story, not a source; a story built from
 * several wire pieces takes a different part from each (error analysis at 50,000 real articles:
 * bench/README.md).
 */
function alignedUnion(
  aligning: readonly CandidateEvidence[],
  minSourceShare: number,
  article: ArticleWeights,
): { share: number; members: number[] } {
  const covers = aligning.map((c) => [...new Set(c.evidence.pairs.map((p) => p.a))]);
  const alignedBy = new Map<number, number>();
  for (const cover of covers) for (const i of cover) alignedBy.set(i, (alignedBy.get(i) ?? 0) + 1);
  return greedyUnion(
    covers,
    (i) => article.sentenceWeights[i] ?? 0,
    article.judgedWords,
    minSourceShare / 2,
    (i) => alignedBy.get(i)! < COMMON_WORDING_SOURCES,
  );
}

/**
 * The share of `total` that the covers (lists of distinct items, each of weight `weight`) explain
 * together, and which covers are in it: the largest counts whole, then the one adding most, as
 * long as what it adds (items passing `adds` and not yet covered) reaches `minAdded` of total.
 */
function greedyUnion(
  covers: readonly (readonly number[])[],
  weight: (item: number) => number,
  total: number,
  minAdded: number,
  adds: (item: number) => boolean,
): { share: number; members: number[] } {
  if (covers.length === 0 || total <= 0) return { share: 0, members: [] };
  const share = (items: readonly number[]): number => Math.min(1, items.reduce((w, i) => w + weight(i), 0) / total);
  const shares = covers.map(share);
  const first = shares.indexOf(Math.max(...shares));
  const covered = new Set(covers[first]);
  const members = [first];
  for (;;) {
    let best = -1;
    let bestItems: number[] = [];
    let bestShare = 0;
    for (const [k, cover] of covers.entries()) {
      if (members.includes(k)) continue;
      const added = cover.filter((i) => !covered.has(i) && adds(i));
      const s = share(added);
      if (s > bestShare) [best, bestItems, bestShare] = [k, added, s];
    }
    if (best < 0 || bestShare < minAdded) return { share: share([...covered]), members };
    for (const i of bestItems) covered.add(i);
    members.push(best);
  }
}

/** Positions of the words a mask marks. */
function markedWords(mask: Uint8Array): number[] {
  const words: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1) words.push(i);
  return words;
}

/** The masks with every word that COMMON_WORDING_SOURCES or more of them cover cleared. */
function withoutCommonWording(masks: readonly Uint8Array[]): Uint8Array[] {
  if (masks.length < COMMON_WORDING_SOURCES) return [...masks];
  const n = masks[0]!.length;
  const counts = new Uint8Array(n);
  for (const m of masks) for (let i = 0; i < n; i++) counts[i] = Math.min(255, counts[i]! + m[i]!);
  return masks.map((m) => m.map((v, i) => (counts[i]! >= COMMON_WORDING_SOURCES ? 0 : v)));
}
