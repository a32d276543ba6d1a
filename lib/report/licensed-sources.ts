import { ConfigError } from '../errors.js';
import type { Match, OkReport, Report } from './report.js';

/**
 * Sources a newsroom holds a licence to run (a wire it subscribes to): copying them is not
 * plagiarism. A source is licensed when its key starts with one of `keyPrefixes` or its
 * metadata names one of `publishers` (compared without case and extra spaces).
 */
export interface LicensedSources {
  readonly keyPrefixes: readonly string[];
  readonly publishers: readonly string[];
}

/** No licensed source: every copy is reported as found. */
export const NO_LICENSED_SOURCES: LicensedSources = Object.freeze({ keyPrefixes: [], publishers: [] });

/** The marker of a publisher entry in the list (other entries are key prefixes). */
const PUBLISHER = 'publisher:';

/**
 * Reads the list from a variable's value: entries separated by commas or newlines, each a key
 * prefix (`incoming/ap/`) or `publisher:<name>` (`publisher:Associated Press`). Throws
 * ConfigError naming `variable` for an entry that cannot match anything.
 */
export function parseLicensedSources(raw: string | undefined, variable: string): LicensedSources {
  if (raw === undefined || raw.trim() === '') return NO_LICENSED_SOURCES;
  const keyPrefixes: string[] = [];
  const publishers: string[] = [];
  for (const entry of raw
    .split(/[,\n]/)
    .map((e) => e.trim())
    .filter((e) => e !== '')) {
    if (entry.toLowerCase().startsWith(PUBLISHER)) {
      const name = normalName(entry.slice(PUBLISHER.length));
      if (name === '') throw new ConfigError(`${variable}: "${entry}" names no publisher (expected publisher:<name>)`);
      publishers.push(name);
    } else if (entry.startsWith('/')) {
      throw new ConfigError(`${variable}: key prefixes are relative to the bucket, got ${JSON.stringify(entry)}`);
    } else {
      keyPrefixes.push(entry);
    }
  }
  return Object.freeze({ keyPrefixes: Object.freeze(keyPrefixes), publishers: Object.freeze(publishers) });
}

/** Whether an article is a licensed source, by its key or by the publisher and author names of its metadata. */
export function isLicensedSource(licensed: LicensedSources, key: string, names: readonly string[]): boolean {
  if (licensed.keyPrefixes.some((p) => key.startsWith(p))) return true;
  return names.some((n) => licensed.publishers.includes(normalName(n)));
}

/**
 * The report with every match on a licensed source turned into verdict `licensed`, put after the
 * unlicensed matches, and the article's verdict taken again from the first match: an article that
 * only reproduces licensed sources is `licensed` (shown, not alerted); one that also copies an
 * unlicensed source keeps that verdict. `articleLicensed` turns the later copies of a licensed
 * article into `licensed` the same way. Runs after the detector, whose evidence it leaves as is.
 */
export function applyLicences(report: Report, licensedKeys: ReadonlySet<string>, articleLicensed: boolean): Report {
  if (report.status !== 'ok') return report;
  const matches: Match[] = report.matches.map((m) => (licensedKeys.has(m.key) ? { ...m, verdict: 'licensed' } : m));
  const ordered = [
    ...matches.filter((m) => m.verdict !== 'licensed'),
    ...matches.filter((m) => m.verdict === 'licensed'),
  ];
  const best = ordered[0];
  const laterCopies = articleLicensed
    ? report.laterCopies.map((c) => ({ ...c, verdict: 'licensed' as const }))
    : report.laterCopies;
  const licensed: OkReport = {
    ...report,
    verdict: best ? best.verdict : 'original',
    rewriteOf: best ? { key: best.key, verdict: best.verdict, score: best.score } : null,
    matches: ordered,
    laterCopies,
  };
  return licensed;
}

function normalName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase();
}
