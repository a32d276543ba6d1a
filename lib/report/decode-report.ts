import { RewriteRadarError } from '../errors.js';
import { REPORT_SCHEMA_VERSION, type Report } from './report.js';
import { reportProblems } from './validate-report.js';

/** A stored report that cannot be read as one: not JSON, an unknown schemaVersion, or a layout that fails validation. */
export class CorruptReportError extends RewriteRadarError {
  override name = 'CorruptReportError';
}

/**
 * Reads a stored report, migrating earlier layouts in memory, and validates it (reportProblems).
 * Every schemaVersion so far is 1; reports of schema 1 written before laterCopies existed lack
 * the field and listed none, so they read as an empty list. Throws CorruptReportError.
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
  if (problems.length > 0) throw new CorruptReportError(`stored report ${key} is invalid: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`);
  return migrated as Report;
}

/** The report in the current layout; a value of an unknown version is returned as it is (validation names it). */
function migrate(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const report = raw as Record<string, unknown>;
  if (report['schemaVersion'] === REPORT_SCHEMA_VERSION && !('laterCopies' in report)) return { ...report, laterCopies: [] };
  return report;
}
