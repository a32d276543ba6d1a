import { decodeFingerprint } from '../../../lib/detect/fingerprint-record.js';
import { ArticleRejectedError } from '../../../lib/errors.js';
import type { Log } from '../../../lib/log.js';
import { fingerprintKey, htmlReportKey, reportKey } from '../../../lib/store/keys.js';
import type { ArticleRead, ArticleSource } from '../../../lib/store/ports.js';
import { backfillArticle } from '../../../lib/use-cases/backfill-article.js';
import { ingestArticle } from '../../../lib/use-cases/ingest-article.js';
import { loadReport } from '../../../lib/use-cases/stored-reports.js';
import { fixtureBytes } from '../../helpers/fixtures.js';
import { memoryDeps, type MemoryDeps } from '../../helpers/memory-deps.js';

const WIRE = fixtureBytes('articles/harbour-bridge-wire.txt');
const SPUN = fixtureBytes('articles/harbour-bridge-spun.txt');
const FIRE = fixtureBytes('articles/library-fire-wire.txt');

const at = (day: number, key: string): string => `2024-05-${String(day).padStart(2, '0')}T09:00:00.000Z|${key}`;

/** Articles held in memory, as the bucket or a folder holds them. */
function memorySource(files: Map<string, Uint8Array>): ArticleSource {
  return {
    read: async (key): Promise<ArticleRead> => {
      const bytes = files.get(key);
      return bytes
        ? { kind: 'found', bytes, size: bytes.length, etag: undefined, lastModified: new Date('2024-05-10T09:00:00Z') }
        : { kind: 'missing' };
    },
    exists: async (key) => files.has(key),
  };
}

/** Memory deps with an article source over `files` and a log that keeps its lines. */
interface IngestTestDeps extends MemoryDeps {
  readonly files: Map<string, Uint8Array>;
  readonly source: ArticleSource;
  readonly incomingPrefix: string;
  readonly logged: Array<{ level: string; message: string; fields: Record<string, unknown> | undefined }>;
  readonly log: Log;
}

function ingestDeps(): IngestTestDeps {
  const files = new Map<string, Uint8Array>();
  const logged: IngestTestDeps['logged'] = [];
  return {
    ...memoryDeps(),
    files,
    source: memorySource(files),
    incomingPrefix: 'in/',
    logged,
    log: (level, message, fields) => void logged.push({ level, message, fields }),
  };
}

async function orderOf(deps: IngestTestDeps, key: string): Promise<string> {
  return decodeFingerprint((await deps.store.get(fingerprintKey(key)))!, key).order;
}

describe('ingestArticle', () => {
  it('writes the report, and keeps the indexing order of the same text ingested again', async () => {
    const deps = ingestDeps();
    await ingestArticle(deps, { key: 'in/bridge.txt', bytes: WIRE, order: at(1, 'in/bridge.txt') });

    const again = await ingestArticle(deps, { key: 'in/bridge.txt', bytes: WIRE, order: at(5, 'in/bridge.txt') });

    expect(await orderOf(deps, 'in/bridge.txt')).toBe(at(1, 'in/bridge.txt'));
    expect(await loadReport(deps, 'in/bridge.txt')).toEqual(JSON.parse(JSON.stringify(again.report)));
  });

  it('gives changed text the new order, so an edit that rewrites a later source names it', async () => {
    const deps = ingestDeps();
    await ingestArticle(deps, { key: 'in/story.txt', bytes: FIRE, order: at(1, 'in/story.txt') });
    await ingestArticle(deps, { key: 'in/wire.txt', bytes: WIRE, order: at(2, 'in/wire.txt') });

    const edited = await ingestArticle(deps, { key: 'in/story.txt', bytes: SPUN, order: at(3, 'in/story.txt') });

    expect(await orderOf(deps, 'in/story.txt')).toBe(at(3, 'in/story.txt'));
    expect(edited.report.rewriteOf).toMatchObject({ key: 'in/wire.txt', verdict: 'rewrite' });
  });

  it('judges again a later copy whose report does not name the article, and says so', async () => {
    const deps = ingestDeps();
    deps.files.set('in/spun.txt', SPUN);
    // the rewrite was judged while its source was not indexed yet (two events at once)
    await ingestArticle(deps, { key: 'in/spun.txt', bytes: SPUN, order: at(2, 'in/spun.txt') });
    expect((await loadReport(deps, 'in/spun.txt'))?.verdict).toBe('original');

    const source = await ingestArticle(deps, { key: 'in/wire.txt', bytes: WIRE, order: at(1, 'in/wire.txt') });

    expect(source.report.laterCopies.map((c) => c.key)).toEqual(['in/spun.txt']);
    expect(source.refreshed).toEqual(['in/spun.txt']);
    expect((await loadReport(deps, 'in/spun.txt'))?.rewriteOf).toMatchObject({
      key: 'in/wire.txt',
      verdict: 'rewrite',
    });
  });

  it('writes a rejected report for bytes that could not be read, and leaves the index alone', async () => {
    const deps = ingestDeps();
    const { report, refreshed } = await ingestArticle(deps, {
      key: 'in/gone.txt',
      bytes: new ArticleRejectedError('not-found', 'gone'),
    });

    expect(report).toMatchObject({ status: 'rejected', error: { code: 'not-found', message: 'gone' } });
    expect(refreshed).toEqual([]);
    expect(await deps.store.list('')).toEqual([htmlReportKey('in/gone.txt'), reportKey('in/gone.txt')]);
    expect(deps.index.entryCount()).toBe(0);
  });
});

describe('a corrupt stored report', () => {
  it('is read as missing with a warning: backfill judges the article again instead of failing', async () => {
    const deps = ingestDeps();
    deps.files.set('in/bridge.txt', WIRE);
    await backfillArticle(deps, { bucket: 'b', key: 'in/bridge.txt' });
    expect((await backfillArticle(deps, { bucket: 'b', key: 'in/bridge.txt' })).action).toBe('unchanged');
    await deps.store.put(reportKey('in/bridge.txt'), '{"schemaVersion": 1, "status": "ok", "verd');

    const outcome = await backfillArticle(deps, { bucket: 'b', key: 'in/bridge.txt' });

    expect(outcome.action).toBe('reported');
    expect(deps.logged).toEqual([
      {
        level: 'warn',
        message: 'stored report is corrupt; the article is judged again',
        fields: {
          key: 'in/bridge.txt',
          error: expect.stringContaining(`stored report ${reportKey('in/bridge.txt')} is not JSON`),
        },
      },
    ]);
    expect((await loadReport(deps, 'in/bridge.txt'))?.verdict).toBe('original');
  });
});
