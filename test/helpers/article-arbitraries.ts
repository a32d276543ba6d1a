import fc from 'fast-check';
import { SUPPORTED_EXTENSIONS } from '../../lib/text/extract-article.js';
import { fixtureText } from './fixtures.js';

/** Runs and seed of every property: modest so the files take seconds, fixed so a failure reproduces. */
export const PROPERTY_RUNS = { numRuns: 200, seed: 20240601 } as const;

/** Sentences of a real wire story: enough of them survive boilerplate removal and minWords. */
export const STORY_SENTENCES: readonly string[] = fixtureText('articles/harbour-bridge-wire.txt')
  .split(/(?<=[.!?]"?)\s+/)
  .filter((s) => s.trim() !== '');

/** Pieces of markup and text that break naive escaping, parsing or tokenizing. */
const NASTY = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '`',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='",
  '&amp;',
  '&lt;',
  '&#x3c;',
  '&#0;',
  '&notanentity',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '</title>',
  '</textarea>',
  '<style>',
  '</style>',
  '\u201c',
  '\u201d',
  '\u2018',
  '\u2019',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\ufffd',
  '\u0000',
  '\r\n',
  '\r',
  '\n\n',
  '\t',
  '...',
  '!?',
  '\ud800',
  '\udc00',
  '\u{1f600}',
  'İ',
  'ß',
];

/** Any string: unicode graphemes, raw UTF-16 units (lone surrogates), or runs of nasty pieces. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 6 })), { maxLength: 12 })
    .map((parts) => parts.join('')),
);

/** A story of 0..all the wire sentences, in order, with nasty or random strings in between. */
export const storyText: fc.Arbitrary<string> = fc
  .tuple(
    fc.subarray([...STORY_SENTENCES], { minLength: 0 }),
    fc.array(anyString, { maxLength: 4 }),
    fc.constantFrom(' ', '\n', '\n\n'),
  )
  .map(([sentences, noise, joiner]) => {
    const parts = [...sentences];
    noise.forEach((n, i) => parts.splice((i * 7) % (parts.length + 1), 0, n));
    return parts.join(joiner);
  });

const TAGS = [
  'p',
  'div',
  'article',
  'main',
  'body',
  'html',
  'head',
  'title',
  'h1',
  'span',
  'a',
  'nav',
  'script',
  'style',
  'svg',
  'math',
  'br',
  'img',
  'li',
  'ul',
  'table',
  'td',
  'template',
  'textarea',
  'noscript',
];
const ATTRIBUTES = [
  'class="nav"',
  'class="story"',
  'id="comments"',
  'hidden',
  'aria-hidden="true"',
  'role="navigation"',
  'property="og:title" content="T"',
  '__proto__="x"',
  'onerror=alert(1)',
  "a='b",
  'x="',
];

/** Tag soup: open, close and self-closing tags with attributes, comments, doctypes and story text. */
export const htmlish: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc
        .tuple(
          fc.constantFrom(...TAGS),
          fc.array(fc.constantFrom(...ATTRIBUTES), { maxLength: 2 }),
          fc.constantFrom('>', '/>', ''),
        )
        .map(([t, a, end]) => `<${[t, ...a].join(' ')}${end}`),
      fc.constantFrom(...TAGS).map((t) => `</${t}>`),
      fc.constantFrom(
        '<!DOCTYPE html>',
        '<!-- c -->',
        '<!--',
        '<?xml ?>',
        '<![CDATA[x]]>',
        '&amp;',
        '&#8220;',
        '&bogus;',
        '<',
        '</',
        '<<>>',
      ),
      fc.constantFrom(...STORY_SENTENCES),
      anyString,
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** JSON text: well-formed articles (title/body/text/content of any type), arbitrary JSON, and truncated JSON. */
export const jsonish: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          title: fc.oneof({ weight: 4, arbitrary: anyString }, fc.integer(), fc.constant(null)),
          body: fc.oneof(
            { weight: 4, arbitrary: storyText },
            htmlish,
            fc.integer(),
            fc.array(anyString, { maxLength: 2 }),
          ),
          text: fc.oneof(storyText, fc.boolean()),
          content: htmlish,
          url: anyString,
          publishedAt: anyString,
        },
        { requiredKeys: ['body'] },
      )
      .map((o) => JSON.stringify(o)),
  },
  fc.json({ maxDepth: 3 }),
  fc.constant(''),
  fc.tuple(fc.json({ maxDepth: 3 }), fc.nat()).map(([j, cut]) => j.slice(0, cut % (j.length + 1))),
);

const MARKDOWN = [
  '# ',
  '## ',
  '### x ###',
  '**',
  '*',
  '_',
  '~~',
  '`',
  '```',
  '~~~',
  '> ',
  '> > ',
  '- ',
  '1. ',
  '- [x] ',
  '[',
  '](',
  ')',
  '][',
  '![',
  '---',
  '***',
  '[ref]: http://x',
  '\\*',
  '<b>',
  '\n',
];

/** Markdown-looking text: syntax pieces mixed with story sentences. */
export const markdownish: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...MARKDOWN), fc.constantFrom(...STORY_SENTENCES), anyString), { maxLength: 40 })
  .map((parts) => parts.join(''));

/** UTF-8, UTF-16 (with either byte-order mark, possibly cut at an odd byte), or Windows-1252-ish bytes of a text. */
export function encodings(text: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { weight: 3, arbitrary: text.map((t) => new TextEncoder().encode(t)) },
    fc.tuple(text, fc.boolean(), fc.boolean()).map(([t, little, cut]) => {
      const units = Buffer.from(`\ufeff${t}`, 'utf16le');
      if (!little) units.swap16();
      return new Uint8Array(cut ? units.subarray(0, units.length - 1) : units);
    }),
    text.map((t) => Uint8Array.from(t, (c) => c.charCodeAt(0) & 0xff)),
  );
}

/** The bytes of any kind of article file: random bytes, or encoded text, HTML, JSON or Markdown. */
export const articleBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  encodings(anyString),
  encodings(storyText),
  encodings(htmlish),
  encodings(jsonish),
  encodings(markdownish),
);

/** Bytes biased towards the format of an extension, so that every format is accepted often enough to test. */
export function articleBytesFor(ext: string): fc.Arbitrary<Uint8Array> {
  const format =
    ext === '.json' ? jsonish : ext === '.html' || ext === '.htm' ? htmlish : ext === '.txt' ? storyText : markdownish;
  return fc.oneof({ weight: 2, arbitrary: encodings(format) }, articleBytes);
}

/** A supported extension, an unsupported one, or none. */
export const extension: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SUPPORTED_EXTENSIONS) },
  fc.constantFrom('.TXT', '.Html', '.pdf', '', '.'),
);

/** Article keys: plain relative paths, and ones with nasty or forbidden characters and segments. */
export const articleKey: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom('a', 'dir/story', 'x/y/z'),
      anyString,
      fc.constantFrom('/abs', 'a//b', '../up', 'back\\slash', 'x'.repeat(201)),
    ),
    extension,
  )
  .map(([name, ext]) => `${name}${ext}`);
