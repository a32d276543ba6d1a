import { decodeFingerprint } from '../../../lib/detect/fingerprint-record.js';
import { fingerprintKey } from '../../../lib/store/keys.js';
import { checkArticle } from '../../../lib/use-cases/check-article.js';
import { unindexArticle } from '../../../lib/use-cases/fingerprint-index.js';
import { indexArticle } from '../../../lib/use-cases/index-article.js';
import type { ArticleInput } from '../../../lib/use-cases/use-case-deps.js';
import { INDEX_PARAMS_KEY } from '../../../lib/store/index-params.js';
import { fixtureBytes } from '../../helpers/fixtures.js';
import { memoryDeps, snapshotOf, type MemoryDeps } from '../../helpers/memory-deps.js';

const WIRE = fixtureBytes('articles/harbour-bridge-wire.txt');
const SPUN = fixtureBytes('articles/harbour-bridge-spun.txt');
const FIRE = fixtureBytes('articles/library-fire-wire.txt');

/** An indexing order as the CLI hands them out: the earlier article of a related pair is the source. */
function order(day: number, key: string): string {
  return `2024-05-${String(day).padStart(2, '0')}T09:00:00.000Z|${key}`;
}

/** Judges and indexes one article (index mode). */
async function index(deps: MemoryDeps, key: string, bytes: Uint8Array, day = 1): ReturnType<typeof indexArticle> {
  return indexArticle(deps, { key, bytes, order: order(day, key) });
}

/** Judges one article against the index without adding it (check mode). */
async function check(deps: MemoryDeps, key: string, bytes: Uint8Array): ReturnType<typeof checkArticle> {
  return checkArticle(deps, { key, bytes });
}

async function storedBandKeys(deps: MemoryDeps, key: string): Promise<readonly string[]> {
  const bytes = await deps.store.get(fingerprintKey(key));
  if (!bytes) throw new Error(`no fingerprint stored for ${key}`);
  return decodeFingerprint(bytes, key).bandKeys;
}

describe('indexArticle and checkArticle', () => {
  it('index mode stores a fingerprint of the cleaned text and one index entry per stored band key', async () => {
    const deps = memoryDeps();

    const { report } = await index(deps, 'wire/bridge.txt', WIRE);

    expect(report).toMatchObject({
      status: 'ok',
      verdict: 'original',
      indexed: true,
      error: null,
      rewriteOf: null,
      matches: [],
    });
    expect(await deps.store.list('')).toEqual([fingerprintKey('wire/bridge.txt'), INDEX_PARAMS_KEY]);
    const record = decodeFingerprint((await deps.store.get(fingerprintKey('wire/bridge.txt')))!, 'wire/bridge.txt');
    expect(record).toMatchObject({
      key: 'wire/bridge.txt',
      title: 'Harbour bridge to close for six weeks of repairs',
      order: order(1, 'wire/bridge.txt'),
      contentHash: report.article.contentHash,
    });
    expect(record.text).toContain('Every cable we replace now is one that will not fail in ten years.');
    // its most distinctive terms, each key once, at most maxIndexKeys
    expect(record.bandKeys.length).toBeGreaterThan(0);
    expect(record.bandKeys.length).toBeLessThanOrEqual(deps.params.maxIndexKeys);
    expect(new Set(record.bandKeys).size).toBe(record.bandKeys.length);
    expect(deps.index.entryCount()).toBe(record.bandKeys.length);
    expect(await deps.index.query(record.bandKeys)).toEqual(new Map([['wire/bridge.txt', record.bandKeys.length]]));
  });

  it('check mode judges against the index but changes neither the store nor the index', async () => {
    const deps = memoryDeps();
    await index(deps, 'wire/bridge.txt', WIRE);
    await index(deps, 'wire/fire.txt', FIRE, 2);
    const before = await snapshotOf(deps);

    const { report } = await check(deps, 'farm/bridge.txt', SPUN);

    expect(report).toMatchObject({
      status: 'ok',
      verdict: 'rewrite',
      indexed: false,
      rewriteOf: { key: 'wire/bridge.txt', verdict: 'rewrite' },
    });
    expect(await snapshotOf(deps)).toEqual(before);
  });

  it('never names an article as its own source when the same key is indexed again', async () => {
    const deps = memoryDeps();
    await index(deps, 'wire/bridge.txt', WIRE);

    const { report, stats } = await index(deps, 'wire/bridge.txt', WIRE);

    expect(report.verdict).toBe('original');
    expect(report.matches).toEqual([]);
    expect(stats.candidatesFound).toBe(0);
    expect(deps.index.entryCount()).toBe((await storedBandKeys(deps, 'wire/bridge.txt')).length);
  });

  it('re-indexing a key with new content drops its stale band entries and verifies the new text', async () => {
    const deps = memoryDeps();
    await index(deps, 'wire/story.txt', WIRE);
    const staleBands = await storedBandKeys(deps, 'wire/story.txt');

    await index(deps, 'wire/story.txt', FIRE);

    // exactly the entries of the new content: none of the old bands is left behind
    const fresh = memoryDeps();
    await index(fresh, 'wire/story.txt', FIRE);
    expect(deps.index.entryCount()).toBe(fresh.index.entryCount());
    const freshBands = await storedBandKeys(fresh, 'wire/story.txt');
    expect(await storedBandKeys(deps, 'wire/story.txt')).toEqual(freshBands);
    expect(await deps.index.query(staleBands.filter((k) => !freshBands.includes(k)))).toEqual(new Map());
    // what is verified is the new text: a copy of it is a copy, a rewrite of the old text finds nothing
    const copyOfNew = await check(deps, 'farm/fire.txt', FIRE);
    expect(copyOfNew.report.rewriteOf).toEqual({ key: 'wire/story.txt', verdict: 'copy', score: 1 });
    expect(copyOfNew.report.matches[0]?.passages[0]?.source.text).toContain('A fire in the basement archive');
    const rewriteOfOld = await check(deps, 'farm/bridge.txt', SPUN);
    expect(rewriteOfOld.report.matches).toEqual([]);
  });

  it('unindexArticle removes the fingerprint and every index entry, and is safe to repeat', async () => {
    const deps = memoryDeps();
    await index(deps, 'wire/bridge.txt', WIRE);
    await index(deps, 'wire/fire.txt', FIRE, 2);
    const bands = await storedBandKeys(deps, 'wire/bridge.txt');

    const first = await unindexArticle(deps, 'wire/bridge.txt');
    const second = await unindexArticle(deps, 'wire/bridge.txt');

    expect([first?.key, second]).toEqual(['wire/bridge.txt', undefined]);
    expect(await deps.store.list('')).toEqual([fingerprintKey('wire/fire.txt'), INDEX_PARAMS_KEY]);
    expect(deps.index.entryCount()).toBe((await storedBandKeys(deps, 'wire/fire.txt')).length);
    expect((await deps.index.query(bands)).has('wire/bridge.txt')).toBe(false);
    expect((await check(deps, 'farm/bridge.txt', SPUN)).report.matches).toEqual([]);
  });

  it('never names a candidate that comes later in indexing order as the source, but lists it as a later copy', async () => {
    const deps = memoryDeps();
    // the rewrite arrives first but carries the later order (e.g. a backfill of older wire copy)
    await index(deps, 'farm/bridge.txt', SPUN, 2);

    const earlier = await index(deps, 'wire/bridge.txt', WIRE, 1);
    const later = await index(deps, 'farm/bridge.txt', SPUN, 2);

    expect(earlier.report.matches.map((m) => m.key)).not.toContain('farm/bridge.txt');
    expect(earlier.report.verdict).toBe('original');
    expect(earlier.stats.candidatesFound).toBe(1);
    expect(earlier.stats.candidatesVerified).toBe(1);
    expect(earlier.racedCopies).toEqual([{ key: 'farm/bridge.txt', verdict: 'rewrite', score: expect.any(Number) }]);
    expect(later.racedCopies).toEqual([]);
    expect(later.report.rewriteOf).toMatchObject({ key: 'wire/bridge.txt', verdict: 'rewrite' });
  });

  it('judges identical content under two keys a copy with score 1', async () => {
    const deps = memoryDeps();
    await index(deps, 'wire/bridge.txt', WIRE, 1);

    const { report } = await index(deps, 'mirror/bridge.txt', WIRE, 2);

    expect(report.verdict).toBe('copy');
    expect(report.rewriteOf).toEqual({ key: 'wire/bridge.txt', verdict: 'copy', score: 1 });
    expect(report.matches[0]?.measures).toMatchObject({
      trigramContainment: 1,
      jaccard: 1,
      containment: 1,
      estimatedJaccard: 1,
    });
  });

  it('verifies at most maxCandidates candidates', async () => {
    const deps = memoryDeps({ maxCandidates: 2 });
    for (const [i, name] of ['a', 'b', 'c', 'd', 'e'].entries()) await index(deps, `mirrors/${name}.txt`, WIRE, i + 1);

    const { report, stats } = await check(deps, 'farm/bridge.txt', SPUN);

    expect(stats.candidatesFound).toBe(5);
    expect(stats.candidatesVerified).toBeLessThanOrEqual(2);
    expect(stats.fingerprintsRead).toBeLessThanOrEqual(2);
    expect(report.candidates).toMatchObject({ found: 5, verified: stats.candidatesVerified });
    expect(report.candidates.top.map((c) => c.key)).toEqual(['mirrors/a.txt', 'mirrors/b.txt']);
    // equal band counts are ranked by key, so the first keys are the ones verified
    expect(report.matches.map((m) => m.key)).toEqual(['mirrors/a.txt', 'mirrors/b.txt']);
  });

  it('a rejected article leaves the store and the index as they were, even over a good earlier version', async () => {
    const deps = memoryDeps();
    await index(deps, 'wire/bridge.txt', WIRE);
    const before = await snapshotOf(deps);

    const { report } = await index(
      deps,
      'wire/bridge.txt',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      2,
    );

    expect(report).toMatchObject({ status: 'rejected', verdict: null, indexed: false, error: { code: 'binary' } });
    expect(await snapshotOf(deps)).toEqual(before);
    expect(
      decodeFingerprint((await deps.store.get(fingerprintKey('wire/bridge.txt')))!, 'wire/bridge.txt').text,
    ).toContain('Keston harbour bridge will close');
  });

  it('gives deep-equal reports for the same inputs, with or without a prepared-text cache', async () => {
    const run = async (cache: boolean): Promise<unknown[]> => {
      const deps = { ...memoryDeps(), ...(cache ? { preparedCache: new Map() } : {}) };
      const inputs: ArticleInput[] = [
        { key: 'wire/bridge.txt', bytes: WIRE, order: order(1, 'wire/bridge.txt') },
        { key: 'wire/fire.txt', bytes: FIRE, order: order(2, 'wire/fire.txt') },
        { key: 'farm/bridge.txt', bytes: SPUN, order: order(3, 'farm/bridge.txt') },
        { key: 'mirror/bridge.txt', bytes: WIRE, order: order(4, 'mirror/bridge.txt') },
      ];
      const reports: unknown[] = [];
      for (const input of inputs) reports.push((await indexArticle(deps, input)).report);
      reports.push((await checkArticle(deps, { key: 'check/bridge.txt', bytes: SPUN })).report);
      return reports;
    };

    const first = await run(false);
    const second = await run(false);
    const cached = await run(true);

    expect(second).toEqual(first);
    expect(cached).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('quotes passages from the cleaned texts at the offsets it reports', async () => {
    const deps = memoryDeps();
    await index(deps, 'wire/bridge.txt', WIRE);

    const { report } = await check(deps, 'farm/bridge.txt', SPUN);

    const source = decodeFingerprint(
      (await deps.store.get(fingerprintKey('wire/bridge.txt')))!,
      'wire/bridge.txt',
    ).text;
    const passages = report.matches[0]?.passages ?? [];
    expect(passages.length).toBeGreaterThan(5);
    for (const p of passages) expect(source.slice(p.source.start, p.source.end)).toBe(p.source.text);
    expect(passages.map((p) => p.article.start)).toEqual(
      [...passages.map((p) => p.article.start)].sort((a, b) => a - b),
    );
  });

  it('check mode on an article that is itself indexed never names its own later copy as its source', async () => {
    const deps = memoryDeps();
    await index(deps, 'wire/bridge.txt', WIRE, 1);
    await index(deps, 'copies/bridge.txt', WIRE, 2);

    const { report } = await check(deps, 'wire/bridge.txt', WIRE);

    expect(report.verdict).toBe('original');
    expect(report.matches).toEqual([]);
  });

  it('rejects keys that are not plain relative paths as bad-key, whatever the adapter', async () => {
    const deps = memoryDeps();
    for (const key of ['a\\..\\b.txt', 'a//b.txt', `${'x'.repeat(201)}.txt`, 'tab\there.txt']) {
      const { report } = await index(deps, key, WIRE);
      expect(report.error?.code).toBe('bad-key');
    }
    expect(await deps.store.list('')).toEqual([]);
  });
});
