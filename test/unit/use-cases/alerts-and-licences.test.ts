import { DETAIL_TYPES } from '../../../lib/alerts/flagged-article.js';
import { decodeFlaggedMarker, FLAGGED_PREFIX } from '../../../lib/digest/flagged-marker.js';
import { ConfigError, StoreError } from '../../../lib/errors.js';
import { parseLicensedSources } from '../../../lib/report/licensed-sources.js';
import { reportProblems } from '../../../lib/report/validate-report.js';
import type { FlaggedArticle } from '../../../lib/alerts/flagged-article.js';
import type { AlertSink, ArticleRead, ArticleSource } from '../../../lib/store/ports.js';
import { RecordingAlertSink } from '../../../lib/store/recording-alert-sink.js';
import { ingestArticle } from '../../../lib/use-cases/ingest-article.js';
import { loadReport } from '../../../lib/use-cases/stored-reports.js';
import type { IngestDeps } from '../../../lib/use-cases/use-case-deps.js';
import { fixtureBytes, fixtureText } from '../../helpers/fixtures.js';
import { memoryDeps, type MemoryDeps } from '../../helpers/memory-deps.js';

const WIRE = fixtureBytes('articles/harbour-bridge-wire.txt');
const SPUN = fixtureBytes('articles/harbour-bridge-spun.txt');
const NOW = new Date('2026-12-02T10:30:00Z');

/** The wire story as a news site's page naming its publisher in og:site_name and JSON-LD. */
function wirePage(publisher: string): Uint8Array {
  const [title, ...body] = fixtureText('articles/harbour-bridge-wire.txt').split('\n');
  const paragraphs = body.filter((l) => l.trim() !== '').map((l) => `<p>${l}</p>`);
  const ld = JSON.stringify({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: publisher } });
  return Buffer.from(
    `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="${publisher}">` +
      `<script type="application/ld+json">${ld}</script></head><body><article><h1>${title}</h1>${paragraphs.join('')}</article></body></html>`,
  );
}

function depsWith(
  files: Record<string, Uint8Array>,
  extra: Partial<Pick<IngestDeps, 'alerts' | 'licensed'>> = {},
): MemoryDeps & IngestDeps {
  const source: ArticleSource = {
    read: async (key): Promise<ArticleRead> => {
      const bytes = files[key];
      return bytes ? { kind: 'found', bytes, size: bytes.length, etag: undefined } : { kind: 'missing' };
    },
    exists: async (key) => key in files,
  };
  return { ...memoryDeps(), source, now: () => NOW, ...extra };
}

async function ingestAll(deps: IngestDeps, files: Record<string, Uint8Array>): Promise<void> {
  let day = 1;
  for (const [key, bytes] of Object.entries(files))
    await ingestArticle(deps, { key, bytes, order: `2026-12-0${day++}T09:00:00.000Z|${key}` });
}

describe('alerts of flagged articles', () => {
  it('publishes one event per flagged article with a retry-stable id, and leaves its digest object', async () => {
    const files = { 'in/wire.txt': WIRE, 'in/spun.txt': SPUN };
    const alerts = new RecordingAlertSink();
    const deps = depsWith(files, { alerts });

    await ingestAll(deps, files);
    // the retry of an event: the same article judged again
    await ingestArticle(deps, { key: 'in/spun.txt', bytes: SPUN });

    expect(alerts.published).toHaveLength(2);
    const [first, again] = alerts.published as [FlaggedArticle, FlaggedArticle];
    const report = await loadReport(deps, 'in/spun.txt');
    expect(first).toEqual({
      id: `in/spun.txt#${report!.article.contentHash}`,
      articleKey: 'in/spun.txt',
      title: report!.article.title,
      contentHash: report!.article.contentHash,
      verdict: 'rewrite',
      sourceKey: 'in/wire.txt',
      sourceTitle: 'Harbour bridge to close for six weeks of repairs',
      score: report!.rewriteOf!.score,
      reportKey: 'reports/in/spun.txt.json',
      htmlReportKey: 'reports/in/spun.txt.html',
      // its indexing time (the S3 event's in Lambda), so a retry sends the very same event
      flaggedAt: '2026-12-02T09:00:00.000Z',
    });
    expect(DETAIL_TYPES[first.verdict]).toBe('Rewrite Found');
    expect(again).toEqual(first);
    expect(alerts.distinct()).toHaveLength(1);
    const markers = await deps.store.list(FLAGGED_PREFIX);
    expect(markers).toEqual(['reports/flagged/2026-12-02/in/spun.txt.json']);
    expect(decodeFlaggedMarker((await deps.store.get(markers[0]!))!, markers[0]!)).toEqual(first);
  });

  it('fails the ingest when the bus refuses the event, so the event is retried and the alert sent then', async () => {
    const files = { 'in/wire.txt': WIRE, 'in/spun.txt': SPUN };
    let refuse = true;
    const sent: FlaggedArticle[] = [];
    const flaky: AlertSink = {
      publish: async (a) => {
        if (refuse) throw new StoreError('EventBridge PutEvents failed: ThrottlingException', { key: a.articleKey });
        sent.push(a);
      },
    };
    const deps = depsWith(files, { alerts: flaky });
    await ingestArticle(deps, { key: 'in/wire.txt', bytes: WIRE, order: '2026-12-01T09:00:00.000Z|in/wire.txt' });

    await expect(ingestArticle(deps, { key: 'in/spun.txt', bytes: SPUN })).rejects.toThrow(StoreError);
    refuse = false;
    await ingestArticle(deps, { key: 'in/spun.txt', bytes: SPUN });

    expect(sent.map((a) => [a.articleKey, a.verdict])).toEqual([['in/spun.txt', 'rewrite']]);
  });
});

describe('licensed sources', () => {
  it('turns a rewrite of a source under a licensed key prefix into licensed: reported, not alerted', async () => {
    const files = { 'in/ap/wire.txt': WIRE, 'in/spun.txt': SPUN };
    const alerts = new RecordingAlertSink();
    const deps = depsWith(files, { alerts, licensed: parseLicensedSources('in/ap/', 'LICENSED_SOURCES') });

    // the rewrite's event is handled first: the wire, earlier in indexing order, lists it as a later copy and judges it again
    await ingestArticle(deps, { key: 'in/spun.txt', bytes: SPUN, order: '2026-12-02T09:00:00.000Z|in/spun.txt' });
    await ingestArticle(deps, { key: 'in/ap/wire.txt', bytes: WIRE, order: '2026-12-01T09:00:00.000Z|in/ap/wire.txt' });

    const report = await loadReport(deps, 'in/spun.txt');
    expect(report).toMatchObject({ verdict: 'licensed', rewriteOf: { key: 'in/ap/wire.txt', verdict: 'licensed' } });
    expect(reportProblems(JSON.parse(JSON.stringify(report)))).toEqual([]);
    expect((await loadReport(deps, 'in/ap/wire.txt'))?.laterCopies).toEqual([
      expect.objectContaining({ key: 'in/spun.txt', verdict: 'licensed' }),
    ]);
    expect(alerts.published).toEqual([]);
    expect(await deps.store.list(FLAGGED_PREFIX)).toEqual([]);
  });

  it('recognises a licensed publisher named in the source page metadata, without case', async () => {
    const files = { 'in/wire.html': wirePage('Associated Press'), 'in/spun.txt': SPUN };
    const alerts = new RecordingAlertSink();
    const deps = depsWith(files, {
      alerts,
      licensed: parseLicensedSources('publisher:associated  press', 'LICENSED_SOURCES'),
    });

    await ingestAll(deps, files);

    expect((await loadReport(deps, 'in/spun.txt'))?.verdict).toBe('licensed');
    expect(alerts.published).toEqual([]);
  });

  it('keeps alerting a rewrite of a publisher not on the list', async () => {
    const files = { 'in/wire.html': wirePage('Other Wire'), 'in/spun.txt': SPUN };
    const alerts = new RecordingAlertSink();
    const deps = depsWith(files, { alerts, licensed: parseLicensedSources('publisher:Associated Press', 'X') });

    await ingestAll(deps, files);

    expect((await loadReport(deps, 'in/spun.txt'))?.verdict).toBe('rewrite');
    expect(alerts.published.map((a) => a.sourceKey)).toEqual(['in/wire.html']);
  });

  it('refuses list entries that can match nothing, naming the variable', () => {
    expect(() => parseLicensedSources('publisher:  ', 'LICENSED_SOURCES')).toThrow(
      new ConfigError('LICENSED_SOURCES: "publisher:" names no publisher (expected publisher:<name>)'),
    );
    expect(() => parseLicensedSources('/abs/', 'LICENSED_SOURCES')).toThrow(/relative to the bucket/);
    expect(parseLicensedSources(' in/ap/ ,\npublisher:Reuters,', 'V')).toEqual({
      keyPrefixes: ['in/ap/'],
      publishers: ['reuters'],
    });
  });
});
