/** Characters that could end a text node or an attribute value, with their character references. */
const REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const SPECIAL = /[&<>"']/g;

/** Escapes & < > " ' so any string is safe as element text and inside a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (c) => REFERENCES[c]!);
}

/** What `html` accepts between its literal parts: text and numbers are escaped, SafeHtml is kept. */
export type HtmlValue = string | number | SafeHtml | readonly SafeHtml[];

/**
 * Markup known to be safe. Its constructor is private: the only ways to make one are the `html`
 * template (which escapes every interpolated value) and `join`, so input text cannot become markup.
 */
export class SafeHtml {
  private constructor(readonly value: string) {}

  /** Tagged template: literal parts are trusted markup written in this codebase, every value is escaped. */
  static html(literals: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
    let out = literals[0] ?? '';
    for (let i = 0; i < values.length; i++) out += SafeHtml.render(values[i]!) + (literals[i + 1] ?? '');
    return new SafeHtml(out);
  }

  /** Safe pieces joined by a separator that is itself escaped. */
  static join(parts: readonly SafeHtml[], separator = ''): SafeHtml {
    return new SafeHtml(parts.map((p) => p.value).join(escapeHtml(separator)));
  }

  private static render(v: HtmlValue): string {
    if (v instanceof SafeHtml) return v.value;
    if (typeof v === 'string') return escapeHtml(v);
    if (typeof v === 'number') return escapeHtml(String(v));
    return v.map((p) => p.value).join('');
  }
}

/** `SafeHtml.html` under a short name, for building pages. */
export const html = SafeHtml.html;

/** Nothing may load or run: a page only shows text and links, so even a missed escape could not execute. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/**
 * The opening of a self-contained page up to its body: the strict CSP, no referrer (so a presigned
 * URL never leaks through a link), the title (escaped) and the page's inline style.
 */
export function pageHead(title: string, style: SafeHtml): SafeHtml {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${style}
</head>`;
}
