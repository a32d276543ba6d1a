/**
 * Notices a page addresses to its reader about the page itself: paywalls, accounts, newsletters,
 * cookies, memberships and donations, social accounts to follow, copyright. Every page of a site
 * repeats them word for word, so left in they make unrelated stories of one site look related.
 * The vocabulary is that of web services, not of any one site; a story quoting it is rarely
 * addressed to "you".
 */
const SERVICE_TERMS: readonly RegExp[] = [
  /\bsubscri(?:be|bed|ber|bers|bing|ption|ptions)\b/,
  /\bnewsletters?\b/,
  /\bsign(?:ing)? (?:up|in)\b/,
  /\blog(?:ging)? ?in\b/,
  /\b(?:your|an?|new) account\b/,
  /\bregist(?:er|ration)\b/,
  /\bcookies?\b/,
  /\bconsent\b/,
  /\bprivacy (?:policy|notice|settings)\b/,
  /\bterms (?:of (?:use|service)|and conditions)\b/,
  /\bbecome a member\b|\bmembership\b/,
  /\bdonat(?:e|ion|ions)\b/,
  /\bcontributions?\b/,
  /\b(?:our|support|supporting|fund|funding) (?:\w+ )?journalism\b/,
  /\b(?:digital|unlimited) access\b/,
  /\bad-(?:free|light)\b/,
  /\binbox\b/,
  /\bfollow\b[^.]{0,60}\bon (?:facebook|instagram|twitter|x|tiktok|youtube|linkedin|threads)\b/,
  /\bdownload (?:the|our) app\b/,
  /\bstory ideas?\b/,
];

/** Addressed to the reader: "you", "your", "please", or a service verb in the imperative first. */
const ADDRESSED =
  /\b(?:you|your|yours|yourself|please)\b|^(?:subscribe|sign|log|follow|download|register|join|support|donate|become|send|get|read|listen|watch)\b/;

const QUOTED_SPAN = /"[^"]*"?|\u201c[^\u201d]*\u201d?/g;

/** A notice is short: a story paragraph that mentions subscriptions runs longer. */
const MAX_NOTICE_WORDS = 60;

/** A copyright line is never story text, however it is worded. */
const COPYRIGHT = /©|\ball rights reserved\b|^copyright\b/;

/**
 * Whether a paragraph of `words` words is a notice to the reader: a copyright line, or a short
 * paragraph addressed to the reader that uses two or more of the service terms.
 */
export function isReaderServiceNotice(paragraph: string, words: number): boolean {
  if (words > MAX_NOTICE_WORDS) return false;
  const lower = paragraph.toLowerCase();
  if (COPYRIGHT.test(lower)) return true;
  // "you" inside a quotation is someone speaking in the story, not the page to its reader
  if (!ADDRESSED.test(lower.replace(QUOTED_SPAN, ' '))) return false;
  let terms = 0;
  for (const term of SERVICE_TERMS) if (term.test(lower) && ++terms >= 2) return true;
  return false;
}
