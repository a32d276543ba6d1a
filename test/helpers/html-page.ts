import { DomUtils, parseDocument } from 'htmlparser2';

/** An element node (htmlparser2's DOM type, named without importing its transitive domhandler package). */
export type Element = ReturnType<typeof DomUtils.findAll>[number];

/** Every element renderReportHtml writes itself; anything else on a page came from input. */
const OWN_ELEMENTS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'header',
  'main',
  'footer',
  'section',
  'details',
  'summary',
  'h1',
  'h2',
  'h3',
  'p',
  'strong',
  'code',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ins',
  'del',
  'mark',
  's',
  'a',
  'br',
  'span',
  'div',
]);
/** Every attribute it writes. */
const OWN_ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'id', 'scope', 'href']);

/** A page parsed as a browser-like tokenizer reads it (htmlparser2, entities decoded). */
export interface ParsedPage {
  readonly elements: readonly Element[];
  /** Elements by tag name. */
  byTag(name: string): Element[];
  /** Decoded text content of an element. */
  textOf(element: Element): string;
}

/** Parses a rendered page. */
export function parsePage(page: string): ParsedPage {
  const doc = parseDocument(page);
  const elements = DomUtils.findAll(() => true, doc.children);
  return {
    elements,
    byTag: (name) => elements.filter((e) => e.name === name),
    textOf: (e) => DomUtils.textContent(e),
  };
}

/**
 * What of a page could act rather than show: elements and attributes the renderer never writes
 * (a <script>, an <img>, any on* handler...). Empty when nothing of the input became markup.
 */
export function foreignMarkup(page: string): string[] {
  const problems: string[] = [];
  for (const e of parsePage(page).elements) {
    if (!OWN_ELEMENTS.has(e.name)) problems.push(`element <${e.name}>`);
    for (const a of Object.keys(e.attribs))
      if (!OWN_ATTRIBUTES.has(a) || a.startsWith('on')) problems.push(`attribute ${a} on <${e.name}>`);
    // the renderer links reports to reports only: relative paths ending in .html, never a scheme or host
    const href = e.attribs['href'];
    if (href !== undefined && !/^(?:\.\/|(?:\.\.\/)+)[^:]*\.html$/.test(href))
      problems.push(`href ${href} on <${e.name}>`);
  }
  return problems;
}
