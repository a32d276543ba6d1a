import { Tokenizer } from 'htmlparser2';
import { ArticleRejectedError } from '../../../lib/errors';
import { htmlToText } from '../../../lib/text/html-to-text';

const NEWS_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Council approves cycle lanes &amp; parking changes | City News</title>
  <meta property="og:title" content="Council approves cycle lanes">
  <style>p { color: red }</style>
  <script>window.dataLayer = [{ page: 'story' }];</script>
</head>
<body class="single-post has-sidebar">
  <header><a href="/">City News</a><nav><ul><li><a href="/news">News</a></li><li>Sport</li></ul></nav></header>
  <div class="cookie-banner">We use cookies to improve your experience.</div>
  <main>
    <article>
      <h1>Council approves cycle lanes</h1>
      <div class="share-buttons"><button>Share</button><a href="#">Facebook</a></div>
      <p>The city council voted on Tuesday to build six kilometres of protected lanes&nbsp;&mdash; the largest scheme in the region.</p>
      <figure><img src="lane.jpg" alt="A lane"><figcaption>Cyclists on the proposed route</figcaption></figure>
      <p>Councillors backed the plan by 31 votes to 12.<br>The debate lasted four hours.</p>
      <div hidden>Hidden text</div>
      <div aria-hidden="true">Screen-reader hidden</div>
      <div role="complementary">Most read</div>
      <p>Work   is expected
         to begin in <em>the</em> spring &lt;weather permitting&gt;.</p>
      <noscript>Enable JavaScript</noscript>
      <template><p>Template text</p></template>
      <svg><title>icon</title><path d="M0 0"/></svg>
      <iframe src="https://example.com/embed"></iframe>
      <form><input name="q"><select><option>One</option></select></form>
      <section id="related-stories"><h2>Related</h2><p>Another story</p></section>
      <div class="comments"><p>First!</p></div>
    </article>
  </main>
  <aside class="sidebar"><p>Advertisement</p></aside>
  <footer><p>Copyright City News</p></footer>
</body>
</html>`;

describe('htmlToText', () => {
  it('keeps only the story paragraphs of a news page', () => {
    const { title, text } = htmlToText(NEWS_PAGE);
    expect(title).toBe('Council approves cycle lanes');
    expect(text).toBe(
      [
        'Council approves cycle lanes',
        'The city council voted on Tuesday to build six kilometres of protected lanes — the largest scheme in the region.',
        'Councillors backed the plan by 31 votes to 12.\nThe debate lasted four hours.',
        'Work is expected to begin in the spring <weather permitting>.',
      ].join('\n\n'),
    );
  });

  it('prefers <article> text, then <main>, then the whole body', () => {
    expect(
      htmlToText(
        '<body><p>Menu</p><article><p>Story one.</p></article><p>Between</p><article><p>Story two.</p></article></body>',
      ).text,
    ).toBe('Story one.\n\nStory two.');
    expect(htmlToText('<body><p>Outside</p><main><p>Main text.</p></main></body>').text).toBe('Main text.');
    expect(htmlToText('<body><div>First</div><div>Second</div></body>').text).toBe('First\n\nSecond');
  });

  it("takes the title from the page's own og:title, else the first <h1>, else <title>", () => {
    expect(
      htmlToText(
        '<head><title>close</title><meta property="og:title" content="From OG"></head><body><h1>From H1</h1></body>',
      ).title,
    ).toBe('From OG');
    expect(htmlToText('<head><title>Site name</title></head><body><h1>From H1</h1></body>').title).toBe('From H1');
    expect(htmlToText('<head><title>Only title</title></head><body><p>x</p></body>').title).toBe('Only title');
    expect(htmlToText('<body><h1> From <b>H1</b> </h1><h1>Second</h1></body>').title).toBe('From H1');
    expect(htmlToText('<body><svg><title>Icon</title></svg><p>x</p></body>').title).toBe('');
  });

  it('keeps counting right around void elements and unclosed tags', () => {
    const html =
      '<body><aside><img src="a.png"><br><input><hr><meta name="x"></aside><p>Kept one<p>Kept two<ul><li>A<li>B</ul></body>';
    expect(htmlToText(html).text).toBe('Kept one\n\nKept two\n\nA\n\nB');
  });

  it('ignores unmatched end tags and reads </br> as a line break', () => {
    expect(htmlToText('<p>One</span></div> two</br>three</p></p>four').text).toBe('One two\nthree\n\nfour');
  });

  it('does not skip the page for a chrome-like class on body, main or article', () => {
    expect(htmlToText('<body class="has-sidebar"><main class="nav-open"><p>Story.</p></main></body>').text).toBe(
      'Story.',
    );
  });

  it('reads the story, not teaser cards, when the cards are the only <article> elements', () => {
    const cards = [1, 2, 3, 4]
      .map(
        (i) => `<article class="card"><a href="#"><h3>Teaser headline number ${i}</h3></a><p>Card ${i}.</p></article>`,
      )
      .join('');
    const story = '<p>The ferry operator said on Monday that fares would rise by twelve per cent from June.</p>'.repeat(
      3,
    );
    const { text } = htmlToText(`<body><div class="article-main">${story}</div><div>${cards}</div></body>`);
    expect(text).toContain('The ferry operator said on Monday');
  });

  it('reads the largest <article> alone when it holds more words than the others together', () => {
    const story = '<p>The ferry operator said on Monday that fares would rise by twelve per cent from June.</p>'.repeat(
      3,
    );
    const { text } = htmlToText(
      `<body><article>${story}</article><article><p>Card one.</p></article><article><p>Card two.</p></article></body>`,
    );
    expect(text).not.toContain('Card');
    expect(text).toContain('The ferry operator');
  });

  it('reads an <article> inside a wrapper with a chrome-like class, unless another is not hidden', () => {
    expect(htmlToText('<body><div class="main-menu-content"><article><p>Story.</p></article></div></body>').text).toBe(
      'Story.',
    );
    expect(
      htmlToText(
        '<body><div class="has-sidebar"><main><p>Main story.</p><div class="share">Share</div></main></div></body>',
      ).text,
    ).toBe('Main story.');
    expect(
      htmlToText(
        '<body><article><p>The story.</p></article><div class="related"><article><p>A related card with more words in it.</p></article></div></body>',
      ).text,
    ).toBe('The story.');
    expect(htmlToText('<body><nav><article><p>Card.</p></article></nav><p>Page.</p></body>').text).toBe('Page.');
  });

  it('reads the element whose paragraphs hold most words on a page with no <article> or <main>', () => {
    const story = [1, 2, 3, 4].map(
      (i) => `<p>Paragraph ${i} of the story tells what the council decided and why it matters.</p>`,
    );
    const banner =
      '<div class="consent"><p>We and our partners store information on a device and process personal data.</p></div>';
    const foot =
      '<div class="site-foot"><p>Coast Media Ltd. Registered in Scotland. Regulated by the press regulator.</p></div>';
    const expected = [1, 2, 3, 4]
      .map((i) => `Paragraph ${i} of the story tells what the council decided and why it matters.`)
      .join('\n\n');
    expect(htmlToText(`<body>${banner}<div class="story-body">${story.join('')}</div>${foot}</body>`).text).toBe(
      expected,
    );
    // paragraphs that each sit in a wrapper are found whole, through the element above the wrappers
    const wrapped = story.map((p) => `<div class="para">${p}</div>`).join('');
    expect(htmlToText(`<body>${banner}<div class="story-body">${wrapped}</div>${foot}</body>`).text).toBe(expected);
    // a story cut in two by an inline ad is read whole, and the banner beside it is not
    const [a, b, c, d] = story;
    const split = `<div class="text">${a}${b}${c}</div><div class="ad-slot-x">Advert</div><div class="text">${d}</div>`;
    expect(htmlToText(`<body>${banner}<div class="story">${split}</div>${foot}</body>`).text).toBe(expected);
    // a page whose paragraphs are spread out is read whole
    expect(
      htmlToText(
        '<body><div><p>One line here.</p></div><div><p>Two line here.</p></div><div><p>Three.</p></div></body>',
      ).text,
    ).toBe('One line here.\n\nTwo line here.\n\nThree.');
  });

  it("reads schema.org's articleBody like an <article>, and skips what an inline style hides", () => {
    const page =
      '<body><div class="panel"><p>Subscribe to continue reading, with offers for new digital subscribers this month.</p></div>' +
      '<div class="asset-content subscriber-preview" itemprop="articleBody"><p>The water main burst.</p></div>' +
      '<div class="subscriber-only" style="display: none">U2FsdGVkX1+q8Jm3</div></body>';
    expect(htmlToText(page).text).toBe('The water main burst.');
    expect(htmlToText('<p>Shown.</p><p style="color:red; visibility: hidden !important">Hidden.</p>').text).toBe(
      'Shown.',
    );
  });

  it('skips run-together chrome classes such as "jp-relatedposts"', () => {
    expect(
      htmlToText(
        '<article><p>Story.</p><div id="jp-relatedposts"><p>Another post with a long title</p></div></article>',
      ).text,
    ).toBe('Story.');
  });

  it("takes the story's <h1> before a site name's <h1> in the page header", () => {
    const html =
      '<head><title>Headline | Herald</title></head><body><header><h1 id="site-title">The Herald</h1></header>' +
      '<article><header><h1 class="entry-title">Headline</h1></header><p>Story.</p></article></body>';
    expect(htmlToText(html).title).toBe('Headline');
    expect(htmlToText('<body><header><h1>Site</h1></header><p>Story.</p></body>').title).toBe('Site');
  });

  it('takes the headline that begins <title> when an <h1> in a header-classed block repeats it, never a site name', () => {
    const page = (title: string, h1: string): string =>
      `<head><title>${title}</title></head><body><div class="asset-header"><h1 class="headline">${h1}</h1></div>` +
      '<div class="main-content"><p>Story text.</p></div></body>';
    expect(
      htmlToText(
        page('Board votes to close the school | Local News | courier.example', 'Board votes to close the school'),
      ).title,
    ).toBe('Board votes to close the school');
    expect(
      htmlToText(page('Ferry fares to rise by 12% \u2014 The Island Times', 'Ferry fares to rise by 12%')).title,
    ).toBe('Ferry fares to rise by 12%');
    // a site name repeated in the header, or an <h1> the title does not split into, leaves <title> whole
    expect(htmlToText(page('Fares rise | The Island Times', 'The Island Times')).title).toBe(
      'Fares rise | The Island Times',
    );
    expect(htmlToText(page('Covid-19: what next', 'Covid-19')).title).toBe('Covid-19: what next');
  });

  it('skips inline chrome with a space and block chrome with a paragraph break', () => {
    expect(
      htmlToText('<p>Before <span class="social">Tweet</span>after.</p><div class="promo">Buy</div><p>Next.</p>').text,
    ).toBe('Before after.\n\nNext.');
  });

  it('returns text without tags unchanged apart from whitespace', () => {
    expect(htmlToText('Plain   text with no tags & a < b.')).toEqual({
      title: '',
      text: 'Plain text with no tags & a < b.',
    });
  });

  it('handles 20,000 nested <div> elements in one shallow pass', () => {
    const depth = 20_000;
    const html = `<body>${'<div class="x">'.repeat(depth)}Deep text${'</div>'.repeat(depth)}<p>After.</p></body>`;
    expect(htmlToText(html).text).toBe('Deep text\n\nAfter.');
  });

  it('handles 20,000 unmatched end tags inside a skipped region', () => {
    const depth = 20_000;
    const html = `<body><nav>${'<div>'.repeat(depth)}menu${'</span>'.repeat(depth)}</nav><p>Story.</p></body>`;
    expect(htmlToText(html).text).toBe('Story.');
  });

  it('turns a parser failure into malformed-html', () => {
    const spy = jest.spyOn(Tokenizer.prototype, 'write').mockImplementation(() => {
      throw new Error('boom');
    });
    try {
      expect(() => htmlToText('<p>x</p>')).toThrow(ArticleRejectedError);
      expect(() => htmlToText('<p>x</p>')).toThrow(expect.objectContaining({ code: 'malformed-html' }));
    } finally {
      spy.mockRestore();
    }
  });
});
