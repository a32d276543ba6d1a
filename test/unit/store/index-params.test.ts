import { ConfigError } from '../../../lib/errors.js';
import { detectorParams } from '../../../lib/detect/detector-params.js';
import { decodeIndexParams, INDEX_PARAMS_KEY, indexParamsOf } from '../../../lib/store/index-params.js';
import { checkArticle } from '../../../lib/use-cases/check-article.js';
import { indexArticle } from '../../../lib/use-cases/index-article.js';
import { fixtureBytes } from '../../helpers/fixtures.js';
import { memoryDeps, snapshotOf } from '../../helpers/memory-deps.js';

const WIRE = fixtureBytes('articles/harbour-bridge-wire.txt');
const SPUN = fixtureBytes('articles/harbour-bridge-spun.txt');

describe('the sketch parameters recorded with the index', () => {
  it('are written when the first article is indexed, and never by check mode', async () => {
    const deps = memoryDeps();
    await checkArticle(deps, { key: 'web/spun.txt', bytes: SPUN });
    expect(await deps.store.get(INDEX_PARAMS_KEY)).toBeUndefined();

    await indexArticle(deps, { key: 'wire/bridge.txt', bytes: WIRE });

    const recorded = decodeIndexParams((await deps.store.get(INDEX_PARAMS_KEY))!);
    expect(recorded).toEqual({
      sketchVersion: 3,
      numPerm: 128,
      seed: 1,
      passageWords: 150,
      commonWords: deps.params.commonWords,
      maxIndexKeys: deps.params.maxIndexKeys,
    });
  });

  it.each([
    [{ numPerm: 64 }, 'numPerm 128 (index) vs 64 (this run)'],
    [{ seed: 2 }, 'seed 1 (index) vs 2 (this run)'],
    [{ passageWords: 100 }, 'passageWords 150 (index) vs 100 (this run)'],
  ])(
    'refuse a run with %j against an index built with the defaults, in index and check mode, changing nothing',
    async (overrides, difference) => {
      const built = memoryDeps();
      await indexArticle(built, { key: 'wire/bridge.txt', bytes: WIRE, order: '2024-05-01|wire/bridge.txt' });
      const before = await snapshotOf(built);
      // the same store and index, opened by a process with other parameters
      const other = { store: built.store, index: built.index, params: detectorParams(overrides) };

      for (const addToIndex of [false, true]) {
        const run = (addToIndex ? indexArticle : checkArticle)(other, { key: 'web/spun.txt', bytes: SPUN });
        await expect(run).rejects.toThrow(ConfigError);
        await expect(run).rejects.toThrow(difference);
      }
      expect(await snapshotOf(built)).toEqual(before);
      // with the index's own parameters the rewrite is found as before
      const { report } = await checkArticle(built, { key: 'web/spun.txt', bytes: SPUN });
      expect(report.rewriteOf?.key).toBe('wire/bridge.txt');
    },
  );

  it('leave parameters that do not change band keys free (thresholds, candidates)', async () => {
    const deps = memoryDeps();
    await indexArticle(deps, { key: 'wire/bridge.txt', bytes: WIRE, order: '2024-05-01|wire/bridge.txt' });

    const other = {
      store: deps.store,
      index: deps.index,
      params: detectorParams({ rewriteShare: 0.6, maxCandidates: 10 }),
    };
    const { report } = await indexArticle(other, { key: 'web/spun.txt', bytes: SPUN });

    expect(report.rewriteOf?.key).toBe('wire/bridge.txt');
  });

  it('refuse a record that is not one, naming its key', () => {
    expect(() => decodeIndexParams(Buffer.from('{"numPerm": "128"}'))).toThrow(
      `${INDEX_PARAMS_KEY} lacks integer sketchVersion, numPerm, seed, passageWords, commonWords, maxIndexKeys`,
    );
    expect(() => decodeIndexParams(Buffer.from('not json'))).toThrow(ConfigError);
    expect(decodeIndexParams(Buffer.from(JSON.stringify(indexParamsOf(detectorParams()))))).toEqual(
      indexParamsOf(detectorParams()),
    );
  });
});
