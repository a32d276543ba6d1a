/** Words that are links (URLs, addresses, handles, hashtags): many of them make a paragraph a link list. */
import { classesOf, LETTER } from './character-classes.js';
import { isSpace } from './typography.js';

/** Words of the line (pieces between spaces) that are links. */
export function countLinkWords(line: string): number {
  let links = 0;
  let wordStart = 0;
  let firstAt = -1;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : 32;
    if (c === 64 && firstAt === -1) firstAt = i;
    if (c !== 32) continue;
    if (isLinkWord(line, wordStart, i, firstAt)) links++;
    wordStart = i + 1;
    firstAt = -1;
  }
  return links;
}

/**
 * URL, email address, @handle or #hashtag: the word p[start,end) after leading ( < [, whose first
 * '@' is at firstAt (-1 for none). Char tests in place of regexes; the URL prefix is ASCII
 * case-insensitive and must be followed by a non-space, as /^(?:https?:\/\/|www\.)\S/i has it.
 */
function isLinkWord(p: string, start: number, end: number, firstAt: number): boolean {
  let s = start;
  while (s < end && isOpener(p.charCodeAt(s))) s++;
  const prefix = urlPrefixLength(p, s);
  if (prefix > 0 && s + prefix < end && !isSpace(p.charCodeAt(s + prefix))) return true;
  const c0 = p.charCodeAt(s);
  if ((c0 === 64 || c0 === 35) && s + 1 < end && (classesOf(p.codePointAt(s + 1)!) & LETTER) !== 0) return true;
  if (firstAt <= s) return false;
  // an address: some '.' after the '@', and the first such not right after it
  for (let i = firstAt + 1; i < end; i++) if (p.charCodeAt(i) === 46) return i > firstAt + 1;
  return false;
}

/** Length of "http://", "https://" or "www." (any case) at p[s], else 0. None holds a space, so none runs past the word. */
function urlPrefixLength(p: string, s: number): number {
  const c0 = asciiLowerAt(p, s);
  if (
    c0 === 104 &&
    asciiLowerAt(p, s + 1) === 116 &&
    asciiLowerAt(p, s + 2) === 116 &&
    asciiLowerAt(p, s + 3) === 112
  ) {
    const secure = asciiLowerAt(p, s + 4) === 115 ? 1 : 0;
    return p.startsWith('://', s + 4 + secure) ? 7 + secure : 0;
  }
  if (c0 === 119 && asciiLowerAt(p, s + 1) === 119 && asciiLowerAt(p, s + 2) === 119 && p.charCodeAt(s + 3) === 46)
    return 4;
  return 0;
}

/** c | 0x20 lower-cases an ASCII letter and maps no other character onto one. */
function asciiLowerAt(p: string, i: number): number {
  return p.charCodeAt(i) | 0x20;
}

function isOpener(c: number): boolean {
  return c === 40 /* ( */ || c === 60 /* < */ || c === 91; /* [ */
}
