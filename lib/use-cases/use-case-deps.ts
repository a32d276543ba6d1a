import type { PreparedText } from '../detect/compare-texts.js';
import type { DetectorParams } from '../detect/detector-params.js';
import type { ArticleRejectedError } from '../errors.js';
import type { Log } from '../log.js';
import type { LicensedSources } from '../report/licensed-sources.js';
import type { AlertSink, ArticleSource, LshIndex, ObjectStore } from '../store/ports.js';

/** What judging needs: the same for the CLI, the Lambda, the local stack and the tests. */
export interface DetectDeps {
  readonly store: ObjectStore;
  readonly index: LshIndex;
  readonly params: DetectorParams;
  /** Prepared source texts by content hash; a warm process reuses them across articles. */
  readonly preparedCache?: Map<string, PreparedText>;
  /** Where a corrupt stored report is noted (JSON lines on stderr when absent). */
  readonly log?: Log;
}

/** What ingesting needs besides: where the articles are, so a later copy can be judged again. */
export interface IngestDeps extends DetectDeps {
  readonly source: ArticleSource;
  /** Where flagged articles are announced; absent: no alerts (the CLI), the digest objects are still written. */
  readonly alerts?: AlertSink;
  /** Sources whose copies get verdict `licensed` (shown, not alerted); absent: none. */
  readonly licensed?: LicensedSources;
  /** The clock of an alert's flaggedAt when the article's indexing time is unknown. */
  readonly now?: () => Date;
}

/** One article to judge. */
export interface ArticleInput {
  readonly key: string;
  readonly bytes: Uint8Array;
  /** Indexing order ("<ISO time>|<key>"); the earlier of two related articles is the source. */
  readonly order?: string;
}

/** One article to ingest: its bytes, or why they could not be read (it gets a rejected report). */
export interface IngestInput {
  readonly key: string;
  readonly bytes: Uint8Array | ArticleRejectedError;
  readonly order?: string;
}

/** Counters for logs and benchmarks. */
export interface DetectStats {
  candidatesFound: number;
  /** Query keys skipped as too common (holding more than maxBandIds articles). */
  bandsSkipped: number;
  candidatesVerified: number;
  fingerprintsRead: number;
}

/** Stats of an article that was never compared. */
export function noStats(): DetectStats {
  return { candidatesFound: 0, bandsSkipped: 0, candidatesVerified: 0, fingerprintsRead: 0 };
}
