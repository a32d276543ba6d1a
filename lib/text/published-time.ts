import { Parser } from 'htmlparser2';

/** Meta names (name, property or itemprop, lower case) that carry a page's first publication time, best first. */
const META_NAMES: readonly string[] = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'dcterms.issued',
  'dc.date.issued',
  'pubdate',
  'publishdate',
  'date',
];

/**
 * The publication time an HTML page declares, as an ISO 8601 UTC string, or undefined. Looks, in
 * this order, at meta tags (article:published_time and kin), JSON-LD `datePublished`, an element
 * marked itemprop="datePublished", then the first `<time datetime>`. Modified times are ignored:
 * the earlier-published article is the source, and an update does not make a copy earlier.
 */
export function htmlPublishedTime(html: string): string | undefined {
  const meta = new Map<string, string>();
  const jsonLd: string[] = [];
  let itemprop: string | undefined;
  let time: string | undefined;
  let inJsonLd = false;
  let script = '';
  const parser = new Parser(
    {
      onopentag(name, a) {
        const key = (a['property'] ?? a['name'] ?? a['itemprop'] ?? '').toLowerCase();
        if (name === 'meta' && key !== '' && a['content'] !== undefined && !meta.has(key)) meta.set(key, a['content']);
        if (a['itemprop']?.toLowerCase() === 'datepublished') itemprop ??= a['datetime'] ?? a['content'];
        if (name === 'time' && a['datetime'] !== undefined) time ??= a['datetime'];
        inJsonLd = name === 'script' && a['type']?.toLowerCase() === 'application/ld+json';
        script = '';
      },
      ontext(text) {
        if (inJsonLd) script += text;
      },
      onclosetag(name) {
        if (name === 'script' && inJsonLd) jsonLd.push(script);
        inJsonLd = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  const found = [...META_NAMES.map((n) => meta.get(n)), ...jsonLd.map((s) => jsonLdPublished(s)), itemprop, time];
  for (const value of found) {
    const iso = value === undefined ? undefined : isoTime(value);
    if (iso !== undefined) return iso;
  }
  return undefined;
}

/** A date or date-time as an ISO 8601 UTC string, or undefined when it does not read as one. */
export function isoTime(value: string): string | undefined {
  const v = value.trim();
  // Date.parse also takes "1" or "March": demand a four-digit year, as every format above has
  if (!/\d{4}/.test(v)) return undefined;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** The first `datePublished` string anywhere in a JSON-LD block (objects, arrays, @graph). */
function jsonLdPublished(source: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return undefined; // a broken block says nothing; the other sources still may
  }
  const queue: unknown[] = [value];
  for (let i = 0; i < queue.length && i < 1000; i++) {
    const v = queue[i];
    if (Array.isArray(v)) queue.push(...v);
    else if (typeof v === 'object' && v !== null) {
      const published = (v as Record<string, unknown>)['datePublished'];
      if (typeof published === 'string') return published;
      queue.push(...Object.values(v));
    }
  }
  return undefined;
}
