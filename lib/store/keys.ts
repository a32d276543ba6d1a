/** Where the use case keeps things inside an ObjectStore. */
export const FINGERPRINT_PREFIX = 'fingerprints/';
export const REPORT_PREFIX = 'reports/';

/** Store key of an article's fingerprint. */
export function fingerprintKey(articleKey: string): string {
  return `${FINGERPRINT_PREFIX}${articleKey}.json`;
}

/** Store key of an article's JSON report. */
export function reportKey(articleKey: string): string {
  return `${REPORT_PREFIX}${articleKey}.json`;
}
