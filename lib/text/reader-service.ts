/**
 * Notices a page addresses to its reader about the page itself: paywalls, accounts, newsletters,
 * cookies, memberships and donations, social accounts to follow, copyright. Every page of a site
 * repeats them word for word, so left in they make unrelated stories of one site look related.
 * The vocabulary is that of web services, not of any one site; a story quoting it is rarely
 * addressed to "you".
 */
const SERVICE_TERMS: readonly RegExp[] = [
  /\bsubscri(?:be|bed|ber|bers|bing|ption|ptions)\b/i,
  /\bnewsletters?\b/i,
  /\bsign(?:ing)? (?:up|in)\b/i,
  /\blog(?:ging)? ?in\b/i,
  /\b(?:your|an?|new) account\b/i,
  /\bregist(?:er|ration)\b/i,
  /\bcookies?\b/i,
  /\bconsent\b/i,
  /\bprivacy (?:policy|notice|settings)\b/i,
  /\bterms (?:of (?:use|service)|and conditions)\b/i,
  /\bbecome a member\b|\bmembership\b/i,
  /\bdonat(?:e|ion|ions)\b/i,
  /\bcontributions?\b/i,
  /\b(?:our|support|supporting|fund|funding) (?:\w+ )?journalism\b/i,
  /\b(?:digital|unlimited) access\b/i,
  /\bad-(?:free|light)\b/i,
  /\binbox\b/i,
  /\bfollow\b[^.]{0,60}\bon (?:facebook|instagram|twitter|x|tiktok|youtube|linkedin|threads)\b/i,
  /\bdownload (?:the|our) app\b/i,
  /\bstory ideas?\b/i,
  /\bcontinue reading\b/i,
  /\bcancel (?:at )?any ?time\b/i,
];

/** Service verbs a notice starts with, in the imperative ("Subscribe to...", "Sign up..."). */
const IMPERATIVE_LIST = [
  'subscribe',
  'sign',
  'log',
  'follow',
  'download',
  'register',
  'join',
  'support',
  'donate',
  'become',
  'send',
  'get',
  'read',
  'listen',
  'watch',
  'cancel',
];

/** Addressed to the reader: "you", "your", "please", or a sentence starting with a service verb in the imperative. */
const ADDRESSED = new RegExp(
  `\\b(?:you|your|yours|yourself|please)\\b|(?:^|[.!?]\\s+)(?:${IMPERATIVE_LIST.join('|')})\\b`,
  'i',
);

const QUOTED_SPAN = /"[^"]*"?|\u201c[^\u201d]*\u201d?/g;

/** A notice is short: a story paragraph that mentions subscriptions runs longer. */
const MAX_NOTICE_WORDS = 60;

/** A notice this short needs one service term ("Subscribe to continue reading."), a longer one two. */
const MAX_ONE_TERM_NOTICE_WORDS = 8;

/** A copyright line is never story text, however it is worded. */
const COPYRIGHT = /©|\ball rights reserved\b|^copyright\b/i;

/**
 * Whether a paragraph of `words` words is a notice to the reader: a copyright line, or a short
 * paragraph addressed to the reader that uses two or more of the service terms (one, in a
 * paragraph of a few words: "Subscribe to continue reading.", "Cancel anytime.").
 */
export function isReaderServiceNotice(paragraph: string, words: number): boolean {
  if (words > MAX_NOTICE_WORDS) return false;
  if (mayBeCopyright(paragraph) && COPYRIGHT.test(paragraph)) return true;
  // most paragraphs address no one: rejected by plain substring scans before any regex runs
  if (!mayAddressReader(paragraph, words) || !ADDRESSED.test(paragraph)) return false;
  // "you" inside a quotation is someone speaking in the story, not the page to its reader
  if (!ADDRESSED.test(paragraph.replace(QUOTED_SPAN, ' '))) return false;
  const needed = words <= MAX_ONE_TERM_NOTICE_WORDS ? 1 : 2;
  let terms = 0;
  for (const term of SERVICE_TERMS) if (term.test(paragraph) && ++terms >= needed) return true;
  return false;
}

/** Cheap necessary conditions of COPYRIGHT and ADDRESSED: cleaning runs on every paragraph. */
function mayBeCopyright(p: string): boolean {
  return p.includes('\u00a9') || p.includes('eserved') || p.includes('ESERVED') || /^copyright/i.test(p);
}

function mayAddressReader(p: string, words: number): boolean {
  if (p.includes('you') || p.includes('You') || p.includes('YOU') || p.includes('lease') || p.includes('LEASE'))
    return true;
  const space = p.indexOf(' ');
  if (IMPERATIVES.has((space === -1 ? p : p.slice(0, space)).toLowerCase())) return true;
  // a later sentence's first word ("Already a subscriber? Log in."), in a short paragraph only
  return words <= MAX_LATER_IMPERATIVE_WORDS && LATER_IMPERATIVE.test(p);
}

const IMPERATIVES = new Set(IMPERATIVE_LIST);

/**
 * Longest paragraph searched for an imperative past its first sentence: a notice that does not
 * say "you" is a sentence or two, and the search would cost every story paragraph a scan.
 */
const MAX_LATER_IMPERATIVE_WORDS = 24;
const LATER_IMPERATIVE = new RegExp(`[.!?]\\s+(?:${IMPERATIVE_LIST.join('|')})\\b`, 'i');
