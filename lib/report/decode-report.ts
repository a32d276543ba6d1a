import { RewriteRadarError } from '../errors.js';
import { REPORT_SCHEMA_VERSION, type Report } from './report.js';
import { reportProblems } from './validate-report.js';

/** A stored report that cannot be read as one: not JSON, an unknown schemaVersion, or a layout that fails validation. */
export class CorruptReportError extends RewriteRadarError {
  override name = 'CorruptReportError';
}

/**
 * Reads a stored report, migrating earlier layouts in memory, and validates it (reportProblems).
 * Throws CorruptReportError. Schema 1 (which grew twice) and 2 are read (see migrate).
 */
export function decodeReport(bytes: Uint8Array, key: string): Report {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (cause) {
    throw new CorruptReportError(`stored report ${key} is not JSON`, { cause });
  }
  const migrated = migrate(raw);
  const problems = reportProblems(migrated);
  if (problems.length > 0)
    throw new CorruptReportError(
      `stored report ${key} is invalid: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`,
    );
  return migrated as Report;
}

/**
 * The report in the current layout. Schema 1 reports written before laterCopies existed listed
 * none: an empty list. Those written before measures.phrasingShare existed read it as 0; their
 * detector params lack partialPhrasing, so they never pass as already judged and are re-judged
 * (the filler is never shown as a measure). Schema 1 to 2: dates unknown (null), no article text
 * (the page then shows the aligned passages only), later copies without title or dates and their
 * total the number listed. Reports of schema 2 written before `counterparts` existed list none;
 * those written before `orderedBareFacts` existed read it as their orderedFacts (never less).
 * Anything else is returned as it is: validation names it.
 */
function migrate(raw: unknown): unknown {
  const current = isObject(raw) && raw['schemaVersion'] === 1 ? fromSchema1(raw) : raw;
  if (!isObject(current) || !Array.isArray(current['matches'])) return current;
  const matches = current['matches'].map((m: unknown) =>
    isObject(m) ? { counterparts: [], ...m, measures: withBareFacts(m['measures']) } : m,
  );
  return { ...current, matches };
}

function fromSchema1(raw: Record<string, unknown>): unknown {
  const matches = Array.isArray(raw['matches']) ? raw['matches'] : [];
  const later: unknown[] = Array.isArray(raw['laterCopies']) ? raw['laterCopies'] : [];
  return {
    ...raw,
    schemaVersion: REPORT_SCHEMA_VERSION,
    article: isObject(raw['article']) ? { text: '', ...NO_DATES, ...raw['article'] } : raw['article'],
    laterCopies: later.map((c) => (isObject(c) ? { title: '', ...NO_DATES, ...c } : c)),
    laterCopiesTotal: later.length,
    matches: matches.map((m: unknown) =>
      isObject(m) && isObject(m['measures'])
        ? { ...NO_DATES, ...m, measures: { phrasingShare: 0, orderedFacts: 0, ...m['measures'] } }
        : m,
    ),
  };
}

function withBareFacts(measures: unknown): unknown {
  return isObject(measures) && !('orderedBareFacts' in measures)
    ? { ...measures, orderedBareFacts: measures['orderedFacts'] }
    : measures;
}

const NO_DATES = { indexedAt: null, publishedAt: null };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
