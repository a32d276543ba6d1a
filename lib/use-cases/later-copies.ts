import { LATER_COPIES_SHOWN, type LaterCopy, type Match, type OkReport } from '../report/report.js';
import { laterCopiesPrefix, laterCopyKey, laterKeyOf } from '../store/keys.js';
import type { ObjectStore } from '../store/ports.js';
import { mapLimit } from '../util/map-limit.js';
import { indexedAtOf } from './article-dates.js';

/** Pair objects read at once when a source's list is rendered. */
const READ_CONCURRENCY = 16;

/** A source's later copies as listed now: the newest shown, the total, and the pair keys listed. */
export interface LaterCopiesListing {
  readonly copies: readonly LaterCopy[];
  readonly total: number;
  readonly pairKeys: readonly string[];
}

/** The listing of a source no later article names. */
export const NO_LATER_COPIES: LaterCopiesListing = Object.freeze({ copies: [], total: 0, pairKeys: [] });

/**
 * The later articles that name `sourceKey` as a source, from their pair objects: the newest
 * LATER_COPIES_SHOWN (the listing comes newest first) and how many there are. A pair object that
 * is unreadable or was deleted between listing and reading is left out of the list, not the total.
 */
export async function listLaterCopies(store: ObjectStore, sourceKey: string): Promise<LaterCopiesListing> {
  const pairKeys = await store.list(laterCopiesPrefix(sourceKey));
  const newest = new Map<string, string>();
  for (const pairKey of pairKeys) {
    const later = laterKeyOf(sourceKey, pairKey);
    if (later !== undefined && !newest.has(later)) newest.set(later, pairKey);
  }
  const shown = [...newest.values()].slice(0, LATER_COPIES_SHOWN);
  const read = await mapLimit(shown, READ_CONCURRENCY, async (k) => decodePair(await store.get(k)));
  return { copies: read.filter((c): c is LaterCopy => c !== undefined), total: newest.size, pairKeys };
}

/**
 * Records, for each source an indexed article names, one small object for the pair, and removes
 * the article's pairs that no longer hold (an older text's, or a source it no longer names).
 * Returns the sources whose lists changed, so their reports can be rendered again.
 */
export async function recordLaterCopies(
  store: ObjectStore,
  report: OkReport,
  order: string,
  previousSources: readonly string[],
): Promise<string[]> {
  const key = report.article.key;
  const time = Date.parse(indexedAtOf(order) ?? '');
  const named = new Map(report.matches.map((m) => [m.key, m]));
  const touched = new Set<string>();
  for (const source of new Set([...previousSources, ...named.keys()])) {
    const match = named.get(source);
    const keep = match ? laterCopyKey(source, key, Number.isFinite(time) ? time : 0) : undefined;
    if (match && keep) await store.put(keep, JSON.stringify(pairOf(report, match)), 'application/json');
    // only a source named before can hold a stale pair of this article (an older text's time)
    if (previousSources.includes(source)) await deletePairs(store, source, key, keep);
    touched.add(source);
  }
  return [...touched];
}

/** Removes every pair naming `key` as the later article, for the given sources; returns them. */
export async function forgetLaterCopy(store: ObjectStore, key: string, sources: readonly string[]): Promise<string[]> {
  for (const source of sources) await deletePairs(store, source, key, undefined);
  return [...sources];
}

/** Deletes the pairs of `source` whose later article is `key`, except the one at `keep`. */
async function deletePairs(store: ObjectStore, source: string, key: string, keep: string | undefined): Promise<void> {
  for (const pairKey of await store.list(laterCopiesPrefix(source)))
    if (pairKey !== keep && laterKeyOf(source, pairKey) === key) await store.delete(pairKey);
}

/** What a source's report lists of one later article. */
function pairOf(report: OkReport, match: Match): LaterCopy {
  const a = report.article;
  return {
    key: a.key,
    title: a.title,
    verdict: match.verdict,
    score: match.score,
    indexedAt: a.indexedAt,
    publishedAt: a.publishedAt,
  };
}

/** A stored pair as a LaterCopy, or undefined when it is missing or not one. */
function decodePair(bytes: Uint8Array | undefined): LaterCopy | undefined {
  if (!bytes) return undefined;
  try {
    const v = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown>;
    const dateOk = (d: unknown): boolean => d === null || typeof d === 'string';
    if (
      typeof v['key'] === 'string' &&
      typeof v['title'] === 'string' &&
      typeof v['verdict'] === 'string' && // a verdict this version does not know is still listed
      typeof v['score'] === 'number' &&
      dateOk(v['indexedAt']) &&
      dateOk(v['publishedAt'])
    )
      return v as unknown as LaterCopy;
  } catch {
    // a torn or foreign object: left out of the list, the next save lists it again if it is fixed
  }
  return undefined;
}
