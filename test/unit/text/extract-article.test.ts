import { extractArticle, formatOf, SUPPORTED_EXTENSIONS } from '../../../lib/text/extract-article';
import { rejectionOf } from '../../helpers/rejection-of.js';

const MAX = 1_000_000;

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

describe('formatOf', () => {
  it('maps extensions case-insensitively', () => {
    expect(formatOf('a/b/story.TXT')).toBe('txt');
    expect(formatOf('story.md')).toBe('md');
    expect(formatOf('story.Markdown')).toBe('md');
    expect(formatOf('page.HTM')).toBe('html');
    expect(formatOf('page.html')).toBe('html');
    expect(formatOf('item.json')).toBe('json');
  });

  it('returns undefined for other or missing extensions', () => {
    expect(formatOf('photo.jpg')).toBeUndefined();
    expect(formatOf('README')).toBeUndefined();
    expect(formatOf('dir.txt/README')).toBeUndefined();
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.md', '.markdown', '.html', '.htm', '.json']);
  });
});

describe('extractArticle', () => {
  it('rejects an unsupported type before decoding and lists the supported ones', () => {
    const rejection = rejectionOf(() => extractArticle('story.pdf', new Uint8Array(0), MAX));
    expect(rejection.code).toBe('unsupported-type');
    expect(rejection.message).toContain('.txt, .md, .markdown, .html, .htm, .json');
  });

  it('passes on decoding rejections', () => {
    expect(rejectionOf(() => extractArticle('a.txt', new Uint8Array(0), MAX)).code).toBe('empty');
    expect(rejectionOf(() => extractArticle('a.txt', utf8('x'.repeat(20)), 10)).code).toBe('too-large');
    expect(rejectionOf(() => extractArticle('a.txt', Uint8Array.from([0x41, 0x00, 0x42]), MAX)).code).toBe('binary');
  });

  it('reads plain text with its first non-empty line as title', () => {
    const text = '\n\n  Judge jails fraudster  \nA baker was jailed today.\n';
    expect(extractArticle('a.txt', utf8(text), MAX)).toEqual({ format: 'txt', title: 'Judge jails fraudster', text });
  });

  it('skips lines without letters or digits when choosing a plain-text title and clips it to 200 characters', () => {
    expect(extractArticle('a.txt', utf8('-----\nHeadline here\nBody.'), MAX).title).toBe('Headline here');
    expect(extractArticle('a.txt', utf8(`${'word '.repeat(100)}\nBody.`), MAX).title.length).toBeLessThanOrEqual(200);
  });

  it('cuts a long title after a whole word and marks the cut with an ellipsis', () => {
    const title = extractArticle('a.txt', utf8(`${'Headline '.repeat(30)}\nBody.`), MAX).title;
    expect(title).toBe(`${'Headline '.repeat(22).trimEnd()}\u2026`);
    expect(title.length).toBeLessThanOrEqual(200);
    // one unbroken run of letters is cut where it must be
    const run = extractArticle('a.txt', utf8(`${'x'.repeat(300)} headline\nBody.`), MAX).title;
    expect(run).toBe(`${'x'.repeat(199)}\u2026`);
  });

  it("takes a browser copy's headline from just above its story, past navigation, teasers and the byline", () => {
    const page = [
      'Skip to main content',
      'Fox News Media',
      'Home',
      'Politics',
      'Breaking News',
      'Bridge on County Road 12 closed after semi strikes guardrail',
      '',
      'Fox News Flash top headlines for March 9',
      "Fox News Flash top headlines are here. Check out what's clicking on the site.",
      'Tornado rips through Oklahoma town, leaving 3 dead and dozens of homes destroyed',
      'Emergency crews are searching damaged buildings after the storm.',
      'By Greg Norman | Fox News',
      'At least three people were killed and more than 30 injured after a tornado tore through the small town overnight.',
    ].join('\n');
    expect(extractArticle('a.txt', utf8(page), MAX).title).toBe(
      'Tornado rips through Oklahoma town, leaving 3 dead and dozens of homes destroyed',
    );
    // hard-wrapped wire copy keeps its first headline-like line
    const wire = [
      '16:52 01/03/00: Page 1 (HHH) COURTS Francis',
      'A man who attacked a pensioner in her home was jailed for',
      'eight years today after a judge said he had shown no remorse',
      'for what he did to the woman, who was 83 at the time of the',
      'attack, the court in the city was told on the first morning.',
    ].join('\n');
    expect(extractArticle('a.txt', utf8(wire), MAX).title).toBe('16:52 01/03/00: Page 1 (HHH) COURTS Francis');
  });

  it('never takes a navigation bar copied with the page as its title, above or without a story line', () => {
    const page = [
      'High school swim team wins state title',
      'Home | News | Sports | Opinion | Obituaries | E-Edition',
      'Subscribe to continue reading.',
      'The Westfield High School swim team won its first state championship on Saturday, edging out rivals by four points.',
    ].join('\n');
    expect(extractArticle('a.txt', utf8(page), MAX).title).toBe('High school swim team wins state title');
    const short = 'Home \u2022 Local News \u2022 Things to Do\nCouncil backs new ferry budget\nIt passed.';
    expect(extractArticle('a.txt', utf8(short), MAX).title).toBe('Council backs new ferry budget');
    // one separator is a headline with its section or site, not a menu
    const titled = 'Council backs new ferry budget | Harbor Gazette\nIt passed.';
    expect(extractArticle('a.txt', utf8(titled), MAX).title).toBe('Council backs new ferry budget | Harbor Gazette');
  });

  it('rejects text with no letter or digit as empty', () => {
    const rejection = rejectionOf(() => extractArticle('a.txt', utf8(' \n\t\n -- \n'), MAX));
    expect(rejection.code).toBe('empty');
  });

  it("takes a Markdown file's title and date from its front matter (YAML or TOML) and leaves the block out of the text", () => {
    const yaml =
      '---\ntitle: "Council approves cycle lanes"\ndate: 2024-03-05T10:00:00Z\ntags: [local]\n---\n\n# Lanes\n\nThe city council voted on Tuesday.';
    const article = extractArticle('story.md', utf8(yaml), MAX);
    expect(article.title).toBe('Council approves cycle lanes');
    expect(article.publishedAt).toBe('2024-03-05T10:00:00.000Z');
    expect(article.text).toBe('Lanes\n\nThe city council voted on Tuesday.');

    const toml = extractArticle('story.md', utf8("+++\ntitle = 'Hugo title'\n+++\nThe city council voted."), MAX);
    expect(toml.title).toBe('Hugo title');
    expect(toml.text).toBe('The city council voted.');
    // a rule further down is no front matter
    const ruled = extractArticle('story.md', utf8('# Heading\n\n---\ntitle: not front matter\n---\n'), MAX);
    expect(ruled.title).toBe('Heading');
  });

  it('strips markdown syntax and takes the first heading as title', () => {
    const md = [
      'Intro line before the heading.',
      '',
      '# Council approves *cycle* lanes #',
      '',
      '> The city **council** voted on `Tuesday` to build [six kilometres](https://example.com/km "km") of lanes.',
      '',
      '![A cyclist](cyclist.jpg)',
      '- First item with __bold__ and a snake_case_name',
      '2. Second item with a [reference link][ref] and \\*escaped stars\\*',
      '',
      '```js',
      'const secret = 1;',
      '```',
      '',
      '---',
      'Prices rose 2 * 3 percent and <b>sharply</b> ~~fell~~.',
      '',
      '[ref]: https://example.com/ref',
    ].join('\n');
    const article = extractArticle('story.md', utf8(md), MAX);
    expect(article.format).toBe('md');
    expect(article.title).toBe('Council approves cycle lanes');
    expect(article.text).toBe(
      [
        'Intro line before the heading.',
        '',
        'Council approves cycle lanes',
        '',
        'The city council voted on Tuesday to build six kilometres of lanes.',
        '',
        '',
        'First item with bold and a snake_case_name',
        'Second item with a reference link and *escaped stars*',
        '',
        'Prices rose 2 * 3 percent and sharply fell.',
      ]
        .join('\n')
        .replace(/\n{3,}/g, '\n\n'),
    );
  });

  it('drops a link target holding parentheses whole, in the title and in the text', () => {
    const md = [
      '# Flooding closes [Foo Bridge](https://en.wikipedia.org/wiki/Foo_(bridge))',
      '',
      'The [river (Calder)](https://example.com/calder_(river)) rose two metres (a record) overnight.',
      'A [link](https://example.com/a) then an aside (in brackets).',
    ].join('\n');
    const article = extractArticle('flood.md', utf8(md), MAX);
    expect(article.title).toBe('Flooding closes Foo Bridge');
    expect(article.text).toBe(
      [
        'Flooding closes Foo Bridge',
        '',
        'The river (Calder) rose two metres (a record) overnight.',
        'A link then an aside (in brackets).',
      ].join('\n'),
    );
  });

  it('uses the first text line as markdown title when there is no heading', () => {
    expect(extractArticle('a.markdown', utf8('Plain *first* line\n\nMore.'), MAX).title).toBe('Plain first line');
  });

  it('extracts HTML and rejects a page without body text', () => {
    const article = extractArticle('p.html', utf8('<title>T</title><article><p>Story text.</p></article>'), MAX);
    expect(article).toEqual({ format: 'html', title: 'T', text: 'Story text.' });
    expect(
      rejectionOf(() => extractArticle('p.htm', utf8('<html><script>var a = 1;</script><p>  123 </p></html>'), MAX))
        .code,
    ).toBe('no-body');
  });

  it('reads a JSON article with optional metadata only when present', () => {
    const json = JSON.stringify({
      title: 'T',
      body: 'Body text.',
      url: 'https://example.com/a',
      publishedAt: '2024-05-01',
      extra: 1,
    });
    expect(extractArticle('a.json', utf8(json), MAX)).toEqual({
      format: 'json',
      title: 'T',
      text: 'Body text.',
      url: 'https://example.com/a',
      publishedAt: '2024-05-01T00:00:00.000Z',
    });
    const bare = extractArticle('a.json', utf8('{"text": "Only text."}'), MAX);
    expect(bare).toEqual({ format: 'json', title: '', text: 'Only text.' });
    expect(Object.keys(bare)).toEqual(['format', 'title', 'text']);
  });

  it('reads the publication time from HTML metadata, JSON-LD, itemprop or <time>, best first, as ISO UTC', () => {
    const page = (head: string, body = ''): Uint8Array =>
      utf8(`<html><head>${head}</head><body>${body}<p>Story text of the page.</p></body></html>`);
    const published = (bytes: Uint8Array, name = 'p.html'): string | undefined =>
      extractArticle(name, bytes, MAX).publishedAt;

    expect(
      published(
        page(
          '<meta property="article:modified_time" content="2024-03-09T10:00:00Z">' +
            '<meta property="article:published_time" content="2024-03-01T08:15:00-05:00">',
          '<time datetime="2020-01-01">old</time>',
        ),
      ),
    ).toBe('2024-03-01T13:15:00.000Z');
    expect(
      published(
        page(
          '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-03-02T06:00:00Z"}]}</script>',
        ),
      ),
    ).toBe('2024-03-02T06:00:00.000Z');
    expect(
      published(
        page('<script type="application/ld+json">{broken</script>', '<time datetime="2024-03-03">Mar 3</time>'),
      ),
    ).toBe('2024-03-03T00:00:00.000Z');
    expect(published(page('', '<span itemprop="datePublished" content="2024-03-04T01:02:03Z"></span>'))).toBe(
      '2024-03-04T01:02:03.000Z',
    );
    expect(published(page('<meta name="date" content="not a date">'))).toBeUndefined();
    expect(published(page(''))).toBeUndefined();
    expect(
      published(utf8(JSON.stringify({ body: 'Story text.', datePublished: '2024-03-05T00:00:00+01:00' })), 'a.json'),
    ).toBe('2024-03-04T23:00:00.000Z');
    expect(
      published(utf8(JSON.stringify({ body: 'Story text.', publishedAt: 'yesterday' })), 'a.json'),
    ).toBeUndefined();
  });

  it('takes the JSON body from body, text or content, first string wins', () => {
    expect(extractArticle('a.json', utf8('{"content": "C.", "text": "T."}'), MAX).text).toBe('T.');
    expect(extractArticle('a.json', utf8('{"body": null, "content": "C."}'), MAX).text).toBe('C.');
  });

  it('runs an HTML JSON body through the HTML extractor', () => {
    const json = JSON.stringify({ content: '<h1>Head</h1><p>One &amp; two.</p><script>x()</script>' });
    expect(extractArticle('a.json', utf8(json), MAX)).toEqual({
      format: 'json',
      title: 'Head',
      text: 'Head\n\nOne & two.',
    });
    expect(extractArticle('a.json', utf8('{"body": "a < b and 1<2."}'), MAX).text).toBe('a < b and 1<2.');
  });

  it('rejects malformed or mistyped JSON', () => {
    expect(rejectionOf(() => extractArticle('a.json', utf8('{"title": '), MAX)).code).toBe('malformed-json');
    expect(rejectionOf(() => extractArticle('a.json', utf8('["a"]'), MAX)).code).toBe('malformed-json');
    expect(rejectionOf(() => extractArticle('a.json', utf8('"just a string"'), MAX)).code).toBe('malformed-json');
    expect(rejectionOf(() => extractArticle('a.json', utf8('{"title": 5, "body": "x"}'), MAX)).code).toBe(
      'malformed-json',
    );
  });

  it('rejects a JSON object without a string body as no-body', () => {
    expect(rejectionOf(() => extractArticle('a.json', utf8('{"title": "T", "body": 42}'), MAX)).code).toBe('no-body');
    expect(rejectionOf(() => extractArticle('a.json', utf8('{}'), MAX)).code).toBe('no-body');
  });

  it('rejects a JSON body that is only whitespace as empty', () => {
    expect(rejectionOf(() => extractArticle('a.json', utf8('{"body": "  \\n  "}'), MAX)).code).toBe('empty');
  });
});

describe('extractArticle: JSON with an HTML body', () => {
  it('rejects a body that is HTML with no text as no-body', () => {
    const bytes = Buffer.from(JSON.stringify({ title: 'T', body: '<script>alert(1)</script>' }));
    expect(() => extractArticle('a.json', bytes, 1 << 20)).toThrow(expect.objectContaining({ code: 'no-body' }));
  });
});
