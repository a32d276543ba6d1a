import { StoreError } from '../../../lib/errors.js';
import { LATER_COPIES_SHOWN, type Report } from '../../../lib/report/report.js';
import { laterCopiesPrefix, laterCopyKey, rejudgeNoteKey } from '../../../lib/store/keys.js';
import { MemoryObjectStore } from '../../../lib/store/memory-object-store.js';
import type { ArticleRead, ArticleSource, ObjectStore, TaggedObject } from '../../../lib/store/ports.js';
import { ingestArticle } from '../../../lib/use-cases/ingest-article.js';
import { loadReport, refreshSourceReport } from '../../../lib/use-cases/stored-reports.js';
import { withdrawArticle } from '../../../lib/use-cases/withdraw-article.js';
import { fixtureBytes, fixtureText } from '../../helpers/fixtures.js';
import { memoryDeps } from '../../helpers/memory-deps.js';

const WIRE = fixtureBytes('articles/harbour-bridge-wire.txt');
const SPUN = fixtureText('articles/harbour-bridge-spun.txt');
const FIRE = fixtureBytes('articles/library-fire-wire.txt');

const at = (minute: number, key: string): string => `2024-05-01T09:${String(minute).padStart(2, '0')}:00.000Z|${key}`;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * Ingests as the Lambda does: an event whose report kept changing under its judgements fails with
 * a StoreError and is delivered again, at most twice more (serverless.yml's retries).
 */
async function ingestWithRetries(...args: Parameters<typeof ingestArticle>): ReturnType<typeof ingestArticle> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ingestArticle(...args);
    } catch (err) {
      if (!(err instanceof StoreError) || attempt === 3) throw err;
    }
  }
}

/** A memory store whose every call waits a random few milliseconds first, so concurrent callers interleave. */
class JitteryStore implements ObjectStore {
  private readonly inner = new MemoryObjectStore();
  private seed = 7;

  private async jitter(upTo = 4): Promise<void> {
    this.seed = (Math.imul(this.seed, 1103515245) + 12345) >>> 0;
    await new Promise((resolve) => setTimeout(resolve, (this.seed >>> 8) % upTo));
  }
  async get(key: string): Promise<Uint8Array | undefined> {
    await this.jitter();
    return this.inner.get(key);
  }
  async getTagged(key: string): Promise<TaggedObject | undefined> {
    await this.jitter();
    return this.inner.getTagged(key);
  }
  async put(key: string, body: Uint8Array | string): Promise<void> {
    await this.jitter(30); // a slow write lands after a quicker writer's newer one
    return this.inner.put(key, body);
  }
  async putIfUnchanged(key: string, body: Uint8Array | string, expected: string | null): Promise<string | undefined> {
    await this.jitter(30);
    return this.inner.putIfUnchanged(key, body, expected);
  }
  async delete(key: string): Promise<void> {
    await this.jitter();
    return this.inner.delete(key);
  }
  async list(prefix: string): Promise<string[]> {
    await this.jitter();
    return this.inner.list(prefix);
  }
}

/** `inner` with its listing replaced (to count or interleave listings). */
function withList(inner: MemoryObjectStore, list: ObjectStore['list']): ObjectStore {
  return {
    get: (key) => inner.get(key),
    getTagged: (key) => inner.getTagged(key),
    put: (key, body) => inner.put(key, body),
    putIfUnchanged: (key, body, expected) => inner.putIfUnchanged(key, body, expected),
    delete: (key) => inner.delete(key),
    list,
  };
}

/** Ingest deps over `store`, with articles read from `files`. */
function ingestDeps(store: ObjectStore, files = new Map<string, Uint8Array>()) {
  const source: ArticleSource = {
    read: async (key): Promise<ArticleRead> => {
      const bytes = files.get(key);
      return bytes ? { kind: 'found', bytes, size: bytes.length, etag: undefined } : { kind: 'missing' };
    },
    exists: async (key) => files.has(key),
  };
  return { ...memoryDeps(), store, source, files };
}

async function listed(deps: { store: ObjectStore }, key: string): Promise<Report & { status: 'ok' }> {
  const report = await loadReport(deps, key);
  if (report?.status !== 'ok') throw new Error(`no ok report for ${key}`);
  return report;
}

describe('later copies: one object per (source, later article) pair', () => {
  it('lists all 10 rewrites of one source judged concurrently, on its JSON and HTML reports', async () => {
    const deps = ingestDeps(new JitteryStore());
    await ingestArticle(deps, { key: 'wire/bridge.txt', bytes: WIRE, order: at(0, 'wire/bridge.txt') });
    const keys = Array.from({ length: 10 }, (_, i) => `farm/site-${i}/bridge.txt`);

    const judged = await Promise.all(
      keys.map((key, i) =>
        ingestWithRetries(deps, { key, bytes: utf8(`${SPUN}\nSite ${i} news desk.\n`), order: at(i + 1, key) }),
      ),
    );

    // the ten are near-identical, so each may be a copy of another too: the wire is among the sources of each
    expect(judged.map((j) => j.report.matches.find((m) => m.key === 'wire/bridge.txt')?.verdict)).toEqual(
      keys.map(() => 'rewrite'),
    );
    const source = await listed(deps, 'wire/bridge.txt');
    expect(source.laterCopiesTotal).toBe(10);
    // newest first: the later copies' indexing times, descending
    expect(source.laterCopies.map((c) => c.key)).toEqual([...keys].reverse());
    const html = Buffer.from((await deps.store.get('reports/wire/bridge.txt.html'))!).toString('utf8');
    for (const key of keys) expect(html).toContain(`<span class="key">${key}</span>`);
    expect(await deps.store.list(laterCopiesPrefix('wire/bridge.txt'))).toHaveLength(10);
  });

  it('lists the rewrites judged at the same moment as the source itself, whose report did not exist yet', async () => {
    const deps = ingestDeps(new JitteryStore());
    const keys = Array.from({ length: 6 }, (_, i) => `farm/site-${i}/bridge.txt`);
    deps.files.set('wire/bridge.txt', WIRE);
    keys.forEach((key, i) => deps.files.set(key, utf8(`${SPUN}\nSite ${i} news desk.\n`)));

    await Promise.all([
      ingestWithRetries(deps, { key: 'wire/bridge.txt', bytes: WIRE, order: at(0, 'wire/bridge.txt') }),
      ...keys.map((key, i) => ingestWithRetries(deps, { key, bytes: deps.files.get(key)!, order: at(i + 1, key) })),
    ]);

    const naming = [];
    for (const key of keys)
      if ((await listed(deps, key)).matches.some((m) => m.key === 'wire/bridge.txt')) naming.push(key);
    expect(naming).toHaveLength(keys.length);
    const source = await listed(deps, 'wire/bridge.txt');
    expect(source.laterCopies.map((c) => c.key).sort()).toEqual([...keys].sort());
  });

  it('lists once when saving the report of an article seen for the first time, twice for one seen before', async () => {
    const store = new MemoryObjectStore();
    const lists: string[] = [];
    const counting = withList(store, (prefix) => {
      lists.push(prefix);
      return store.list(prefix);
    });
    const deps = ingestDeps(counting);
    await ingestArticle(deps, { key: 'wire/fire.txt', bytes: FIRE, order: at(0, 'wire/fire.txt') });
    expect(lists).toEqual([laterCopiesPrefix('wire/fire.txt')]);

    lists.length = 0;
    await ingestArticle(deps, { key: 'wire/fire.txt', bytes: FIRE, order: at(1, 'wire/fire.txt') });
    expect(lists).toEqual([laterCopiesPrefix('wire/fire.txt'), laterCopiesPrefix('wire/fire.txt')]);
  });

  it(`shows the newest ${LATER_COPIES_SHOWN} and counts them all`, async () => {
    const deps = ingestDeps(new MemoryObjectStore());
    await ingestArticle(deps, { key: 'wire/bridge.txt', bytes: WIRE, order: at(0, 'wire/bridge.txt') });
    for (let i = 0; i < LATER_COPIES_SHOWN + 5; i++) {
      const key = `farm/${String(i).padStart(3, '0')}.txt`;
      const pair = { key, title: `Copy ${i}`, verdict: 'copy', score: 1, indexedAt: null, publishedAt: null };
      await deps.store.put(laterCopyKey('wire/bridge.txt', key, Date.UTC(2024, 5, 1) + i * 1000), JSON.stringify(pair));
    }

    await refreshSourceReport(deps, 'wire/bridge.txt');

    const source = await listed(deps, 'wire/bridge.txt');
    expect(source.laterCopiesTotal).toBe(LATER_COPIES_SHOWN + 5);
    expect(source.laterCopies).toHaveLength(LATER_COPIES_SHOWN);
    expect(source.laterCopies[0]?.key).toBe(`farm/${LATER_COPIES_SHOWN + 4}.txt`);
    const html = Buffer.from((await deps.store.get('reports/wire/bridge.txt.html'))!).toString('utf8');
    expect(html).toContain(`Showing the newest ${LATER_COPIES_SHOWN} of ${LATER_COPIES_SHOWN + 5}.`);
  });

  it('keeps a judgement saved while a lister was rendering an older read of the same report', async () => {
    const inner = new MemoryObjectStore();
    let duringNextList: (() => Promise<unknown>) | undefined;
    const store = withList(inner, async (prefix) => {
      const step = duringNextList;
      duringNextList = undefined;
      await step?.();
      return inner.list(prefix);
    });
    const deps = ingestDeps(store);
    deps.files.set('farm/spin.txt', utf8(SPUN));
    // the spin is judged before its source is indexed, so its first report names nothing
    await ingestArticle(deps, { key: 'farm/spin.txt', bytes: utf8(SPUN), order: at(5, 'farm/spin.txt') });
    expect((await listed(deps, 'farm/spin.txt')).matches).toEqual([]);
    const pair = {
      key: 'farm/later.txt',
      title: 'Later',
      verdict: 'copy',
      score: 1,
      indexedAt: null,
      publishedAt: null,
    };
    await inner.put(laterCopyKey('farm/spin.txt', 'farm/later.txt', Date.UTC(2024, 5, 1)), JSON.stringify(pair));

    // the lister reads the spin's report, then, before it saves, the source arrives and judges the spin again
    duringNextList = () =>
      ingestArticle(deps, { key: 'wire/bridge.txt', bytes: WIRE, order: at(0, 'wire/bridge.txt') });
    await refreshSourceReport(deps, 'farm/spin.txt');

    const spin = await listed(deps, 'farm/spin.txt');
    expect(spin.rewriteOf?.key).toBe('wire/bridge.txt');
    expect(spin.laterCopies.map((c) => c.key)).toEqual(['farm/later.txt']);
    const html = Buffer.from((await store.get('reports/farm/spin.txt.html'))!).toString('utf8');
    expect(html).toContain('wire/bridge.txt');
    expect(html).toContain('farm/later.txt');
  });

  it('lets a deletion that lands while the article is being judged again win: withdrawn, out of the index', async () => {
    const deps = ingestDeps(new MemoryObjectStore());
    deps.files.set('farm/a.txt', utf8(SPUN));
    await ingestArticle(deps, { key: 'farm/a.txt', bytes: utf8(SPUN), order: at(1, 'farm/a.txt') });
    const entries = deps.index.entryCount();

    // a new text is uploaded, then deleted while its upload is being judged (after its index writes)
    const add = deps.index.add.bind(deps.index);
    let deleteNow = true;
    deps.index.add = async (id, keys) => {
      await add(id, keys);
      if (!deleteNow) return;
      deleteNow = false;
      deps.files.delete('farm/a.txt');
      await withdrawArticle(deps, 'farm/a.txt');
    };
    const judged = await ingestArticle(deps, { key: 'farm/a.txt', bytes: FIRE, order: at(2, 'farm/a.txt') });

    expect(judged.report.status).toBe('withdrawn');
    expect((await loadReport(deps, 'farm/a.txt'))?.status).toBe('withdrawn');
    expect(await deps.store.get('fingerprints/farm/a.txt.json')).toBeUndefined();
    expect(deps.index.entryCount()).toBeLessThan(entries);
    expect(deps.index.entryCount()).toBe(0);
  });

  it('drops a pair when the later article no longer copies the source, or is withdrawn', async () => {
    const deps = ingestDeps(new MemoryObjectStore());
    await ingestArticle(deps, { key: 'wire/bridge.txt', bytes: WIRE, order: at(0, 'wire/bridge.txt') });
    await ingestArticle(deps, { key: 'farm/a.txt', bytes: utf8(SPUN), order: at(1, 'farm/a.txt') });
    await ingestArticle(deps, { key: 'farm/b.txt', bytes: utf8(SPUN), order: at(2, 'farm/b.txt') });
    expect((await listed(deps, 'wire/bridge.txt')).laterCopiesTotal).toBe(2);

    await ingestArticle(deps, { key: 'farm/a.txt', bytes: FIRE, order: at(3, 'farm/a.txt') });
    expect((await listed(deps, 'wire/bridge.txt')).laterCopies.map((c) => c.key)).toEqual(['farm/b.txt']);

    await withdrawArticle(deps, 'farm/b.txt');
    expect((await listed(deps, 'wire/bridge.txt')).laterCopiesTotal).toBe(0);
    expect(await deps.store.list(laterCopiesPrefix('wire/bridge.txt'))).toEqual([]);
  });

  it('removes the note left for a later copy that is deleted before it saves its report', async () => {
    const deps = ingestDeps(new MemoryObjectStore());
    await ingestArticle(deps, { key: 'wire/bridge.txt', bytes: WIRE, order: at(0, 'wire/bridge.txt') });
    // what the source leaves a raced later copy whose report it cannot read yet (ingestArticle)
    await deps.store.put(rejudgeNoteKey('farm/c.txt'), JSON.stringify({ source: 'wire/bridge.txt' }));

    await withdrawArticle(deps, 'farm/c.txt');
    expect(await deps.store.list(laterCopiesPrefix('farm/c.txt'))).toEqual([]);
  });
});

describe('which of two articles is the source', () => {
  const page = (published: string | undefined, body: string): Uint8Array =>
    utf8(
      `<html><head>${published ? `<meta property="article:published_time" content="${published}">` : ''}</head><body><article>${body
        .split('\n')
        .map((p) => `<p>${p}</p>`)
        .join('')}</article></body></html>`,
    );
  const WIRE_TEXT = Buffer.from(WIRE).toString('utf8');

  it('is the earlier-published when both give a time, whatever the upload order (a late upload of the original)', async () => {
    const deps = ingestDeps(new MemoryObjectStore());
    deps.files.set('farm/bridge.html', page('2024-05-02T08:00:00Z', SPUN));
    await ingestArticle(deps, {
      key: 'farm/bridge.html',
      bytes: deps.files.get('farm/bridge.html')!,
      order: at(1, 'farm/bridge.html'),
    });
    expect((await listed(deps, 'farm/bridge.html')).verdict).toBe('original');

    const wire = await ingestArticle(deps, {
      key: 'wire/bridge.html',
      bytes: page('2024-05-01T06:00:00Z', WIRE_TEXT),
      order: at(2, 'wire/bridge.html'),
    });

    expect(wire.report.verdict).toBe('original');
    expect(wire.refreshed).toEqual(['farm/bridge.html']);
    const spin = await listed(deps, 'farm/bridge.html');
    expect(spin.rewriteOf).toMatchObject({ key: 'wire/bridge.html', verdict: 'rewrite' });
    expect(spin.matches[0]).toMatchObject({ publishedAt: '2024-05-01T06:00:00.000Z' });
    expect(spin.article.publishedAt).toBe('2024-05-02T08:00:00.000Z');
    expect((await listed(deps, 'wire/bridge.html')).laterCopies.map((c) => c.key)).toEqual(['farm/bridge.html']);
  });

  it('falls back to indexing order when either article gives no publication time', async () => {
    const deps = ingestDeps(new MemoryObjectStore());
    await ingestArticle(deps, {
      key: 'farm/bridge.html',
      bytes: page(undefined, SPUN),
      order: at(1, 'farm/bridge.html'),
    });

    const wire = await ingestArticle(deps, {
      key: 'wire/bridge.html',
      bytes: page('2024-05-01T06:00:00Z', WIRE_TEXT),
      order: at(2, 'wire/bridge.html'),
    });

    expect(wire.report.rewriteOf?.key).toBe('farm/bridge.html');
  });
});
