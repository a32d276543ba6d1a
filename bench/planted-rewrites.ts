import { makeVocabulary, mulberry32, syntheticArticles } from './synthetic-articles.js';

/** How hard a planted rewrite hides its source. */
export type RewriteKind = 'copy' | 'light' | 'heavy';

/** Strength of each kind: share of content words swapped for a fixed "synonym", of sentences with clauses reordered, of sentences dropped. */
export const REWRITE_STRENGTH: Readonly<Record<RewriteKind, { swap: number; reorder: number; drop: number }>> =
  Object.freeze({
    copy: { swap: 0, reorder: 0, drop: 0 },
    light: { swap: 0.2, reorder: 0.2, drop: 0.05 },
    heavy: { swap: 0.35, reorder: 0.5, drop: 0.2 },
  });

/**
 * A seeded "spinner" like a content farm's: every content word has one fixed synonym (another
 * made-up word), swapped in at the kind's rate; clauses split at a comma change places; some
 * sentences are dropped. Names, numbers, order and most wording survive, as in real spun copy.
 */
export function spin(text: string, kind: RewriteKind, seed: number): string {
  const strength = REWRITE_STRENGTH[kind];
  const random = mulberry32(seed);
  const paragraphs = text.split('\n\n').map((paragraph) => {
    const sentences = paragraph.match(/[^.?!]+[.?!]"?/g) ?? [paragraph];
    const kept = sentences.filter((_, i) => i === 0 || random() >= strength.drop);
    return kept
      .map((sentence) => {
        let s = sentence.trim();
        const comma = s.indexOf(', ');
        if (comma > 0 && random() < strength.reorder) {
          const end = s.slice(-1);
          s = `${capitalise(s.slice(comma + 2, -1))}, ${s.slice(0, comma).toLowerCase()}${end}`;
        }
        return s.replace(/[a-z]{4,}/g, (w) => (random() < strength.swap ? synonymOf(w) : w));
      })
      .join(' ');
  });
  return paragraphs.join('\n\n');
}

/** A fixed, deterministic stand-in synonym: the same word always becomes the same other word. */
function synonymOf(word: string): string {
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return SYNONYMS[(h >>> 0) % SYNONYMS.length]!;
}

const SYNONYMS = makeVocabulary(3000, mulberry32(424242)).filter((w) => w.length >= 5);

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One planted pair or unrelated article of a corpus. */
export interface PlantedArticle {
  readonly name: string;
  readonly text: string;
  /** The name of the article it was spun from, for planted rewrites. */
  readonly sourceOf?: { readonly name: string; readonly kind: RewriteKind };
}

/**
 * `pairs` originals each followed by a rewrite of the given kinds (cycling), then `unrelated`
 * originals; every article `words` long, all from one seed.
 */
export function plantedCorpus(options: {
  pairs: number;
  unrelated: number;
  words: number;
  seed: number;
  kinds?: readonly RewriteKind[];
}): PlantedArticle[] {
  const kinds = options.kinds ?? ['copy', 'light', 'heavy'];
  const originals = syntheticArticles({
    articles: options.pairs + options.unrelated,
    wordsPerArticle: options.words,
    vocabularySize: 20000,
    seed: options.seed,
  });
  const out: PlantedArticle[] = [];
  originals.forEach((text, i) => {
    const name = `story-${String(i).padStart(5, '0')}`;
    out.push({ name, text });
    if (i < options.pairs) {
      const kind = kinds[i % kinds.length]!;
      out.push({ name: `${name}-${kind}`, text: spin(text, kind, options.seed + i), sourceOf: { name, kind } });
    }
  });
  return out;
}
