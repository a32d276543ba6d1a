import { CorruptMarkerError, decodeFlaggedMarker, digestKeys, flaggedDayPrefix } from '../digest/flagged-marker.js';
import { DIGEST_SCHEMA_VERSION, newestFirst, type Digest, type DigestEntry } from '../digest/digest.js';
import { renderDigestHtml } from '../digest/render-digest-html.js';
import type { Log } from '../log.js';
import { htmlReportKey } from '../store/keys.js';
import type { ObjectLinks, ObjectStore } from '../store/ports.js';
import { mapLimit } from '../util/map-limit.js';

/** What writing a digest needs: the store, how its page links to reports, a clock. */
export interface DigestDeps {
  readonly store: ObjectStore;
  readonly links: ObjectLinks;
  readonly now?: () => Date;
  readonly log?: Log;
}

/** Flagged-article objects read at once. */
const READ_CONCURRENCY = 16;

/**
 * Builds the digest of one UTC day from the day's flagged-article objects (one per article,
 * written by the judging Lambdas) and writes `reports/digest/<day>.json` and `.html`. Writing it
 * again replaces both, so a rerun or a retried schedule is harmless. Unreadable objects are
 * listed in the digest rather than stopping it; store faults are thrown.
 */
export async function writeDigest(deps: DigestDeps, day: string): Promise<Digest> {
  const keys = await deps.store.list(flaggedDayPrefix(day));
  const page = digestKeys(day);
  const unreadable: string[] = [];
  const read = await mapLimit(keys, READ_CONCURRENCY, async (key): Promise<DigestEntry | undefined> => {
    const bytes = await deps.store.get(key);
    if (!bytes) return undefined; // deleted since the listing
    try {
      const flagged = decodeFlaggedMarker(bytes, key);
      return {
        ...flagged,
        reportUrl: await deps.links.href(flagged.htmlReportKey, page.html),
        sourceReportUrl: await deps.links.href(htmlReportKey(flagged.sourceKey), page.html),
      };
    } catch (err) {
      if (!(err instanceof CorruptMarkerError)) throw err;
      deps.log?.('warn', 'flagged-article object unreadable; listed in the digest', { key, error: err.message });
      unreadable.push(key);
      return undefined;
    }
  });
  const digest: Digest = {
    schemaVersion: DIGEST_SCHEMA_VERSION,
    day,
    generatedAt: (deps.now ?? (() => new Date()))().toISOString(),
    linksExpireAt: deps.links.expiresAt?.toISOString() ?? null,
    articles: newestFirst(read.filter((e): e is DigestEntry => e !== undefined)),
    unreadable: unreadable.sort(),
  };
  await deps.store.put(page.json, `${JSON.stringify(digest, null, 2)}\n`, 'application/json');
  await deps.store.put(page.html, renderDigestHtml(digest), 'text/html; charset=utf-8');
  return digest;
}
