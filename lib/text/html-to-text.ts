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
 * A token matches a whole word of the class or id split at non-alphanumerics.
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
}

/** True when an element is hidden or is page chrome by its attributes. */
function isChrome(name: string, attribs: Record<string, string>): boolean {
  if (attribs['hidden'] !== undefined || attribs['aria-hidden'] === 'true') return true;
  const role = attribs['role'];
  if (role !== undefined && SKIP_ROLES.has(role.trim().toLowerCase())) return true;
  if (NO_TOKEN_SKIP.has(name)) return false;
  return hasSkipToken(attribs['class']) || hasSkipToken(attribs['id']);
}

/** True when a class/id value contains one of SKIP_TOKENS as a whole word. */
function hasSkipToken(value: string | undefined): boolean {
  if (value === undefined || value === '') return false;
  for (const token of value.toLowerCase().split(/[^a-z0-9]+/)) {
    if (SKIP_TOKENS.has(token)) return true;
  }
  return false;
}

/** Effects an open element has on the walk, undone when it closes. */
const SKIP = 1;
const ARTICLE = 2;
const MAIN = 4;
const TITLE = 8;
const H1 = 16;
const FOREIGN = 32;

/**
 * Extracts the title and story text of an HTML page in one streaming pass:
 * text of `<article>` elements if any, else `<main>`, else the whole body, without page chrome.
 */
export function htmlToText(html: string): { title: string; text: string } {
  const article = new TextSink();
  const main = new TextSink();
  const all = new TextSink();
  // htmlparser2's Parser keeps its element stack with unshift/shift, which is quadratic in
  // nesting depth (seconds for 100k nested divs), so we drive its Tokenizer and keep our own
  // push/pop stack plus per-name open counts: unmatched end tags are dropped in O(1).
  const names: string[] = [];
  const effects: number[] = [];
  const openCount = new Map<string, number>();
  let skip = 0;
  let inArticle = 0;
  let inMain = 0;
  let inTitle = 0;
  let inH1 = 0;
  let foreign = 0;
  let titleText = '';
  let h1Text = '';
  let titleDone = false;
  let h1Done = false;
  let ogTitle = '';
  let tagName = '';
  let attribs: Record<string, string> = {};
  let attribName = '';
  let attribValue = '';

  const breakAll = (kind: 1 | 2): void => {
    all.lineBreak(kind);
    main.lineBreak(kind);
    article.lineBreak(kind);
  };
  const addText = (data: string): void => {
    if (inTitle > 0) titleText += data;
    if (inH1 > 0) h1Text += data;
    if (skip > 0) return;
    all.add(data);
    if (inMain > 0) main.add(data);
    if (inArticle > 0) article.add(data);
  };
  // A skipped element still separates its neighbours: a paragraph break if it is a block, else a space.
  const separate = (name: string): void => {
    if (BLOCK_TAGS.has(name) || SKIP_TAGS.has(name)) {
      breakAll(2);
    } else {
      all.space();
      main.space();
      article.space();
    }
  };
  const pop = (): void => {
    const name = names.pop();
    const fx = effects.pop() ?? 0;
    if (name === undefined) return;
    openCount.set(name, (openCount.get(name) ?? 1) - 1);
    if (fx & ARTICLE) inArticle--;
    if (fx & MAIN) inMain--;
    if (fx & FOREIGN) foreign--;
    if (fx & TITLE) {
      inTitle--;
      titleDone = titleText.trim() !== '';
    }
    if (fx & H1) {
      inH1--;
      h1Done = h1Text.trim() !== '';
    }
    if (fx & SKIP) {
      skip--;
      if (skip === 0) separate(name);
    } else if (skip === 0 && BLOCK_TAGS.has(name)) {
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
    if (name === 'h1' && !h1Done) fx |= H1;
    if (skip === 0) {
      if (SKIP_TAGS.has(name) || isChrome(name, attribs)) {
        fx |= SKIP;
        separate(name);
      } else {
        if (name === 'article') fx |= ARTICLE;
        if (name === 'main') fx |= MAIN;
        if (name === 'br') breakAll(1);
        else if (BLOCK_TAGS.has(name)) breakAll(2);
      }
    }
    // Void elements have no content; self-closing only counts in SVG/MathML, as in browsers.
    if (VOID_TAGS.has(name) || (selfClosing && (foreign > 0 || (fx & FOREIGN) !== 0))) {
      if (fx & SKIP && skip === 0 && BLOCK_TAGS.has(name)) breakAll(2);
      return;
    }
    if (fx & ARTICLE) inArticle++;
    if (fx & MAIN) inMain++;
    if (fx & FOREIGN) foreign++;
    if (fx & TITLE) inTitle++;
    if (fx & H1) inH1++;
    if (fx & SKIP) skip++;
    names.push(name);
    effects.push(fx);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  };
  const close = (name: string): void => {
    if (VOID_TAGS.has(name)) {
      // Browsers read a stray </br> as <br>.
      if (name === 'br' && skip === 0) breakAll(1);
      return;
    }
    if ((openCount.get(name) ?? 0) === 0) {
      // A stray </p> is an empty paragraph; other unmatched end tags are ignored.
      if (name === 'p' && skip === 0) breakAll(2);
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

  const articleText = article.toString();
  const mainText = main.toString();
  const text = articleText !== '' ? articleText : mainText !== '' ? mainText : all.toString();
  // the page's own headline before <title>, which sites suffix with their name or leave generic
  const title = collapse(ogTitle) || collapse(h1Text) || collapse(titleText);
  return { title, text };
}

/** Collapses whitespace runs to one space and trims. */
function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
