import { ArticleRejectedError } from '../errors';

/** Above this share of control or replacement characters the bytes are not text. */
const MAX_CONTROL_RATIO = 0.1;

/**
 * Windows-1252 code points for bytes 0x80..0x9F; the rest of the byte range is Latin-1.
 * Node 20's TextDecoder('windows-1252') decodes this range as C1 controls (Latin-1),
 * so the smart quotes, dashes and euro sign of legacy files need this table.
 * Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined and stay C1 controls, as in WHATWG.
 */
const CP1252_HIGH = Uint16Array.from([
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d,
  0x017e, 0x0178,
]);

/** Decodes the bytes of an uploaded text file to NFC text with `\n` line ends, rejecting empty, oversized and binary input. */
export function decodeText(bytes: Uint8Array, maxBytes: number): string {
  if (bytes.length === 0) throw new ArticleRejectedError('empty', 'The file is empty (0 bytes).');
  if (bytes.length > maxBytes) {
    throw new ArticleRejectedError('too-large', `The file has ${bytes.length} bytes; the limit is ${maxBytes} bytes.`);
  }
  const decoded = decodeBytes(bytes);
  if (controlRatio(decoded) > MAX_CONTROL_RATIO) {
    throw new ArticleRejectedError('binary', 'The file looks binary: too many control or undecodable characters.');
  }
  return decoded.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** Picks the encoding from the BOM, else UTF-8 (with replacement when mostly valid), else Windows-1252. */
function decodeBytes(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      // The decoder strips the BOM itself.
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch (cause) {
      throw new ArticleRejectedError(
        'bad-encoding',
        `The file starts with a ${encoding} byte-order mark but is not valid ${encoding}.`,
        { cause },
      );
    }
  }
  if (bytes.indexOf(0) !== -1) {
    throw new ArticleRejectedError('binary', 'The file contains NUL bytes and has no UTF-16 byte-order mark.');
  }
  try {
    // ignoreBOM: false (the default) drops a UTF-8 BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (mostlyUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
    if (highByteShare(bytes) > MAX_HIGH_BYTE_SHARE) {
      throw new ArticleRejectedError(
        'bad-encoding',
        'The file is neither UTF-8 nor mostly ASCII: its single-byte encoding (Cyrillic, Greek...) is not one we read, or it is not text. Save it as UTF-8.',
      );
    }
    return decodeWindows1252(bytes);
  }
}

/**
 * Text in Windows-1252 is mostly ASCII: accented letters are a few per cent of a French or German
 * text, a tenth of an Icelandic one. A file whose bytes are mostly above 0x7F is in another
 * single-byte encoding (read as Windows-1252 it would be mojibake) or is not text at all.
 */
const MAX_HIGH_BYTE_SHARE = 0.3;

function highByteShare(bytes: Uint8Array): number {
  let high = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) high++;
  return high / bytes.length;
}

/**
 * Bytes that are not strictly UTF-8 are still read as UTF-8 (each invalid sequence becoming
 * U+FFFD) when its valid multi-byte sequences outnumber the invalid ones. Windows-1252 text almost
 * never forms a valid UTF-8 sequence by chance (a lead byte like é followed by a symbol in
 * 0x80..0xBF): of 23,933 articles of shared/corpora/news-background with non-ASCII text,
 * re-encoded as Windows-1252, 0.006% of the non-ASCII sequences were valid UTF-8, and the 5 files
 * this rule reads as UTF-8 held mojibake (UTF-8 already misread as Windows-1252) that UTF-8
 * decoding repairs. A UTF-8 file with a stray byte or a cut character is the opposite: nearly all
 * its sequences are valid, while an article may hold only a few (four curly quotes and one bad
 * byte must stay UTF-8), so a stricter share would misread short ones. A file mixing both
 * encodings has no right reading; the rule follows the larger part.
 */
export function mostlyUtf8(bytes: Uint8Array): boolean {
  const { valid, invalid } = countUtf8Sequences(bytes);
  return valid > invalid;
}

/** Valid multi-byte UTF-8 sequences and invalid bytes of a buffer, by the ranges of RFC 3629 (no overlongs, surrogates or code points past U+10FFFF). */
export function countUtf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = bytes.length;
  for (let i = 0; i < n;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // length of the sequence and the allowed range of its second byte
    let len = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    }
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) {
      const c = bytes[i + k]!;
      ok = k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf;
    }
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** Code units converted per String.fromCharCode call: well under engine argument limits. */
const CHUNK = 8192;

/** Decodes Windows-1252 through a code-unit buffer, one pass and no per-byte strings. */
function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    units[i] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b;
  }
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += CHUNK) parts.push(String.fromCharCode(...units.subarray(i, i + CHUNK)));
  return parts.join('');
}

/** Share of characters that are C0/C1 controls (other than tab, line feed, form feed, carriage return) or U+FFFD. */
function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || (c >= 0x7f && c <= 0x9f))
      bad++;
  }
  return bad / text.length;
}
