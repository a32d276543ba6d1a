import { spin, type RewriteKind } from './planted-rewrites.js';
import { syntheticArticleStream } from './synthetic-articles.js';

/** One article of the load test, in upload order. */
export interface LoadArticle {
  /** 0-based upload position; the event time and indexing order follow it. */
  readonly position: number;
  readonly name: string;
  readonly text: string;
  /** `source`: an original a later article is spun from; `rewrite`: that spin; `unrelated`: an original nothing derives from. */
  readonly role: 'source' | 'rewrite' | 'unrelated';
  /** For a rewrite: its source's name and the spinner's strength. */
  readonly sourceOf?: { readonly name: string; readonly kind: RewriteKind };
}

/** Shape of a load corpus; all of it follows from these and the seed. */
export interface LoadCorpusOptions {
  readonly articles: number;
  readonly words: number;
  readonly seed: number;
  /** Every `sourceEvery`-th position starts a planted pair (default 10: ~10% sources, ~10% rewrites, ~80% unrelated). */
  readonly sourceEvery?: number;
  /** Most positions between a source and its rewrite (default articles / 20, between 16 and 1,000). */
  readonly maxGap?: number;
  readonly kinds?: readonly RewriteKind[];
}

/**
 * A stream of `articles` synthetic articles (bench/synthetic-articles.ts, one vocabulary) in
 * upload order. Every `sourceEvery`-th position holds a source whose rewrite (bench/planted-
 * rewrites.ts `spin`: synonym swaps, clause reorders, dropped sentences, at the strength of
 * copy / light / heavy in turn) comes between maxGap / 2 and maxGap positions later; the rest
 * are unrelated originals. Sources are only started where their rewrite still fits, so every
 * planted pair is complete. Only the sources awaiting their rewrite are held in memory.
 */
export function* loadCorpus(options: LoadCorpusOptions): Generator<LoadArticle, void, undefined> {
  const sourceEvery = options.sourceEvery ?? 10;
  const maxGap = options.maxGap ?? Math.min(1000, Math.max(16, Math.round(options.articles / 20)));
  const minGap = Math.max(1, Math.floor(maxGap / 2));
  const kinds = options.kinds ?? ['copy', 'light', 'heavy'];
  if (!Number.isInteger(options.articles) || options.articles < 1)
    throw new RangeError(`articles must be a positive integer, got ${options.articles}`);
  if (!(sourceEvery >= 2)) throw new RangeError(`sourceEvery must be at least 2, got ${sourceEvery}`);
  const originals = syntheticArticleStream({
    articles: Number.POSITIVE_INFINITY,
    wordsPerArticle: options.words,
    vocabularySize: 20000,
    seed: options.seed,
  });
  const original = (): string => originals.next().value as string;
  // rewrites waiting for their position, in the order they fall due
  const pending: Array<{ due: number; name: string; text: string; kind: RewriteKind; pair: number }> = [];
  let pairs = 0;
  let unrelated = 0;
  for (let position = 0; position < options.articles; position++) {
    const next = pending[0];
    // near the end, rewrites still waiting take the last positions, so every pair is complete
    if (next && (next.due <= position || options.articles - position <= pending.length)) {
      pending.shift();
      yield {
        position,
        name: `${next.name}-${next.kind}`,
        text: spin(next.text, next.kind, options.seed + next.pair),
        role: 'rewrite',
        sourceOf: { name: next.name, kind: next.kind },
      };
      continue;
    }
    // a deterministic spread of gaps, so some rewrites come soon after their source and some late
    const gap = minGap + ((pairs * 7919) % (maxGap - minGap + 1));
    if (position % sourceEvery === 0 && position + gap + pending.length + 1 < options.articles) {
      const name = `source-${String(pairs).padStart(6, '0')}`;
      const text = original();
      const kind = kinds[pairs % kinds.length]!;
      insertByDue(pending, { due: position + gap, name, text, kind, pair: pairs });
      pairs++;
      yield { position, name, text, role: 'source' };
      continue;
    }
    yield { position, name: `other-${String(unrelated++).padStart(6, '0')}`, text: original(), role: 'unrelated' };
  }
}

function insertByDue<T extends { due: number }>(queue: T[], item: T): void {
  let i = queue.length;
  while (i > 0 && queue[i - 1]!.due > item.due) i--;
  queue.splice(i, 0, item);
}
