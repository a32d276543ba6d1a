import { ArticleRejectedError, type RejectionCode } from '../../../lib/errors.js';
import { DEFAULT_DETECTOR_PARAMS } from '../../../lib/detect/detector-params.js';
import { sketchText } from '../../../lib/detect/sketch-text.js';
import { prepareArticle } from '../../../lib/use-cases/prepare-article.js';

/**
 * Pathological inputs of about 1 MB (or 20,000 levels of nesting): a step that is quadratic in
 * them would take minutes and hit jest's timeout. No timings are asserted (machines are shared);
 * each input must only be processed or rejected with a typed error, and the outcome is checked.
 * Junk made of a few words repeated is read whole, then rejected as degenerate before sketching.
 */
const MB = 1 << 20;
const STORY =
  'Engineers will replace the corroded steel cables of the harbour bridge over six weeks, the transport authority said on Monday. ';
/** Sentences of the story until `bytes`, each numbered so the text is not one sentence repeated (a degenerate text). */
function prose(bytes = MB): string {
  const sentences: string[] = [];
  for (let i = 0, length = 0; length < bytes; i++) {
    sentences.push(STORY.replace('six weeks', `${i} weeks`));
    length += sentences[i]!.length;
  }
  return sentences.join('').slice(0, bytes);
}
/** Enough story text to pass minWords, so the pathological part is processed rather than rejected early. */
const STORY_30 = prose(STORY.length * 30);

/** The story as its own paragraph, then `junk`: the junk must be processed, not make the story too short. */
function afterStory(junk: string): string {
  return `${STORY_30}\n\n${junk}`;
}

/** `unit` repeated to `bytes` characters. */
function fill(unit: string, bytes = MB): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** Prepared and sketched, or the code it was rejected with; any other error fails the test. */
function run(key: string, text: string): 'ok' | RejectionCode {
  try {
    const { text: clean } = prepareArticle(key, new TextEncoder().encode(text), DEFAULT_DETECTOR_PARAMS);
    sketchText(clean, DEFAULT_DETECTOR_PARAMS);
    return 'ok';
  } catch (error) {
    if (error instanceof ArticleRejectedError) return error.code;
    throw error;
  }
}

const CASES: ReadonlyArray<[string, string, () => string, 'ok' | RejectionCode]> = [
  ['1 MB of letters without a space', 'a.txt', () => fill('abcdefghij'), 'too-short'],
  ['1 MB of letters without a space, as Markdown', 'a.md', () => fill('abcdefghij'), 'too-short'],
  ['1 MB of letters without a space, as HTML', 'a.html', () => `<p>${fill('abcdefghij')}</p>`, 'too-short'],
  [
    '1 MB of letters without a space, as a JSON body',
    'a.json',
    () => JSON.stringify({ title: 'T', body: fill('abcdefghij') }),
    'too-short',
  ],
  ['1 MB of punctuation runs', 'a.txt', () => fill('!?.,;:'), 'empty'],
  ['1 MB of punctuation runs after a story', 'a.txt', () => afterStory(fill('!?.,;:')), 'ok'],
  ['1 MB of one full stop', 'a.txt', () => `x ${fill('.')}`, 'too-short'],
  ['1 MB of words ending in "...." runs', 'a.txt', () => fill('word.... '), 'degenerate'],
  ['1 MB of numbers joined by commas and dots', 'a.txt', () => afterStory(fill('1,2.')), 'ok'],
  ['1 MB of apostrophes and curly quotes', 'a.txt', () => afterStory(fill("'\u2018\u2019''``\"\u201c")), 'ok'],
  ['1 MB of opening quotes before words', 'a.txt', () => fill('"word '), 'degenerate'],
  ['1 MB of abbreviations and initials', 'a.txt', () => fill('Mr. J. Dr. etc. '), 'degenerate'],
  ['1 MB of prose on a single line', 'a.txt', () => prose(), 'ok'],
  [
    '1 MB of prose on a single line without sentence ends',
    'a.txt',
    () => fill('the quick brown fox jumps over the lazy dog '),
    'degenerate',
  ],
  [
    '1 MB of repeated lines with a wire end marker',
    'a.txt',
    () => fill('The quick brown fox jumps over the lazy dog and then <\n'),
    'too-short',
  ],
  [
    '1 MB of hard-wrapped lines of one paragraph',
    'a.txt',
    () =>
      Array.from({ length: MB / 60 }, (_, i) => `the fox number ${i} jumps over the lazy dog and then runs`).join('\n'),
    'ok',
  ],
  ['1 MB of short repeated paragraphs', 'a.txt', () => fill('Share this story.\n\n'), 'too-short'],
  [
    '1 MB of distinct paragraphs',
    'a.txt',
    () => Array.from({ length: MB / 64 }, (_, i) => `The fox number ${i} jumps over the lazy dog today.`).join('\n\n'),
    'ok',
  ],
  [
    '1 MB of carriage-return line ends',
    'a.txt',
    () => fill('The quick brown fox jumps over the lazy dog.\r'),
    'too-short',
  ],
  ['1 MB of spaces and odd spaces after a story', 'a.txt', () => afterStory(fill(' \u00a0\u2028\t\u200b')), 'ok'],
  ['20,000 nested <div> elements', 'a.html', () => `${'<div>'.repeat(20000)}${STORY_30}`, 'ok'],
  [
    '20,000 nested <div> elements, all closed',
    'a.html',
    () => `${'<div>'.repeat(20000)}${STORY_30}${'</div>'.repeat(20000)}`,
    'ok',
  ],
  // 20,000 levels cost a quadratic stack only ~2 x 10^8 steps; 1 MB of them (200,000 levels) would cost minutes
  ['1 MB of nested <div> elements (200,000 levels)', 'a.html', () => `${'<div>'.repeat(MB / 5)}${STORY_30}`, 'ok'],
  ['20,000 nested <span> and <a> elements', 'a.html', () => `${'<span><a href="x">'.repeat(20000)}${STORY_30}`, 'ok'],
  [
    '20,000 nested skipped <nav> elements and stray end tags',
    'a.html',
    () => `<p>${STORY_30}${'<nav>'.repeat(20000)}${'</div>'.repeat(20000)}`,
    'ok',
  ],
  ['20,000 nested <svg> elements', 'a.html', () => `<p>${STORY_30}${'<svg>'.repeat(20000)}`, 'ok'],
  ['80,000 unclosed <div class=" tags', 'a.html', () => `<p>${STORY_30}${'<div class="a'.repeat(80000)}`, 'ok'],
  [
    '100,000 unclosed <p> and <li> tags',
    'a.html',
    () => `<p>${STORY_30}<ul>${'<li><p>The quick brown fox. '.repeat(100000 / 2)}`,
    'ok',
  ],
  ['1 MB of "<"', 'a.html', () => `<p>${STORY_30}</p>${fill('<')}`, 'ok'],
  ['an unclosed comment of 1 MB', 'a.html', () => `<p>${STORY_30}<!--${fill('a-')}`, 'ok'],
  ['an unclosed <script> of 1 MB of near end tags', 'a.html', () => `<p>${STORY_30}<script>${fill('</scrip')}`, 'ok'],
  ['a <title> of 1 MB', 'a.html', () => `<title>${fill('a ')}</title><p>${STORY_30}`, 'ok'],
  ['1 MB of entities', 'a.html', () => `<p>${STORY_30}${fill('&amp;&#x2019;&bogus;&#')}`, 'degenerate'],
  ['a JSON article with a 1 MB body', 'a.json', () => JSON.stringify({ title: 'T', body: prose() }), 'ok'],
  [
    'a JSON article with a 1 MB HTML body',
    'a.json',
    () => JSON.stringify({ title: 'T', body: `<p>${fill('The quick brown <b>fox</b> jumps over the lazy dog. ')}` }),
    'degenerate',
  ],
  ['1 MB of nested JSON arrays', 'a.json', () => `${'['.repeat(MB / 2)}${']'.repeat(MB / 2)}`, 'malformed-json'],
  ['Markdown: 1 MB of "["', 'a.md', () => `${STORY_30}\n\n${fill('[')}`, 'ok'],
  ['Markdown: 1 MB of unclosed links', 'a.md', () => `${STORY_30}\n\n${fill('[a](')}`, 'ok'],
  [
    'Markdown: 1 MB of urls opening parentheses, one ")" at the end',
    'a.md',
    () => `${STORY_30}\n\n${fill('[a](b(')})`,
    'ok',
  ],
  [
    'Markdown: 1 MB of urls with balanced parentheses',
    'a.md',
    () => `${STORY_30}\n\n${fill('[a b](c_(d)) ')}`,
    'degenerate',
  ],
  ['Markdown: 1 MB of links to references', 'a.md', () => `${STORY_30}\n\n${fill('[a][')}`, 'ok'],
  ['Markdown: 1 MB of image openers', 'a.md', () => `${STORY_30}\n\n${fill('![')}`, 'ok'],
  ['Markdown: 1 MB of nested blockquote markers', 'a.md', () => `${STORY_30}\n\n${fill('> ')}`, 'ok'],
  ['Markdown: 1 MB of emphasis runs', 'a.md', () => `${STORY_30}\n\n${fill('* a _b_ ~~c~~ ')}`, 'degenerate'],
  ['Markdown: 1 MB of inline tags', 'a.md', () => `${STORY_30}\n\n${fill('<b>x ')}`, 'degenerate'],
  ['Markdown: 1 MB of code fences', 'a.md', () => `${STORY_30}\n\n${fill('```\n')}`, 'ok'],
  ['Markdown: 1 MB of escapes and backticks', 'a.md', () => `${STORY_30}\n\n${fill('\\*`')}`, 'ok'],
  ['6 MB, over the size limit', 'a.txt', () => prose(6 * MB), 'too-large'],
];

describe('text processing stays linear on pathological input', () => {
  it.each(CASES)('%s (%s)', (_name, key, make, expected) => {
    expect(run(key, make())).toBe(expected);
  });
});
