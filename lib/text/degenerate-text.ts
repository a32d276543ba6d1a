import type { Tokens } from './tokenize.js';

/**
 * Why a text is degenerate (a few words repeated over and over), or null when it is not. A text
 * is degenerate when it has fewer distinct words than the square root of its word count. Real
 * text grows its vocabulary about as fast as that root or faster (Heaps' law, V ~ K N^b with b
 * near 0.5 and K well above 1): over all 61,632 texts of shared/corpora, tokenized as detection
 * does, the lowest distinct-words / sqrt(words) was 1.8, a table of poll figures; ordinary
 * articles are above 4, and short ones far above (20 words need 5 distinct). One word repeated
 * 500,000 times scores 0.001. Reading stops as soon as enough distinct words are seen, so a real
 * article costs a few hundred lookups and a degenerate one one pass over its terms.
 */
export function degenerateTextProblem(tokens: Pick<Tokens, 'count' | 'term'>): string | null {
  const needed = Math.ceil(Math.sqrt(tokens.count));
  const seen = new Set<number>();
  for (let i = 0; i < tokens.count && seen.size < needed; i++) seen.add(tokens.term[i]!);
  if (seen.size >= needed) return null;
  return `${tokens.count} words but only ${seen.size} distinct: a text needs at least the square root of its word count (${needed}) to be judged`;
}
