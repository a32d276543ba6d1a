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
