/** Typographic variants mapped to one spelling, so copies set in different type still match. */

/** The characters of the regex class \s: ECMAScript WhiteSpace (with Unicode Zs) and LineTerminator. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Collapses whitespace runs to one space and trims. */
export function collapseSpaces(text: string): string {
  // Most normalised lines need nothing: check in one scan and leave the regex to the rest.
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) && (c !== 32 || i === 0 || i === last || isSpace(text.charCodeAt(i + 1))))
      return text.replace(/\s+/g, ' ').trim();
  }
  return text;
}

/**
 * Maps typographic variants to one spelling so copies match: curly and TeX-style quotes to
 * straight ones, dashes to '-', unusual spaces and control characters to ' ', '…' to '...';
 * soft hyphens and zero-width characters are dropped. One pass, copying unchanged runs as slices.
 */
export function normalizeTypography(text: string): string {
  let out = '';
  let copyFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let replacement: string | undefined;
    let skip = 1;
    if (code === 0x60 || code === 0x27) {
      // Wire copy writes ``quotes'' in TeX style; a lone backtick is an apostrophe.
      const doubled = text.charCodeAt(i + 1) === code;
      if (doubled) {
        replacement = '"';
        skip = 2;
      } else if (code === 0x60) {
        replacement = "'";
      }
    } else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      replacement = ' ';
    } else if (code >= 0xa0) {
      replacement = replaceWide(code);
    }
    if (replacement === undefined) continue;
    out += text.slice(copyFrom, i) + replacement;
    i += skip - 1;
    copyFrom = i + 1;
  }
  return copyFrom === 0 ? text : out + text.slice(copyFrom);
}

/** Replacement for a non-ASCII character, or undefined to keep it. */
export function replaceWide(code: number): string | undefined {
  switch (code) {
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
      return "'";
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
    case 0x00ab:
    case 0x00bb:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xfe58:
    case 0xfe63:
    case 0xff0d:
      return '-';
    case 0x2026:
      return '...';
    case 0x00ad:
    case 0x200b:
    case 0x200c:
    case 0x200d:
    case 0x2060:
    case 0xfeff:
      return '';
    case 0x00a0:
    case 0x1680:
    case 0x202f:
    case 0x205f:
    case 0x3000:
    case 0x2028:
    case 0x2029:
      return ' ';
    default:
      return code >= 0x2000 && code <= 0x200a ? ' ' : undefined;
  }
}
