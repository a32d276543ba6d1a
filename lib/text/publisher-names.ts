import { Parser } from 'htmlparser2';
import { decodeText } from './decode-text.js';
import { formatOf } from './extract-article.js';

/** Longest name kept: a publisher or byline, not a paragraph. */
const MAX_NAME = 200;

/** `<meta>` properties and names that name who published or wrote a page. */
const META_NAMES = new Set(['og:site_name', 'author', 'article:publisher', 'article:author', 'publisher']);

/** JSON(-LD) fields that name a publisher or author, as a string, `{ name }`, or an array of those. */
const JSON_FIELDS = ['publisher', 'author', 'sourceOrganization', 'source', 'siteName'];

/**
 * Publisher and author names an article's file states in its metadata: an HTML page's
 * og:site_name, author and publisher meta tags and JSON-LD `publisher`/`author`; a JSON
 * article's `publisher`, `author`, `source` or `siteName`. Plain text and markdown state none.
 * Unreadable metadata yields no names rather than an error: it only decides licensing.
 */
export function publisherNames(name: string, bytes: Uint8Array, maxBytes: number): string[] {
  const format = formatOf(name);
  if (format !== 'html' && format !== 'json') return [];
  let raw: string;
  try {
    raw = decodeText(bytes, maxBytes);
  } catch {
    return [];
  }
  const names = new Set<string>();
  if (format === 'json') namesInJson(parseJson(raw), names, 0);
  else namesInHtml(raw, names);
  return [...names];
}

function namesInHtml(raw: string, names: Set<string>): void {
  let ldJson: string | undefined;
  const parser = new Parser(
    {
      onopentag(tag, attribs) {
        if (tag === 'meta') {
          const key = (attribs['property'] ?? attribs['name'] ?? '').toLowerCase();
          if (META_NAMES.has(key)) add(names, attribs['content']);
        } else if (tag === 'script' && (attribs['type'] ?? '').toLowerCase() === 'application/ld+json') ldJson = '';
      },
      ontext(text) {
        if (ldJson !== undefined) ldJson += text;
      },
      onclosetag(tag) {
        if (tag === 'script' && ldJson !== undefined) {
          namesInJson(parseJson(ldJson), names, 0);
          ldJson = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(raw);
  parser.end();
}

/** Walks JSON-LD (objects, arrays, @graph) for the name fields; depth-limited against hostile nesting. */
function namesInJson(value: unknown, names: Set<string>, depth: number): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) namesInJson(v, names, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const field of JSON_FIELDS) {
    const v = record[field];
    for (const item of Array.isArray(v) ? v : [v]) {
      if (typeof item === 'string') add(names, item);
      else if (item !== null && typeof item === 'object') add(names, (item as Record<string, unknown>)['name']);
    }
  }
  namesInJson(record['@graph'], names, depth + 1);
  namesInJson(record['mainEntity'], names, depth + 1);
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function add(names: Set<string>, value: unknown): void {
  if (typeof value !== 'string') return;
  const name = value.replace(/\s+/g, ' ').trim();
  if (name !== '' && name.length <= MAX_NAME) names.add(name);
}
