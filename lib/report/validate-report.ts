import type { RejectionCode } from '../errors.js';
import { REPORT_SCHEMA_VERSION, type ReportVerdict } from './report.js';

/** Every rejection code; `satisfies` makes the compiler fail here when the union in errors.ts changes. */
const CODES = {
  empty: 1,
  'too-short': 1,
  'too-large': 1,
  binary: 1,
  'bad-encoding': 1,
  'unsupported-type': 1,
  'malformed-json': 1,
  'malformed-html': 1,
  'no-body': 1,
  'not-found': 1,
  'bad-key': 1,
  degenerate: 1,
} satisfies Record<RejectionCode, 1>;
const VERDICTS = { original: 1, copy: 1, rewrite: 1, partial: 1, licensed: 1 } satisfies Record<ReportVerdict, 1>;
/** Verdicts of one source: every verdict but original. */
const SOURCE_VERDICTS = ['copy', 'rewrite', 'partial', 'licensed'];
const STATUSES = new Set(['ok', 'rejected', 'withdrawn']);
const CONTENT_HASH = /^sha256:[0-9a-f]{64}$/;
const ISO_TIME = /^[+-]?\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
/** Measures that are shares of the article (or a similarity), so in [0, 1]. */
const SHARE_MEASURES = [
  'alignedShare',
  'derivedShare',
  'containment',
  'jaccard',
  'estimatedJaccard',
  'trigramContainment',
  'phrasingShare',
  'orderedFacts',
  'orderedBareFacts',
] as const;

type Json = Record<string, unknown>;

/**
 * Where a value departs from the documented report layout (docs/report-schema.md, the current schemaVersion),
 * as readable problems with paths; empty when it is a valid report. Checks shapes, types, ranges and
 * the invariants between fields (status vs error and verdict, rewriteOf = the first match, passage
 * offsets vs text). Hand-rolled so reports can be checked without a schema library.
 */
export function reportProblems(value: unknown): string[] {
  const p = new Problems();
  if (!p.object(value, 'report')) return p.list;
  if (value['schemaVersion'] !== REPORT_SCHEMA_VERSION)
    p.add('schemaVersion', `expected ${REPORT_SCHEMA_VERSION}, got ${show(value['schemaVersion'])}`);

  const article = value['article'];
  if (p.object(article, 'article')) {
    p.string(article['key'], 'article.key');
    p.string(article['title'], 'article.title');
    p.count(article['wordCount'], 'article.wordCount');
    if (article['commentWords'] !== undefined) p.count(article['commentWords'], 'article.commentWords');
    p.string(article['text'], 'article.text');
    checkDates(p, article, 'article');
    const hash = article['contentHash'];
    if (hash !== null && !(typeof hash === 'string' && CONTENT_HASH.test(hash)))
      p.add('article.contentHash', `expected null or "sha256:" and 64 hex digits, got ${show(hash)}`);
  }

  const status = value['status'];
  if (!(typeof status === 'string' && STATUSES.has(status)))
    p.add('status', `expected "ok", "rejected" or "withdrawn", got ${show(status)}`);
  const error = value['error'];
  if (error !== null && p.object(error, 'error')) {
    if (!(typeof error['code'] === 'string' && Object.hasOwn(CODES, error['code'])))
      p.add('error.code', `expected a known rejection code, got ${show(error['code'])}`);
    p.string(error['message'], 'error.message');
  }
  const verdict = value['verdict'];
  if (verdict !== null && !(typeof verdict === 'string' && Object.hasOwn(VERDICTS, verdict)))
    p.add('verdict', `expected null or a verdict, got ${show(verdict)}`);
  if (status === 'ok' && error !== null) p.add('error', 'expected null when status is "ok"');
  if (status === 'ok' && verdict === null) p.add('verdict', 'expected a verdict when status is "ok"');
  if (status === 'rejected' && error === null) p.add('error', 'expected { code, message } when status is "rejected"');
  if (status !== 'ok' && verdict !== null) p.add('verdict', `expected null when status is ${show(status)}`);
  if (status === 'withdrawn' && error !== null) p.add('error', 'expected null when status is "withdrawn"');

  const matches = value['matches'];
  if (p.array(matches, 'matches')) {
    matches.forEach((m, i) => checkMatch(p, m, `matches[${i}]`));
    if (status !== 'ok' && matches.length > 0) p.add('matches', `expected none when status is ${show(status)}`);
  }
  checkRewriteOf(p, value['rewriteOf'], Array.isArray(matches) ? matches[0] : undefined, verdict);

  const candidates = value['candidates'];
  if (p.object(candidates, 'candidates')) {
    const found = p.count(candidates['found'], 'candidates.found');
    const verified = p.count(candidates['verified'], 'candidates.verified');
    const top = candidates['top'];
    if (p.array(top, 'candidates.top')) {
      top.forEach((t, i) => {
        if (!p.object(t, `candidates.top[${i}]`)) return;
        p.string(t['key'], `candidates.top[${i}].key`);
        p.share(t['estimatedSimilarity'], `candidates.top[${i}].estimatedSimilarity`);
      });
      // verified candidates come from top, and top from those found
      if (verified !== undefined && verified > top.length)
        p.add('candidates.verified', `expected at most ${top.length} (the candidates in top), got ${verified}`);
      if (found !== undefined && top.length > found)
        p.add('candidates.top', `expected at most ${found} entries (found), got ${top.length}`);
    }
  }
  if (typeof value['indexed'] !== 'boolean') p.add('indexed', `expected a boolean, got ${show(value['indexed'])}`);
  else if (status !== 'ok' && value['indexed']) p.add('indexed', `expected false when status is ${show(status)}`);

  const later = value['laterCopies'];
  if (p.array(later, 'laterCopies')) {
    later.forEach((c: unknown, i) => {
      if (!p.object(c, `laterCopies[${i}]`)) return;
      p.string(c['key'], `laterCopies[${i}].key`);
      p.string(c['title'], `laterCopies[${i}].title`);
      checkDates(p, c, `laterCopies[${i}]`);
      if (!SOURCE_VERDICTS.includes(c['verdict'] as string))
        p.add(`laterCopies[${i}].verdict`, `expected copy, rewrite, partial or licensed, got ${show(c['verdict'])}`);
      p.share(c['score'], `laterCopies[${i}].score`);
    });
    if (status !== 'ok' && later.length > 0) p.add('laterCopies', `expected none when status is ${show(status)}`);
    const total = p.count(value['laterCopiesTotal'], 'laterCopiesTotal');
    if (total !== undefined && total < later.length)
      p.add('laterCopiesTotal', `expected at least ${later.length} (the copies listed), got ${total}`);
  }

  const detector = value['detector'];
  if (p.object(detector, 'detector')) {
    p.string(detector['version'], 'detector.version');
    p.object(detector['params'], 'detector.params');
  }
  return p.list;
}

function checkMatch(p: Problems, m: unknown, at: string): void {
  if (!p.object(m, at)) return;
  p.string(m['key'], `${at}.key`);
  p.string(m['title'], `${at}.title`);
  checkDates(p, m, at);
  if (!SOURCE_VERDICTS.includes(m['verdict'] as string))
    p.add(`${at}.verdict`, `expected "copy", "rewrite", "partial" or "licensed", got ${show(m['verdict'])}`);
  p.share(m['score'], `${at}.score`);
  const measures = m['measures'];
  const measured = p.object(measures, `${at}.measures`);
  if (measured) {
    for (const k of SHARE_MEASURES) p.share(measures[k], `${at}.measures.${k}`);
    p.count(measures['alignedSentences'], `${at}.measures.alignedSentences`);
  }
  const counterparts = m['counterparts'];
  if (p.array(counterparts, `${at}.counterparts`)) checkPassages(p, counterparts, `${at}.counterparts`);
  const passages = m['passages'];
  if (!p.array(passages, `${at}.passages`)) return;
  checkPassages(p, passages, `${at}.passages`);
  if (measured && measures['alignedSentences'] !== passages.length) {
    p.add(
      `${at}.measures.alignedSentences`,
      `expected ${passages.length} (one per passage), got ${show(measures['alignedSentences'])}`,
    );
  }
}

function checkPassages(p: Problems, passages: readonly unknown[], at: string): void {
  passages.forEach((x, i) => {
    const here = `${at}[${i}]`;
    if (!p.object(x, here)) return;
    p.share(x['score'], `${here}.score`);
    checkSpan(p, x['article'], `${here}.article`);
    checkSpan(p, x['source'], `${here}.source`);
  });
}

/** indexedAt and publishedAt: null or an ISO 8601 UTC time. */
function checkDates(p: Problems, v: Json, at: string): void {
  for (const k of ['indexedAt', 'publishedAt'] as const) {
    const d = v[k];
    if (d !== null && !(typeof d === 'string' && ISO_TIME.test(d)))
      p.add(`${at}.${k}`, `expected null or an ISO 8601 UTC time, got ${show(d)}`);
  }
}

function checkSpan(p: Problems, span: unknown, at: string): void {
  if (!p.object(span, at)) return;
  const start = p.count(span['start'], `${at}.start`);
  const end = p.count(span['end'], `${at}.end`);
  const text = p.string(span['text'], `${at}.text`);
  if (start === undefined || end === undefined || text === undefined) return;
  if (end < start) p.add(at, `expected start <= end, got ${start}..${end}`);
  else if (text.length !== end - start)
    p.add(`${at}.text`, `expected ${end - start} characters (end - start), got ${text.length}`);
}

/** rewriteOf is null exactly when there is no match, else the first match's key, verdict and score (also the report's verdict). */
function checkRewriteOf(p: Problems, rewriteOf: unknown, best: unknown, verdict: unknown): void {
  if (rewriteOf === null) {
    if (best !== undefined) p.add('rewriteOf', 'expected the first match, got null');
    else if (verdict !== null && verdict !== 'original')
      p.add('verdict', `expected "original" without matches, got ${show(verdict)}`);
    return;
  }
  if (!p.object(rewriteOf, 'rewriteOf')) return;
  if (!isObject(best)) {
    p.add('rewriteOf', 'expected null without matches');
    return;
  }
  for (const k of ['key', 'verdict', 'score'] as const) {
    if (rewriteOf[k] !== best[k])
      p.add(`rewriteOf.${k}`, `expected ${show(best[k])} (the first match), got ${show(rewriteOf[k])}`);
  }
  if (verdict !== best['verdict'])
    p.add('verdict', `expected ${show(best['verdict'])} (the first match), got ${show(verdict)}`);
  if (Object.keys(rewriteOf).length !== 3)
    p.add('rewriteOf', `expected exactly key, verdict and score, got ${Object.keys(rewriteOf).join(', ')}`);
}

/** Collects problems; the typed checks return the value when it passes. */
class Problems {
  readonly list: string[] = [];

  add(at: string, problem: string): void {
    this.list.push(`${at}: ${problem}`);
  }

  object(v: unknown, at: string): v is Json {
    if (isObject(v)) return true;
    this.add(at, `expected an object, got ${show(v)}`);
    return false;
  }

  array(v: unknown, at: string): v is unknown[] {
    if (Array.isArray(v)) return true;
    this.add(at, `expected an array, got ${show(v)}`);
    return false;
  }

  string(v: unknown, at: string): string | undefined {
    if (typeof v === 'string') return v;
    this.add(at, `expected a string, got ${show(v)}`);
    return undefined;
  }

  /** A non-negative integer. */
  count(v: unknown, at: string): number | undefined {
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
    this.add(at, `expected a non-negative integer, got ${show(v)}`);
    return undefined;
  }

  /** A number in [0, 1]. */
  share(v: unknown, at: string): void {
    if (!(typeof v === 'number' && v >= 0 && v <= 1)) this.add(at, `expected a number in [0, 1], got ${show(v)}`);
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short rendering of a bad value for a message. */
function show(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  return Array.isArray(v) ? 'an array' : typeof v;
}
