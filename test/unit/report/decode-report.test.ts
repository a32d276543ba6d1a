import { CorruptReportError, decodeReport } from '../../../lib/report/decode-report.js';
import { indexArticle } from '../../../lib/use-cases/index-article.js';
import { fixtureBytes } from '../../helpers/fixtures.js';
import type { Report } from '../../../lib/report/report.js';
import { memoryDeps, type MemoryDeps } from '../../helpers/memory-deps.js';

const encode = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));

/** A wire story and its spun rewrite indexed by the pipeline; the rewrite's report. */
async function spunPair(): Promise<{ deps: MemoryDeps; report: Report }> {
  const deps = memoryDeps();
  await indexArticle(deps, {
    key: 'wire/bridge.txt',
    bytes: fixtureBytes('articles/harbour-bridge-wire.txt'),
    order: '2024-05-01T09:00:00.000Z|wire/bridge.txt',
  });
  const { report } = await indexArticle(deps, {
    key: 'farm/bridge.txt',
    bytes: fixtureBytes('articles/harbour-bridge-spun.txt'),
    order: '2024-05-02T09:00:00.000Z|farm/bridge.txt',
  });
  return { deps, report };
}

describe('decodeReport', () => {
  it('reads back every report the pipeline writes, unchanged', async () => {
    const { deps, report } = await spunPair();
    const { report: rejected } = await indexArticle(deps, { key: 'empty.txt', bytes: new Uint8Array() });

    expect(decodeReport(encode(report), 'reports/farm/bridge.txt.json')).toEqual(JSON.parse(JSON.stringify(report)));
    expect(decodeReport(encode(rejected), 'reports/empty.txt.json')).toEqual(rejected);
  });

  it('reads a schema 2 report written before counterparts existed as listing none', async () => {
    const { report } = await spunPair();
    const older = JSON.parse(JSON.stringify(report)) as { matches: Array<Record<string, unknown>> };
    expect(older.matches.length).toBeGreaterThan(0);
    for (const m of older.matches) delete m['counterparts'];

    const decoded = decodeReport(encode(older), 'reports/farm/bridge.txt.json');
    expect(decoded.matches.map((m) => m.counterparts)).toEqual(older.matches.map(() => []));
    expect(() =>
      decodeReport(encode({ ...older, matches: [{ ...older.matches[0], counterparts: {} }] }), 'r.json'),
    ).toThrow(/matches\[0\]\.counterparts: expected an array/);
  });

  it('reads a schema 2 report written before orderedBareFacts existed with its orderedFacts', async () => {
    const { report } = await spunPair();
    const older = JSON.parse(JSON.stringify(report)) as { matches: Array<{ measures: Record<string, unknown> }> };
    for (const m of older.matches) {
      m.measures['orderedFacts'] = 0.125;
      delete m.measures['orderedBareFacts'];
    }

    const decoded = decodeReport(encode(older), 'reports/farm/bridge.txt.json');
    expect(decoded.matches.map((m) => m.measures.orderedBareFacts)).toEqual(older.matches.map(() => 0.125));
    const bad = {
      ...older,
      matches: [{ ...older.matches[0], measures: { ...older.matches[0]!.measures, orderedBareFacts: 2 } }],
    };
    expect(() => decodeReport(encode(bad), 'r.json')).toThrow(/orderedBareFacts/);
  });

  it('migrates a schema 1 report written before laterCopies and phrasingShare existed', () => {
    const report = decodeReport(
      fixtureBytes('reports/schema-1-before-later-copies.json'),
      'reports/farm/bridge.txt.json',
    );

    expect(report).toMatchObject({
      schemaVersion: 2,
      article: { key: 'farm/bridge.txt', text: '', indexedAt: null, publishedAt: null },
      status: 'ok',
      verdict: 'rewrite',
      rewriteOf: { key: 'wire/bridge.txt', verdict: 'rewrite', score: 0.9398 },
      laterCopies: [],
      laterCopiesTotal: 0,
    });
    expect(report.matches[0]).toMatchObject({ indexedAt: null, publishedAt: null });
    expect(report.matches[0]?.measures.phrasingShare).toBe(0);
    expect(report.matches[0]?.measures.alignedShare).toBe(0.9398);
  });

  it('migrates a schema 1 report written before phrasingShare existed, keeping its laterCopies', () => {
    const report = decodeReport(
      fixtureBytes('reports/schema-1-before-phrasing-share.json'),
      'reports/farm/bridge.txt.json',
    );

    expect(report.laterCopies).toEqual([]);
    expect(report.laterCopiesTotal).toBe(0);
    expect(report.matches.map((m) => [m.key, m.measures.phrasingShare])).toEqual([['wire/bridge.txt', 0]]);
  });

  it('migrates a schema 1 report listing later copies: titles unknown, the total the number listed', () => {
    const v1 = JSON.parse(Buffer.from(fixtureBytes('reports/schema-1-before-phrasing-share.json')).toString());
    const later = [{ key: 'farm/copy.txt', verdict: 'copy', score: 0.99 }];

    const report = decodeReport(encode({ ...v1, laterCopies: later }), 'reports/wire/bridge.txt.json');

    expect(report.laterCopies).toEqual([{ ...later[0], title: '', indexedAt: null, publishedAt: null }]);
    expect(report.laterCopiesTotal).toBe(1);
  });

  it.each([
    ['truncated JSON', Buffer.from('{"schemaVersion": 1, "article": {'), /is not JSON/],
    ['binary garbage', Uint8Array.from([0xff, 0xfe, 0x00, 0x01]), /is not JSON/],
    ['an unknown schemaVersion', encode({ schemaVersion: 99 }), /schemaVersion: expected 2, got 99/],
    ['a JSON value of another shape', encode(['not', 'a', 'report']), /report: expected an object/],
    [
      'an ok report without a verdict',
      Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(fixtureBytes('reports/schema-1-before-phrasing-share.json')).toString()),
          verdict: null,
        }),
      ),
      /verdict: expected a verdict when status is "ok"/,
    ],
  ])('rejects %s with a CorruptReportError naming the key', (_what, bytes, why) => {
    const decode = (): unknown => decodeReport(bytes, 'reports/a.txt.json');

    expect(decode).toThrow(CorruptReportError);
    expect(decode).toThrow('stored report reports/a.txt.json');
    expect(decode).toThrow(why);
  });
});
