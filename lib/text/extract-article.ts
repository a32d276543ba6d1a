import { detectWrapWidth } from './paragraphs.js';
import { ArticleRejectedError } from '../errors';
import { decodeText } from './decode-text';
import { htmlToText } from './html-to-text';
import { htmlPublishedTime, isoTime } from './published-time';

/** File formats an article can arrive in. */
export type ArticleFormat = 'txt' | 'md' | 'html' | 'json';

/** An article's text and metadata as read from one file. */
export interface ExtractedArticle {
  format: ArticleFormat;
  title: string;
  text: string;
  url?: string;
  /** When the article was first published, as the file declares it (ISO 8601 UTC); absent when not given. */
  publishedAt?: string;
}

/** Accepted file extensions, lower case with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze([
  '.txt',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.json',
]);

const FORMAT_BY_EXTENSION: ReadonlyMap<string, ArticleFormat> = new Map<string, ArticleFormat>([
  ['.txt', 'txt'],
  ['.md', 'md'],
  ['.markdown', 'md'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.json', 'json'],
]);

/** Longest title kept, in characters. */
const MAX_TITLE = 200;

const HAS_LETTER = /\p{L}/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A '<' that opens a tag, end tag, comment or doctype rather than a comparison. */
const LOOKS_LIKE_TAG = /<[A-Za-z/!]/;

/** The format of a file by its extension (case-insensitive), or undefined when unsupported. */
export function formatOf(name: string): ArticleFormat | undefined {
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  const dot = name.lastIndexOf('.');
  if (dot <= slash) return undefined;
  return FORMAT_BY_EXTENSION.get(name.slice(dot).toLowerCase());
}

/** Reads one uploaded file into title, text and metadata, or throws ArticleRejectedError. */
export function extractArticle(name: string, bytes: Uint8Array, maxBytes: number): ExtractedArticle {
  const format = formatOf(name);
  if (format === undefined) {
    throw new ArticleRejectedError(
      'unsupported-type',
      `Unsupported file type for "${name}"; supported: ${SUPPORTED_EXTENSIONS.join(', ')}.`,
    );
  }
  const raw = decodeText(bytes, maxBytes);
  const article = extractFrom(format, raw);
  if (!HAS_LETTER_OR_DIGIT.test(article.text)) {
    throw new ArticleRejectedError('empty', `"${name}" holds only whitespace or punctuation, no text.`);
  }
  return article;
}

function extractFrom(format: ArticleFormat, raw: string): ExtractedArticle {
  switch (format) {
    case 'txt':
      return { format, title: headlineBeforeStory(raw) ?? firstLine(raw), text: raw };
    case 'md':
      return markdownArticle(raw);
    case 'html': {
      const { title, text } = htmlToText(raw);
      if (!HAS_LETTER.test(text)) throw new ArticleRejectedError('no-body', 'The HTML page has no body text.');
      const publishedAt = htmlPublishedTime(raw);
      return { format, title: clip(title), text, ...(publishedAt !== undefined ? { publishedAt } : {}) };
    }
    case 'json':
      return jsonArticle(raw);
  }
}

/** A line this long that ends like a sentence starts the story of a page copied as text. */
const STORY_LINE_WORDS = 15;
/** Lines read for the story's start: a page's navigation comes first, but not for pages on end. */
const HEAD_LINES = 200;
/** A headline found above the story has this many words: menu items and site names have fewer. */
const MIN_HEADLINE_WORDS = 5;

/**
 * The headline of a page copied as text: the last headline-like line (MIN_HEADLINE_WORDS words or
 * more, not ending like a sentence, see looksLikeHeadline) above the first long sentence line of
 * the story. A browser copy starts with navigation ("Skip to content", the site's name, menu
 * items), a video teaser and a breaking-news ticker before the headline; the headline sits just
 * above the standfirst, byline and story. Undefined when there is no such line, or the text is
 * hard-wrapped.
 */
function headlineBeforeStory(text: string): string | undefined {
  let candidate: string | undefined;
  const lines = text.split('\n', HEAD_LINES);
  // hard-wrapped copy (wire text) has no line per paragraph: its lines are not headlines
  if (detectWrapWidth(lines) !== undefined) return undefined;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    const words = line === '' ? 0 : line.split(/\s+/).length;
    const sentence = /[.!?]["'\u201d\u2019)]*$/u.test(line);
    if (sentence && words >= STORY_LINE_WORDS) return candidate === undefined ? undefined : clip(candidate);
    if (!sentence && words >= MIN_HEADLINE_WORDS && looksLikeHeadline(line, lines[i + 1]?.trim() ?? ''))
      candidate = line;
  }
  return undefined;
}

/**
 * A headline starts with a capital or a digit, is mostly letters (not a formula or a code), is no
 * "By ..." byline, no menu (isMenuLine), and is not a sentence broken across lines (the next line
 * going on in lowercase).
 */
function looksLikeHeadline(line: string, next: string): boolean {
  if (!/^[\p{Lu}\p{N}"'\u201c\u2018]/u.test(line) || /^by\s/i.test(line) || /^\p{Ll}/u.test(next)) return false;
  if (isMenuLine(line)) return false;
  const visible = line.replace(/\s+/g, '');
  return visible.replace(/\P{L}+/gu, '').length >= 0.6 * visible.length;
}

/**
 * First line that reads as a headline, trimmed: three words or more, not ending like a sentence.
 * Pages copied as text start with button labels ("close", "Video") and teaser sentences; a file
 * without such a line gets its first line holding a letter or digit (a rule of dashes is no title).
 */
function firstLine(text: string): string {
  let fallback = '';
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (!HAS_LETTER_OR_DIGIT.test(line)) continue;
    if (line.split(/\s+/).length >= 3 && !/[.!?]["'\u201d\u2019)]*$/u.test(line) && !isMenuLine(line))
      return clip(line);
    if (fallback === '') fallback = line;
  }
  return clip(fallback);
}

/** Items a line of navigation has at least: "Home | News | Sports"; a headline has one " | Site" at most. */
const MIN_MENU_ITEMS = 3;

/** Words an item of a menu has at most ("Local News", "E-Edition", "Things to Do"). */
const MAX_MENU_ITEM_WORDS = 3;

/** A line of menu items between separators, as a page's navigation bar copies as text. */
function isMenuLine(line: string): boolean {
  const items = line.split(/\s[|\u2022\u00b7\u203a\u00bb]\s/u).map((item) => item.trim());
  return items.length >= MIN_MENU_ITEMS && items.every((item) => item.split(/\s+/).length <= MAX_MENU_ITEM_WORDS);
}

/** A title over MAX_TITLE characters, cut after its last whole word that fits and marked with an ellipsis. */
function clip(title: string): string {
  if (title.length <= MAX_TITLE) return title;
  const head = title.slice(0, MAX_TITLE); // the ellipsis takes the place of the space or letter cut
  const space = head.lastIndexOf(' ');
  return `${(space > MAX_TITLE / 2 ? head.slice(0, space) : head.slice(0, MAX_TITLE - 1)).trimEnd()}\u2026`;
}

/** Reads `{ title?, body | text | content, url?, publishedAt | datePublished? }`; an HTML body's metadata may give the time. */
function jsonArticle(raw: string): ExtractedArticle {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (cause) {
    throw new ArticleRejectedError('malformed-json', `The file is not valid JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ArticleRejectedError(
      'malformed-json',
      `Expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}.`,
    );
  }
  const record = value as Record<string, unknown>;
  const rawTitle = record['title'];
  if (rawTitle !== undefined && typeof rawTitle !== 'string') {
    throw new ArticleRejectedError('malformed-json', `Expected "title" to be a string, got ${typeof rawTitle}.`);
  }
  const body = [record['body'], record['text'], record['content']].find((v): v is string => typeof v === 'string');
  if (body === undefined) {
    throw new ArticleRejectedError('no-body', 'The JSON object has no string "body", "text" or "content" field.');
  }
  let title = rawTitle ?? '';
  let text = body;
  let published = [record['publishedAt'], record['datePublished']]
    .map((v) => (typeof v === 'string' ? isoTime(v) : undefined))
    .find((v) => v !== undefined);
  if (LOOKS_LIKE_TAG.test(body)) {
    published ??= htmlPublishedTime(body);
    const html = htmlToText(body);
    text = html.text;
    if (title === '') title = html.title;
    if (!HAS_LETTER.test(text)) throw new ArticleRejectedError('no-body', 'The JSON body is HTML with no text.');
  }
  const article: ExtractedArticle = { format: 'json', title: clip(title.trim()), text };
  const url = record['url'];
  if (typeof url === 'string') article.url = url;
  if (published !== undefined) article.publishedAt = published;
  return article;
}

/**
 * A Markdown file, after its front matter if it has one (Jekyll, Hugo, Astro: a block of
 * "key: value" lines between "---" lines, or "+++" and "key = value" for Hugo's TOML), whose
 * `title` is the title and whose `date` (or `publishedAt`, `published`) the publication time.
 */
function markdownArticle(raw: string): ExtractedArticle {
  const front = FRONT_MATTER.exec(raw);
  const fields = new Map<string, string>();
  if (front) {
    for (const line of front[2]!.split('\n')) {
      const field = FRONT_MATTER_FIELD.exec(line.trim());
      if (field) fields.set(field[1]!.toLowerCase(), unquote(field[2]!.trim()));
    }
  }
  const { title, text } = markdownToText(front ? raw.slice(front[0].length) : raw);
  const published = ['date', 'publishedat', 'published']
    .map((k) => fields.get(k))
    .map((v) => (v !== undefined ? isoTime(v) : undefined))
    .find((v) => v !== undefined);
  const given = fields.get('title') ?? '';
  return {
    format: 'md',
    title: given !== '' ? clip(given) : title,
    text,
    ...(published ? { publishedAt: published } : {}),
  };
}

/** Front matter: "---" (YAML) or "+++" (TOML) on the first line, up to the same on a line of its own. */
const FRONT_MATTER = /^\uFEFF?(---|\+\+\+)[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*(?:\r?\n|$)/;
/** One scalar field of front matter: `title: "..."` or `title = "..."`. */
const FRONT_MATTER_FIELD = /^([A-Za-z][\w-]*)\s*[:=]\s*(.+)$/;

/** A front-matter value without the quotes around it. */
function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value;
}

/** Strips markdown syntax line by line; the first ATX heading is the title, else the first text line. */
function markdownToText(md: string): { title: string; text: string } {
  const out: string[] = [];
  let fence = '';
  let heading = '';
  for (const line of md.split('\n')) {
    let t = line.trimStart();
    const indent = line.length - t.length;
    if (fence !== '') {
      if (t.startsWith(fence)) fence = '';
      continue;
    }
    if (indent <= 3 && (t.startsWith('```') || t.startsWith('~~~'))) {
      fence = t.slice(0, 3);
      out.push('');
      continue;
    }
    if (indent <= 3 && (isReferenceDefinition(t) || isRule(t))) {
      out.push('');
      continue;
    }
    // Blockquote markers, possibly nested ("> > text").
    while (t.startsWith('>')) t = t.slice(1).trimStart();
    t = t.replace(/^(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/, '');
    const level = /^#{1,6}(?:\s|$)/.exec(t);
    const isHeading = level !== null;
    if (isHeading) t = stripClosingHashes(t.slice(level[0].length));
    t = stripInline(t);
    if (LOOKS_LIKE_TAG.test(t)) t = htmlToText(t).text;
    t = t.trim();
    if (isHeading && heading === '' && t !== '') heading = t;
    out.push(t);
  }
  const text = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { title: heading !== '' ? clip(heading) : firstLine(text), text };
}

/** `[label]: url` lines define link targets and are not text. */
function isReferenceDefinition(t: string): boolean {
  if (!t.startsWith('[')) return false;
  const close = t.indexOf(']:');
  return close > 1 && t.indexOf(']') === close;
}

/** Thematic breaks and setext underlines: three or more of one of - * _ = with optional spaces. */
function isRule(t: string): boolean {
  const marker = t.charAt(0);
  if (marker !== '-' && marker !== '*' && marker !== '_' && marker !== '=') return false;
  let count = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charAt(i);
    if (c === marker) count++;
    else if (c !== ' ' && c !== '\t') return false;
  }
  return count >= 3;
}

/** Drops an ATX heading's optional closing `###`. */
function stripClosingHashes(t: string): string {
  const trimmed = t.trimEnd();
  let end = trimmed.length;
  while (end > 0 && trimmed.charAt(end - 1) === '#') end--;
  if (end === trimmed.length) return trimmed;
  if (end === 0) return '';
  const before = trimmed.charAt(end - 1);
  return before === ' ' || before === '\t' ? trimmed.slice(0, end) : trimmed;
}

const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** Forward-only indexOf memo: searches never restart, so scanning a line stays linear. */
class NextIndex {
  private pos = -2;
  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}
  from(start: number): number {
    if (this.pos === -1 || this.pos >= start) return this.pos;
    this.pos = this.text.indexOf(this.char, start);
    return this.pos;
  }
}

/** Removes inline markdown: images, link targets, code backticks, emphasis markers, escapes. */
function stripInline(line: string): string {
  const parts: string[] = [];
  const closeBracket = new NextIndex(line, ']');
  const closeParen = new NextIndex(line, ')');
  let copyFrom = 0;
  // Positions of a pending link's "](url)" or "][ref]" tail to drop when the scan reaches it.
  let tailStart = -1;
  let tailEnd = -1;
  const drop = (from: number, to: number): void => {
    if (from > copyFrom) parts.push(line.slice(copyFrom, from));
    copyFrom = to;
  };
  for (let i = 0; i < line.length; i++) {
    if (i === tailStart) {
      drop(i, tailEnd);
      i = tailEnd - 1;
      continue;
    }
    const c = line.charAt(i);
    if (c === '\\' && i + 1 < line.length && ASCII_PUNCTUATION.includes(line.charAt(i + 1))) {
      drop(i, i + 1);
      i++;
    } else if (c === '`') {
      drop(i, i + 1);
    } else if (c === '[' || (c === '!' && line.charAt(i + 1) === '[')) {
      const open = c === '!' ? i + 1 : i;
      const close = closeBracket.from(open + 1);
      const tail = close === -1 ? -1 : linkTailEnd(line, close, closeBracket, closeParen);
      if (tail === -1) continue;
      if (c === '!') {
        drop(i, tail);
        i = tail - 1;
      } else {
        drop(i, i + 1);
        tailStart = close;
        tailEnd = tail;
      }
    } else if (c === '*' || c === '_' || c === '~') {
      let end = i + 1;
      while (end < line.length && line.charAt(end) === c) end++;
      if (isEmphasisRun(line, i, end, c)) drop(i, end);
      i = end - 1;
    }
  }
  if (copyFrom < line.length) parts.push(line.slice(copyFrom));
  return parts.join('');
}

/**
 * Characters looked at for a url's balanced parentheses (CommonMark allows them; Wikipedia's
 * `Foo_(bar)` links have them): a url longer than this ends at its first ")", which keeps the scan
 * of a line linear whatever it holds.
 */
const MAX_BALANCED_URL = 256;

/** The ")" closing a url that starts at `from`, whose first ")" is `firstClose`: a later one when the url opens parentheses of its own. */
function balancedUrlEnd(line: string, from: number, firstClose: number): number {
  const limit = Math.min(line.length, from + MAX_BALANCED_URL);
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const c = line.charAt(i);
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return firstClose;
}

/** End (exclusive) of `](url)` or `][ref]` after the `]` at `close`, or -1 when `[...]` is not a link. */
function linkTailEnd(line: string, close: number, closeBracket: NextIndex, closeParen: NextIndex): number {
  const next = line.charAt(close + 1);
  if (next === '(') {
    const end = closeParen.from(close + 2);
    return end === -1 ? -1 : balancedUrlEnd(line, close + 2, end) + 1;
  }
  if (next === '[') {
    const end = closeBracket.from(close + 2);
    return end === -1 ? -1 : end + 1;
  }
  return -1;
}

/** A run of * _ ~ is markup when it touches a word on one side only; `snake_case` and `2 * 3` stay. */
function isEmphasisRun(line: string, start: number, end: number, c: string): boolean {
  if (c === '~' && end - start < 2) return false;
  const before = start > 0 ? line.charAt(start - 1) : ' ';
  const after = end < line.length ? line.charAt(end) : ' ';
  const spaceBefore = before === ' ' || before === '\t';
  const spaceAfter = after === ' ' || after === '\t';
  if (spaceBefore && spaceAfter) return false;
  if (c === '_' && isWordChar(before) && isWordChar(after)) return false;
  return true;
}

function isWordChar(ch: string): boolean {
  return HAS_LETTER_OR_DIGIT.test(ch);
}
