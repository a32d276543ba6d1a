import { StoreError } from '../../../lib/errors.js';
const MAX_ARTICLE_KEY_BYTES = 495;
const MAX_STORE_KEY_BYTES = 1024;
import {} from '../../../lib/store/keys.js';
import { MemoryObjectStore } from '../../../lib/store/memory-object-store.js';
import type { ArticleRead } from '../../../lib/store/ports.js';
import { ingestArticle } from '../../../lib/use-cases/ingest-article.js';
import { processArticleEvent } from '../../../lib/use-cases/process-article-event.js';
import { fixtureBytes } from '../../helpers/fixtures.js';
import { memoryDeps, snapshotOf } from '../../helpers/memory-deps.js';

const WIRE = fixtureBytes('articles/harbour-bridge-wire.txt');

/** A memory store that refuses keys S3 would refuse (KeyTooLongError), as S3 does on every retry. */
class S3LimitedStore extends MemoryObjectStore {
  readonly refused: string[] = [];

  override async put(key: string, body: Uint8Array | string): Promise<void> {
    this.check(key);
    return super.put(key, body);
  }

  override async putIfUnchanged(
    key: string,
    body: Uint8Array | string,
    expectedTag: string | null,
  ): Promise<string | undefined> {
    this.check(key);
    return super.putIfUnchanged(key, body, expectedTag);
  }

  private check(key: string): void {
    if (Buffer.byteLength(key, 'utf8') <= MAX_STORE_KEY_BYTES) return;
    this.refused.push(key);
    throw new StoreError(`KeyTooLongError: ${key.length} bytes`, { key });
  }
}

/** An article key of exactly `bytes` UTF-8 bytes under `folder` (segments of at most 200 bytes). */
function keyOf(folder: string, bytes: number): string {
  let key = `${folder}/`;
  while (bytes - key.length - '.txt'.length > 200) key += `${'k'.repeat(199)}/`;
  return `${key}${'k'.repeat(bytes - key.length - '.txt'.length)}.txt`;
}

function depsOn(store: MemoryObjectStore, files: Record<string, Uint8Array>) {
  const read = async (key: string): Promise<ArticleRead> => {
    const bytes = files[key];
    return bytes ? { kind: 'found', bytes, size: bytes.length, etag: undefined } : { kind: 'missing' };
  };
  return { ...memoryDeps(), store, source: { read, exists: async (key: string) => key in files } };
}

describe('article keys near S3 key limit', () => {
  it('is 495 bytes: two such keys and the rest of a later-copies pair key fill 1,024', () => {
    expect(MAX_ARTICLE_KEY_BYTES).toBe(495);
  });

  it('a copy under a longer key than that is rejected with a report, where its source pair key made every save fail', async () => {
    const wire = keyOf('wire', 600);
    const copy = keyOf('farm', 600);
    const store = new S3LimitedStore();
    const deps = depsOn(store, { [wire]: WIRE, [copy]: WIRE });

    await ingestArticle(deps, { key: wire, bytes: WIRE, order: `2026-12-01T09:00:00.000Z|${wire}` });
    const { report } = await ingestArticle(deps, { key: copy, bytes: WIRE, order: `2026-12-02T09:00:00.000Z|${copy}` });

    expect(report.error?.code).toBe('bad-key');
    expect(report.error?.message).toContain('600 bytes, over 495');
    expect(store.refused).toEqual([]);
  });

  it("an upload whose report key cannot fit S3's limit is refused with the reason, and nothing is written", async () => {
    const key = keyOf('incoming', 1015);
    const store = new S3LimitedStore();
    const deps = { ...depsOn(store, { [key]: WIRE }), incomingPrefix: 'incoming/' };

    const outcome = await processArticleEvent(deps, {
      kind: 'created',
      bucket: 'articles',
      key,
      eTag: undefined,
      size: WIRE.length,
      eventTime: '2026-12-02T09:00:00.000Z',
    });

    expect(outcome).toMatchObject({ action: 'refused', key, why: expect.stringContaining("over S3's 1024") });
    expect(await snapshotOf(deps)).toEqual({ objects: {}, indexEntries: 0 });
  });
});
