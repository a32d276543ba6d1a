import { detectEndMarker, detectWrapWidth, endsSentence, splitParagraphs, type Paragraph } from './paragraphs.js';
import { proseCountsOf, type ProseCounts } from './prose-counts.js';
import { isReaderServiceNotice } from './reader-service.js';

/** Why a paragraph was judged boilerplate rather than story text. */
export type BoilerplateReason =
  'no-prose' | 'fragment' | 'link-list' | 'duplicate' | 'headline-list' | 'reader-service';

/** Story text with boilerplate removed; paragraphs are separated by "\n\n" and offsets index `text`. */
export interface CleanText {
  text: string;
  paragraphs: ReadonlyArray<{ start: number; end: number }>;
  removed: ReadonlyArray<{ text: string; reason: BoilerplateReason }>;
}

/** Paragraphs of at most this many words must end like a sentence to count as story text. */
const FRAGMENT_MAX_WORDS = 12;
/** Prose is mostly letters; numbers, codes and rules are not. */
const MIN_LETTER_SHARE = 0.4;
/** At least this share of words carry a lowercase letter in prose (not ALL-CAPS, codes or times). */
const MIN_LOWERCASE_WORD_SHARE = 1 / 3;

/**
 * Removes boilerplate from article text with structural tests in the spirit of jusText:
 * paragraphs that are not prose, short fragments that are not sentences, link lists and repeats.
 * Linear in the input and never throws.
 */
export function cleanText(raw: string): CleanText {
  // a plain split is several times faster than the regex, which only matters when there is a \r
  const lines = raw.includes('\r') ? raw.split(/\r\n|\r|\n/) : raw.split('\n');
  const marker = detectEndMarker(lines);
  const wrap = detectWrapWidth(lines);
  const split = splitParagraphs(raw, lines, marker, wrap);
  const blocks = split.some(longNonProse) ? split.flatMap((b) => (longNonProse(b) ? sentenceRuns(b) : [b])) : split;

  const kept: string[] = [];
  const removed: { text: string; reason: BoilerplateReason }[] = [];
  const seen = new Map<number, string | Set<string>>();
  const listed = headlineLists(blocks);
  for (const [i, { text: paragraph, counts }] of blocks.entries()) {
    let reason = classify(paragraph, counts) ?? (listed[i] ? 'headline-list' : undefined);
    const repeated = seenBefore(seen, paragraph);
    if (reason === undefined && repeated) reason = 'duplicate';
    if (reason === undefined) kept.push(paragraph);
    else removed.push({ text: paragraph, reason });
  }

  const paragraphs: { start: number; end: number }[] = [];
  let offset = 0;
  for (const p of kept) {
    paragraphs.push({ start: offset, end: offset + p.length });
    offset += p.length + 2;
  }
  return { text: kept.join('\n\n'), paragraphs, removed };
}

/**
 * Records a paragraph in `seen` and tells whether an equal one was recorded before. Paragraphs are
 * kept by length, a Set only for lengths that repeat: most lengths occur once, and one comparison
 * is cheaper than hashing every paragraph.
 */
function seenBefore(seen: Map<number, string | Set<string>>, p: string): boolean {
  const prior = seen.get(p.length);
  if (prior === undefined) {
    seen.set(p.length, p);
    return false;
  }
  if (typeof prior === 'string') {
    if (prior === p) return true;
    seen.set(p.length, new Set([prior, p]));
    return false;
  }
  if (prior.has(p)) return true;
  prior.add(p);
  return false;
}

/** A block longer than this is no paragraph but a file without line breaks (a transcript, a page's text on one line). */
const LONG_BLOCK_WORDS = 250;
/** Sentence runs a long block is judged by: about a paragraph each. */
const RUN_WORDS = 60;
/** A run without a sentence end is cut here (a table on one line). */
const MAX_RUN_WORDS = 250;

/**
 * A long block that is not prose as a whole is judged again by runs of whole sentences: one
 * line holding a story and then a table, or an all-caps court opinion, keeps its story instead
 * of losing every word. A block that passes as a whole stays one paragraph.
 */
function longNonProse(block: Paragraph): boolean {
  return block.counts.words > LONG_BLOCK_WORDS && classify(block.text, block.counts) === 'no-prose';
}

/** A long block cut into runs of whole sentences of about RUN_WORDS words, each with its counts. */
function sentenceRuns(block: Paragraph): Paragraph[] {
  const words = block.text.split(' ');
  const runs: Paragraph[] = [];
  let start = 0;
  for (let i = 0; i < words.length; i++) {
    const n = i + 1 - start;
    if (i === words.length - 1 || (n >= RUN_WORDS && endsSentence(words[i]!)) || n >= MAX_RUN_WORDS) {
      const text = words.slice(start, i + 1).join(' ');
      runs.push({ text, counts: proseCountsOf(text) });
      start = i + 1;
    }
  }
  return runs;
}

/** Classifies one normalised paragraph from its counts; undefined when it looks like story prose. */
function classify(
  p: string,
  { words, lowercaseWords, linkWords, letters }: ProseCounts,
): BoilerplateReason | undefined {
  if (linkWords * 2 > words) return 'link-list';
  const visible = p.length - (words - 1);
  if (lowercaseWords < 2 || letters < MIN_LETTER_SHARE * visible || lowercaseWords < MIN_LOWERCASE_WORD_SHARE * words) {
    return 'no-prose';
  }
  if (words <= FRAGMENT_MAX_WORDS && !endsSentence(p) && !introducesList(p, words)) return 'fragment';
  if (isReaderServiceNotice(p, words)) return 'reader-service';
  return undefined;
}

/** Lines in a row that do not end like a sentence and make a list of headlines ("Most read"). */
const HEADLINE_RUN = 3;
/** A headline is at most this long; a longer unfinished line is a story's own. */
const HEADLINE_MAX_WORDS = 25;
/** An item of the text's own bulleted or numbered list ("* Inbound links - ...", "3. Compute ..."). */
const LIST_ITEM = /^(?:[*\u2022\u2013-]|\d{1,2}[.)])\s/;

/**
 * Which blocks belong to a list of headlines: HEADLINE_RUN or more blocks in a row of at most
 * HEADLINE_MAX_WORDS words that do not end like a sentence and are not marked list items (short
 * ones are fragments already; this finds the long headlines of "Most read" and "More on this"
 * lists, and "Story highlights"). Only beside a story at least half as long as the list: a text
 * whose lines mostly do not end like sentences (a transcript without punctuation) keeps them.
 */
function headlineLists(blocks: readonly Paragraph[]): boolean[] {
  const listed = blocks.map(() => false);
  const unfinished = blocks.map(
    (b) =>
      b.counts.words <= HEADLINE_MAX_WORDS &&
      !endsSentence(b.text) &&
      !introducesList(b.text, b.counts.words) &&
      !LIST_ITEM.test(b.text),
  );
  let storyWords = 0;
  for (const [i, b] of blocks.entries()) if (!unfinished[i]) storyWords += b.counts.words;
  for (let i = 0; i < blocks.length;) {
    let j = i;
    let words = 0;
    while (j < blocks.length && unfinished[j]) words += blocks[j++]!.counts.words;
    if (j - i >= HEADLINE_RUN && words <= 2 * storyWords) for (let k = i; k < j; k++) listed[k] = true;
    i = Math.max(j, i + 1);
  }
  return listed;
}

/** "The allegations include:" or a list item ending in ';' is prose; a bare "Share:" is not. */
function introducesList(p: string, wordCount: number): boolean {
  return wordCount >= 3 && (p.endsWith(':') || p.endsWith(';'));
}
