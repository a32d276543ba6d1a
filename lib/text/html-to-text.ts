import { Tokenizer } from 'htmlparser2';
import { ArticleRejectedError } from '../errors';

/** Elements whose content is never story text. */
const SKIP_TAGS = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'figcaption',
]);

/** Elements that end a paragraph before and after their content. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Elements without content or close tag. */
const VOID_TAGS = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Open elements that a start tag closes implicitly (HTML's optional end tags, as htmlparser2's Parser does). */
const P_ONLY = new Set(['p']);
const IMPLIED_CLOSE = new Map<string, ReadonlySet<string>>([
  ['p', P_ONLY],
  ['h1', P_ONLY],
  ['h2', P_ONLY],
  ['h3', P_ONLY],
  ['h4', P_ONLY],
  ['h5', P_ONLY],
  ['h6', P_ONLY],
  ['address', P_ONLY],
  ['article', P_ONLY],
  ['aside', P_ONLY],
  ['blockquote', P_ONLY],
  ['details', P_ONLY],
  ['div', P_ONLY],
  ['dl', P_ONLY],
  ['fieldset', P_ONLY],
  ['figcaption', P_ONLY],
  ['figure', P_ONLY],
  ['footer', P_ONLY],
  ['form', P_ONLY],
  ['header', P_ONLY],
  ['hr', P_ONLY],
  ['main', P_ONLY],
  ['nav', P_ONLY],
  ['ol', P_ONLY],
  ['pre', P_ONLY],
  ['section', P_ONLY],
  ['table', P_ONLY],
  ['ul', P_ONLY],
  ['li', new Set(['li'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['tr', new Set(['tr', 'th', 'td'])],
  ['td', new Set(['th', 'td'])],
  ['th', new Set(['th', 'td'])],
  ['option', new Set(['option'])],
  ['body', new Set(['head'])],
]);

/** ARIA roles of page chrome around the story. */
const SKIP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary']);

/**
 * Class/id tokens of page chrome: the general readability-style heuristic
 * (navigation, sharing, related links, comments, ads, consent and sign-up boxes).
 * A token matches a whole word of the class or id split at non-alphanumerics (or, for the
 * longer ones, its start: SKIP_PREFIX).
 */
const SKIP_TOKENS = new Set([
  'nav',
  'navbar',
  'menu',
  'share',
  'sharing',
  'social',
  'related',
  'comment',
  'comments',
  'promo',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'cookie',
  'cookies',
  'newsletter',
  'subscribe',
  'breadcrumb',
  'breadcrumbs',
  'sidebar',
  'footer',
  'header',
]);

/** Containers never skipped for their class/id: a body class like "has-sidebar" must not hide the page. */
const NO_TOKEN_SKIP = new Set(['html', 'body', 'main', 'article']);

/** Collects text with collapsed spaces and pending paragraph breaks, so breaks never pile up. */
class TextSink {
  private readonly parts: string[] = [];
  private started = false;
  private pendingSpace = false;
  /** 0 none, 1 line break, 2 paragraph break. */
  private pendingBreak = 0;

  add(text: string): void {
    const collapsed = text.replace(/\s+/g, ' ');
    if (collapsed === ' ' || collapsed === '') {
      if (collapsed === ' ') this.pendingSpace = true;
      return;
    }
    const leading = collapsed.charCodeAt(0) === 32;
    const trailing = collapsed.charCodeAt(collapsed.length - 1) === 32;
    const core = collapsed.slice(leading ? 1 : 0, trailing ? collapsed.length - 1 : collapsed.length);
    if (this.started) {
      if (this.pendingBreak > 0) this.parts.push(this.pendingBreak === 2 ? '\n\n' : '\n');
      else if (this.pendingSpace || leading) this.parts.push(' ');
    }
    this.parts.push(core);
    this.started = true;
    this.pendingBreak = 0;
    this.pendingSpace = trailing;
  }

  space(): void {
    this.pendingSpace = true;
  }

  lineBreak(kind: 1 | 2): void {
    if (kind > this.pendingBreak) this.pendingBreak = kind;
  }

  toString(): string {
    return this.parts.join('');
  }

  /** Where the text written from now on starts (see slice). */
  mark(): number {
    return this.parts.length;
  }

  /** The text written between two marks (to the end when `to` is undefined). */
  slice(from: number, to?: number): string {
    return this.parts.slice(from, to).join('').trim();
  }
}

/**
 * Where a page with no <article> or <main> story keeps it: the element whose <p> children hold
 * the most words, as readability-style extractors find it. A paragraph's words count for its
 * parent and half for the element above that, so a story whose paragraphs each sit in a wrapper
 * <div> is found whole. Elements are numbered in document order; marks are the page sink's.
 */
class ParagraphDensity {
  private readonly parentOf: number[] = [];
  /** Tag and class of each element: the blocks of one split story are alike. */
  private readonly kinds: string[] = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly words: number[] = [];
  /** Page words read before the element opened, and before it closed. */
  private readonly totalAtEnter: number[] = [];
  private readonly totalAtLeave: number[] = [];
  /** The same for words inside <p> elements. */
  private readonly paragraphWordsAtEnter: number[] = [];
  private readonly paragraphWordsAtLeave: number[] = [];
  private paragraphWords = 0;
  private readonly open: number[] = [];
  private readonly paragraphs: number[] = [];
  /** Words of page text read so far, inside a <p> or not. */
  private total = 0;

  enter(mark: number, name: string, className: string | undefined): void {
    const id = this.from.length;
    this.parentOf.push(this.open.length > 0 ? this.open[this.open.length - 1]! : -1);
    this.kinds.push(className === undefined ? name : `${name}.${className}`);
    this.from.push(mark);
    this.to.push(-1);
    this.words.push(0);
    this.totalAtEnter.push(this.total);
    this.totalAtLeave.push(-1);
    this.paragraphWordsAtEnter.push(this.paragraphWords);
    this.paragraphWordsAtLeave.push(-1);
    this.open.push(id);
    // a paragraph in a list item belongs to a list (teasers, links), not to a story
    const parentKind = this.kinds[this.parentOf[id]!] ?? '';
    if (name === 'p' && parentKind !== 'li' && !parentKind.startsWith('li.')) this.paragraphs.push(id);
  }

  leave(mark: number): void {
    const id = this.open.pop();
    if (id === undefined) return;
    this.to[id] = mark;
    this.totalAtLeave[id] = this.total;
    this.paragraphWordsAtLeave[id] = this.paragraphWords;
    if (this.paragraphs[this.paragraphs.length - 1] === id) this.paragraphs.pop();
  }

  /** Words of page text read now; those inside a <p> count for its parent and the element above. */
  read(words: number): void {
    this.total += words;
    if (this.paragraphs.length === 0 || words === 0) return;
    this.paragraphWords += words;
    const parent = this.parentOf[this.paragraphs[this.paragraphs.length - 1]!]!;
    if (parent < 0) return;
    this.words[parent]! += words;
    const above = this.parentOf[parent]!;
    if (above >= 0) this.words[above]! += words / 2;
  }

  /**
   * The densest element's text, when it holds at least MIN_DENSEST_SHARE of the page's words
   * (else the story is spread out, or not in <p> at all, and the whole page is read).
   */
  story(page: TextSink): string | undefined {
    let best = -1;
    for (let id = 0; id < this.words.length; id++) if (best < 0 || this.words[id]! > this.words[best]!) best = id;
    if (best < 0 || this.words[best] === 0) return undefined;
    // a story cut by an inline ad or figure into sibling blocks is read whole: the parent is taken
    // while another of its children of the same tag and class holds a quarter of the paragraph
    // words this one does (a cookie banner or footer beside the story is not alike)
    for (let climbs = 0; climbs < MAX_CLIMBS; climbs++) {
      const parent = this.parentOf[best]!;
      if (parent < 0) break;
      let sibling = 0;
      for (let id = parent + 1; id < this.parentOf.length; id++)
        if (id !== best && this.parentOf[id] === parent && this.kinds[id] === this.kinds[best])
          sibling = Math.max(sibling, this.inside(id, true));
      if (sibling < SIBLING_SHARE * this.inside(best, true)) break;
      best = parent;
    }
    if (this.inside(best, false) < MIN_DENSEST_SHARE * this.total) return undefined;
    const text = page.slice(this.from[best]!, this.to[best]! < 0 ? undefined : this.to[best]);
    return text === '' ? undefined : text;
  }

  /** Words inside an element: of its paragraphs, or all. */
  private inside(id: number, paragraphs: boolean): number {
    const [enter, leave, now] = paragraphs
      ? [this.paragraphWordsAtEnter, this.paragraphWordsAtLeave, this.paragraphWords]
      : [this.totalAtEnter, this.totalAtLeave, this.total];
    return (leave[id]! < 0 ? now : leave[id]!) - enter[id]!;
  }
}

/** How many levels above the densest element a story split into sibling blocks is looked for. */
const MAX_CLIMBS = 3;
/** Paragraph words a sibling block must hold, as a share of the densest element's, to be the story's too. */
const SIBLING_SHARE = 0.25;

/** Share of the page's words the densest element must hold to be read alone. */
const MIN_DENSEST_SHARE = 0.4;

/** An inline style that hides the element (a paywalled page's encrypted full text, say). */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** schema.org's mark of the story's body, on a page that does not use <article> for it. */
const ARTICLE_BODY = /(?:^|\s)articleBody(?:\s|$)/;

/** True when an element is hidden or is page chrome by its ARIA role. */
function isHiddenOrChromeRole(attribs: Record<string, string>): boolean {
  if (attribs['hidden'] !== undefined || attribs['aria-hidden'] === 'true') return true;
  const style = attribs['style'];
  if (style !== undefined && HIDDEN_STYLE.test(style)) return true;
  const role = attribs['role'];
  return role !== undefined && SKIP_ROLES.has(role.trim().toLowerCase());
}

/** True when an element's class or id names page chrome (never html, body, main, article or a story's body). */
function isChromeByName(name: string, attribs: Record<string, string>): boolean {
  if (NO_TOKEN_SKIP.has(name) || ARTICLE_BODY.test(attribs['itemprop'] ?? '')) return false;
  return hasSkipToken(attribs['class']) || hasSkipToken(attribs['id']);
}

/** True when a class/id value contains one of SKIP_TOKENS as a whole word. */
function hasSkipToken(value: string | undefined): boolean {
  if (value === undefined || value === '') return false;
  for (const token of value.toLowerCase().split(/[^a-z0-9]+/)) {
    if (SKIP_TOKENS.has(token) || SKIP_PREFIX.test(token)) return true;
  }
  return false;
}

/**
 * Chrome words that also start run-together tokens ("relatedposts", "socialshare",
 * "newslettersignup"): long enough that no story's class begins with them ("comment" does:
 * "commentary", and "subscribe" "subscriber-only", the paid story's own).
 */
const SKIP_PREFIX = /^(?:related|sharing|social|newsletter|breadcrumb|sidebar|cookie|advert)[a-z0-9]/;

/** Effects an open element has on the walk, undone when it closes. */
const SKIP = 1;
const ARTICLE = 2;
const MAIN = 4;
const TITLE = 8;
const H1 = 16;
const FOREIGN = 32;
/** Skipped by its tag, role or hidden state (not only by a chrome-like class or id). */
const HARD = 64;

/**
 * Text of one content element (an outermost `<article>` or `<main>`). `base` is the number of
 * skipping elements open around it: its text is what is read while no further one is open.
 * `weak`: a chrome-like class or id around it (and nothing stronger) would have hidden it, as
 * layout wrappers such as "has-sidebar" or "main-menu-content" do.
 */
interface ContentSink {
  readonly sink: TextSink;
  readonly base: number;
  readonly weak: boolean;
}

/**
 * Extracts the title and story text of an HTML page in one streaming pass: the text of the page's
 * `<article>` if any, else `<main>`, else the whole body, without page chrome. Of several
 * `<article>` elements (teaser cards, a story among related cards) the largest is the story only
 * when it holds more words than all the others together; otherwise the story is elsewhere and
 * `<main>` or the body is read. An `<article>` or `<main>` is the page's declared content, so a
 * chrome-like class or id on an element around it does not hide it, unless a page has another
 * that nothing hides.
 */
export function htmlToText(html: string): { title: string; text: string } {
  const all = new TextSink();
  const density = new ParagraphDensity();
  const articles: ContentSink[] = [];
  const mains: ContentSink[] = [];
  let article: ContentSink | undefined;
  let main: ContentSink | undefined;
  // htmlparser2's Parser keeps its element stack with unshift/shift, which is quadratic in
  // nesting depth (seconds for 100k nested divs), so we drive its Tokenizer and keep our own
  // push/pop stack plus per-name open counts: unmatched end tags are dropped in O(1).
  const names: string[] = [];
  const effects: number[] = [];
  const openCount = new Map<string, number>();
  let skip = 0;
  let hardSkip = 0;
  let inArticle = 0;
  let inMain = 0;
  let inTitle = 0;
  let inH1 = 0;
  let foreign = 0;
  let titleText = '';
  let titleDone = false;
  // the first <h1> inside an <article>, outside page chrome, and anywhere
  const h1 = { article: '', content: '', any: '' };
  let h1Kind: 'article' | 'content' | 'any' = 'any';
  let ogTitle = '';
  let tagName = '';
  let attribs: Record<string, string> = {};
  let attribName = '';
  let attribValue = '';

  // the sinks reading at the current depth of skipping get each piece (no array per call: hot path)
  const breakAll = (kind: 1 | 2): void => {
    if (skip === 0) all.lineBreak(kind);
    if (article && skip === article.base) article.sink.lineBreak(kind);
    if (main && skip === main.base) main.sink.lineBreak(kind);
  };
  const space = (): void => {
    if (skip === 0) all.space();
    if (article && skip === article.base) article.sink.space();
    if (main && skip === main.base) main.sink.space();
  };
  const addText = (data: string): void => {
    if (inTitle > 0) titleText += data;
    if (inH1 > 0) h1[h1Kind] += data;
    if (skip === 0) {
      all.add(data);
      density.read(countWords(data));
    }
    if (article && skip === article.base) article.sink.add(data);
    if (main && skip === main.base) main.sink.add(data);
  };
  // A skipped element still separates its neighbours: a paragraph break if it is a block, else a space.
  const separate = (name: string): void => {
    if (BLOCK_TAGS.has(name) || SKIP_TAGS.has(name)) breakAll(2);
    else space();
  };
  const pop = (): void => {
    const name = names.pop();
    const fx = effects.pop() ?? 0;
    if (name === undefined) return;
    density.leave(all.mark());
    openCount.set(name, (openCount.get(name) ?? 1) - 1);
    if (fx & ARTICLE && --inArticle === 0) article = undefined;
    if (fx & MAIN && --inMain === 0) main = undefined;
    if (fx & FOREIGN) foreign--;
    if (fx & TITLE) {
      inTitle--;
      titleDone = titleText.trim() !== '';
    }
    if (fx & H1) inH1--;
    if (fx & SKIP) {
      skip--;
      if (fx & HARD) hardSkip--;
      separate(name);
    } else if (BLOCK_TAGS.has(name)) {
      breakAll(2);
    }
  };
  const open = (selfClosing: boolean): void => {
    const name = tagName;
    const closes = IMPLIED_CLOSE.get(name);
    if (closes !== undefined) {
      while (names.length > 0 && closes.has(names[names.length - 1] ?? '')) pop();
    }
    if (name === 'meta' && ogTitle === '' && (attribs['property'] ?? attribs['name']) === 'og:title') {
      ogTitle = attribs['content'] ?? '';
    }
    let fx = 0;
    if (name === 'svg' || name === 'math') fx |= FOREIGN;
    if (name === 'title' && foreign === 0 && !titleDone) fx |= TITLE;
    if (name === 'h1' && inH1 === 0) {
      h1Kind = article !== undefined ? 'article' : skip === 0 ? 'content' : 'any';
      if (h1[h1Kind].trim() === '') {
        h1[h1Kind] = '';
        fx |= H1;
      }
    }
    // every element is judged, even inside skipped ones: an <article> inside a layout wrapper
    // with a chrome-like class is still read, and only the skips around it decide how
    if (SKIP_TAGS.has(name) || isHiddenOrChromeRole(attribs)) fx |= SKIP | HARD;
    else if (isChromeByName(name, attribs)) fx |= SKIP;
    if (fx & SKIP) separate(name);
    else {
      const isArticle = name === 'article' || ARTICLE_BODY.test(attribs['itemprop'] ?? '');
      if (isArticle && inArticle === 0 && hardSkip === 0) {
        article = { sink: new TextSink(), base: skip, weak: skip > 0 };
        articles.push(article);
      }
      if (isArticle) fx |= ARTICLE;
      if (name === 'main' && inMain === 0 && hardSkip === 0) {
        main = { sink: new TextSink(), base: skip, weak: skip > 0 };
        mains.push(main);
      }
      if (name === 'main') fx |= MAIN;
      if (name === 'br') breakAll(1);
      else if (BLOCK_TAGS.has(name)) breakAll(2);
    }
    // Void elements have no content; self-closing only counts in SVG/MathML, as in browsers.
    if (VOID_TAGS.has(name) || (selfClosing && (foreign > 0 || (fx & FOREIGN) !== 0))) {
      if (fx & SKIP && BLOCK_TAGS.has(name)) breakAll(2);
      if (fx & ARTICLE && inArticle === 0) article = undefined;
      if (fx & MAIN && inMain === 0) main = undefined;
      return;
    }
    if (fx & ARTICLE) inArticle++;
    if (fx & MAIN) inMain++;
    if (fx & FOREIGN) foreign++;
    if (fx & TITLE) inTitle++;
    if (fx & H1) inH1++;
    if (fx & SKIP) skip++;
    if (fx & HARD) hardSkip++;
    names.push(name);
    effects.push(fx);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    density.enter(all.mark(), name, attribs['class']);
  };
  const close = (name: string): void => {
    if (VOID_TAGS.has(name)) {
      // Browsers read a stray </br> as <br>.
      if (name === 'br') breakAll(1);
      return;
    }
    if ((openCount.get(name) ?? 0) === 0) {
      // A stray </p> is an empty paragraph; other unmatched end tags are ignored.
      if (name === 'p') breakAll(2);
      return;
    }
    // Each element is pushed once and popped once, so these pops are linear overall.
    while (names.length > 0) {
      const top = names[names.length - 1];
      pop();
      if (top === name) return;
    }
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tagName = html.slice(start, end).toLowerCase();
        // No prototype: an attribute named __proto__ must stay an ordinary key.
        attribs = Object.create(null) as Record<string, string>;
      },
      onattribname(start, end) {
        attribName = html.slice(start, end).toLowerCase();
        attribValue = '';
      },
      onattribdata(start, end) {
        attribValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        attribValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (attribs[attribName] === undefined) attribs[attribName] = attribValue;
      },
      onopentagend() {
        open(false);
      },
      onselfclosingtag() {
        open(true);
      },
      onclosetag(start, end) {
        close(html.slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        addText(html.slice(start, end));
      },
      ontextentity(codepoint) {
        addText(String.fromCodePoint(codepoint));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  try {
    tokenizer.write(html);
    tokenizer.end();
  } catch (cause) {
    throw new ArticleRejectedError('malformed-html', 'The HTML could not be parsed.', { cause });
  }

  const page = all.toString();
  const pageWords = countWords(page);
  const text = storyOf(articles, pageWords) ?? storyOf(mains, pageWords) ?? density.story(all) ?? page;
  // the page's own headline before <title>, which sites suffix with their name or leave generic;
  // an <h1> in page chrome (a site name in the header) only when nothing else names the page
  const title =
    collapse(ogTitle) ||
    collapse(h1.article) ||
    collapse(h1.content) ||
    headlineInTitle(collapse(titleText), collapse(h1.any)) ||
    collapse(titleText) ||
    collapse(h1.any);
  return { title, text };
}

/** What separates a headline from the site and section names in a <title>. */
const TITLE_SEPARATOR = /\s+[|\-\u2013\u2014\u00bb:·•]+\s+/;

/**
 * The headline of a <title> ("Story | Local News | Site") when an <h1> in a chrome-like block (a
 * "header" class around the headline) repeats its first part, and that part has more words than
 * the others together: a site name repeated in the page header is neither.
 */
function headlineInTitle(title: string, h1: string): string {
  const parts = title.split(TITLE_SEPARATOR).map((p) => p.trim());
  if (h1 === '' || parts.length < 2 || parts[0]!.toLowerCase() !== h1.toLowerCase()) return '';
  const words = (s: string): number => s.split(' ').filter((w) => w !== '').length;
  return words(parts[0]!) > words(parts.slice(1).join(' ')) ? h1 : '';
}

/**
 * The story among content elements: those nothing hides if there are any, else those only a
 * chrome-like class or id around them hides. One is the story; of several, the largest when it
 * holds more words than the others together (a story among teaser cards or comments), else all
 * of them when together they hold half the page's words (the posts of a live blog), else none
 * (teaser cards: the story is elsewhere). Undefined when there is no story or it is empty.
 */
function storyOf(sinks: readonly ContentSink[], pageWords: number): string | undefined {
  const strong = sinks.filter((s) => !s.weak);
  const texts = (strong.length > 0 ? strong : sinks).map((s) => s.sink.toString()).filter((t) => t !== '');
  if (texts.length === 0) return undefined;
  if (texts.length === 1) return texts[0];
  const words = texts.map(countWords);
  const largest = words.indexOf(Math.max(...words));
  const total = words.reduce((a, b) => a + b, 0);
  if (words[largest]! * 2 > total) return texts[largest];
  return total * 2 >= pageWords ? texts.join('\n\n') : undefined;
}

function countWords(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) <= 32 && i > 0 && text.charCodeAt(i - 1) > 32) n++;
  return text.length > 0 && text.charCodeAt(text.length - 1) > 32 ? n + 1 : n;
}

/** Collapses whitespace runs to one space and trims. */
function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
