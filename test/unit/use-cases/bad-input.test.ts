import type { RejectionCode } from '../../../lib/errors.js';
import type { DetectorParams } from '../../../lib/detect/detector-params.js';
import type { Report } from '../../../lib/report/report.js';
import { decodeFingerprint } from '../../../lib/detect/fingerprint-record.js';
import { fingerprintKey } from '../../../lib/store/keys.js';
import { indexArticle } from '../../../lib/use-cases/index-article.js';
import { INDEX_PARAMS_KEY } from '../../../lib/store/index-params.js';
import { fixtureBytes, fixtureText } from '../../helpers/fixtures.js';
import { memoryDeps, snapshotOf, type MemoryDeps } from '../../helpers/memory-deps.js';

const WIRE_TEXT = fixtureText('articles/harbour-bridge-wire.txt');
const WIRE = fixtureBytes('articles/harbour-bridge-wire.txt');
/** The first bytes of every PNG file: signature, then the length and type of the IHDR chunk. */
const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
const STORY_PARAGRAPH =
  'The Keston harbour bridge will close to all traffic for six weeks from June 1 while engineers replace corroded steel cables, the regional transport authority said on Monday.';

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Judges one article in index mode on a fresh, empty memory store and index. */
async function judge(
  key: string,
  bytes: Uint8Array,
  params: Partial<DetectorParams> = {},
): Promise<{ report: Report; deps: MemoryDeps }> {
  const deps = memoryDeps(params);
  const { report } = await indexArticle(deps, { key, bytes, order: `2024-05-06T09:00:00.000Z|${key}` });
  return { report, deps };
}

/** A rejection: the code, a message, no verdict, and nothing stored or indexed. */
async function expectRejected(result: { report: Report; deps: MemoryDeps }, code: RejectionCode): Promise<void> {
  const { report, deps } = result;
  expect({ status: report.status, code: report.error?.code, verdict: report.verdict, indexed: report.indexed }).toEqual(
    { status: 'rejected', code, verdict: null, indexed: false },
  );
  expect(report.error?.message.length).toBeGreaterThan(10);
  expect(await snapshotOf(deps)).toEqual({ objects: {}, indexEntries: 0 });
}

/** An accepted article: judged, fingerprinted and indexed under its key. */
async function expectAccepted(result: { report: Report; deps: MemoryDeps }, key: string): Promise<void> {
  const { report, deps } = result;
  expect({
    status: report.status,
    error: report.error,
    verdict: report.verdict,
    indexed: report.indexed,
    key: report.article.key,
  }).toEqual({ status: 'ok', error: null, verdict: 'original', indexed: true, key });
  expect(await deps.store.list('')).toEqual([fingerprintKey(key), INDEX_PARAMS_KEY]);
  const record = decodeFingerprint((await deps.store.get(fingerprintKey(key)))!, key);
  expect(record.key).toBe(key);
  expect(deps.index.entryCount()).toBe(record.bandKeys.length);
  expect(record.bandKeys.length).toBeGreaterThan(0);
}

describe('indexArticle on bad input', () => {
  it('rejects one word repeated 500,000 times as degenerate, naming the counts', async () => {
    const result = await judge('in/word.txt', utf8('word '.repeat(500_000)));

    await expectRejected(result, 'degenerate');
    expect(result.report.error?.message).toContain('500000 words but only 1 distinct');
  });

  it('rejects an empty file as empty', async () => {
    await expectRejected(await judge('in/empty.txt', new Uint8Array(0)), 'empty');
  });

  it('rejects a file of whitespace only as empty', async () => {
    await expectRejected(await judge('in/blank.txt', utf8(' \n\t\r\n   \n\u00a0\n')), 'empty');
  });

  it('rejects PNG bytes under a .txt name as binary', async () => {
    const bytes = Uint8Array.from([...PNG_HEADER, ...utf8('IHDR chunk data follows here')]);

    await expectRejected(await judge('in/photo.txt', bytes), 'binary');
  });

  it('rejects text with NUL bytes as binary', async () => {
    const bytes = Uint8Array.from([...WIRE.subarray(0, 200), 0x00, 0x00, ...WIRE.subarray(200)]);

    await expectRejected(await judge('in/nul.txt', bytes), 'binary');
  });

  it('judges invalid UTF-8 as Windows-1252 instead of rejecting it', async () => {
    const result = await judge('in/windows-1252.txt', fixtureBytes('bad-input/windows-1252.txt'));

    await expectAccepted(result, 'in/windows-1252.txt');
    expect(result.report.article.title).toBe('Caf\u00e9 owner\u2019s \u00a35 breakfast wins city prize');
  });

  it('judges UTF-16 LE with a byte-order mark like the same text in UTF-8', async () => {
    const utf16 = new Uint8Array(Buffer.from(`\ufeff${WIRE_TEXT}`, 'utf16le'));
    const deps = memoryDeps();
    await indexArticle(deps, { key: 'in/utf8.txt', bytes: WIRE, order: '2024-05-06T09:00:00.000Z|in/utf8.txt' });

    const { report } = await indexArticle(deps, {
      key: 'in/utf16.txt',
      bytes: utf16,
      order: '2024-05-07T09:00:00.000Z|in/utf16.txt',
    });

    expect(utf16.subarray(0, 2)).toEqual(Uint8Array.from([0xff, 0xfe]));
    expect(report).toMatchObject({
      status: 'ok',
      indexed: true,
      article: { title: 'Harbour bridge to close for six weeks of repairs' },
    });
    expect(report.rewriteOf).toEqual({ key: 'in/utf8.txt', verdict: 'copy', score: 1 });
  });

  it('rejects a UTF-16 byte-order mark followed by an odd number of bytes as bad-encoding', async () => {
    const bytes = new Uint8Array(Buffer.from(`\ufeff${WIRE_TEXT}`, 'utf16le')).subarray(0, 401);

    await expectRejected(await judge('in/cut-utf16.txt', bytes), 'bad-encoding');
  });

  // a guard, not a measure: a super-linear step would take minutes on 4 MB
  it('handles a 4 MB single line without spaces quickly', async () => {
    const bytes = new Uint8Array(4_000_000).fill(0x61);

    const result = await judge('in/one-line.txt', bytes);

    await expectRejected(result, 'too-short');
  }, 20_000);

  it('rejects a file over maxBytes as too-large and names both sizes', async () => {
    const result = await judge('in/long.txt', WIRE, { maxBytes: 1000 });

    await expectRejected(result, 'too-large');
    expect(result.report.error?.message).toContain(String(WIRE.length));
    expect(result.report.error?.message).toContain('1000');
  });

  it('accepts a paragraph inside 50,000 nested divs', async () => {
    const depth = 50_000;
    const html = `<html><head><title>Bridge</title></head><body>${'<div>'.repeat(depth)}<p>${STORY_PARAGRAPH}</p>${'</div>'.repeat(depth)}</body></html>`;

    const result = await judge('in/nested.html', utf8(html));

    await expectAccepted(result, 'in/nested.html');
    expect(result.report.article).toMatchObject({ title: 'Bridge', wordCount: 28 });
  }, 20_000);

  it('rejects an HTML page that is all script as no-body', async () => {
    await expectRejected(await judge('in/all-script.html', fixtureBytes('bad-input/all-script.html')), 'no-body');
  });

  it('rejects malformed JSON as malformed-json', async () => {
    await expectRejected(await judge('in/malformed.json', fixtureBytes('bad-input/malformed.json')), 'malformed-json');
  });

  it('rejects JSON without a string body as no-body', async () => {
    await expectRejected(await judge('in/no-body.json', fixtureBytes('bad-input/no-body.json')), 'no-body');
  });

  it('rejects an unsupported extension as unsupported-type, whatever the content', async () => {
    await expectRejected(await judge('in/story.pdf', WIRE), 'unsupported-type');
  });

  it.each([
    '../outside.txt',
    'in/../../outside.txt',
    'in/./story.txt',
    '/etc/story.txt',
    '',
    // 496 bytes: a later-copies pair object of two such keys would pass S3's 1,024-byte key limit
    `in/${'x'.repeat(200)}/${'y'.repeat(200)}/${'z'.repeat(87)}.txt`,
  ])('rejects the key %j as bad-key', async (key) => {
    await expectRejected(await judge(key, WIRE), 'bad-key');
  });

  it('accepts a key of 495 bytes, the longest whose derived keys all fit S3', async () => {
    const key = `in/${'x'.repeat(200)}/${'y'.repeat(200)}/${'z'.repeat(86)}.txt`;

    await expectAccepted(await judge(key, WIRE), key);
  });

  it('accepts a key with unicode and spaces and reports it unchanged', async () => {
    const key = 'Nachrichten/Über die Brücke – 6. Mai (Kestön) ✓.txt';

    await expectAccepted(await judge(key, WIRE), key);
  });

  it('rejects a story shorter than minWords as too-short and gives the count', async () => {
    const result = await judge('in/too-short.txt', fixtureBytes('bad-input/too-short.txt'));

    await expectRejected(result, 'too-short');
    expect(result.report.error?.message).toMatch(/^\d+ words/);
  });

  it('says a text in a script written without spaces is too short because of its script, not its boilerplate', async () => {
    const chinese =
      '国务院总理今天主持召开国务院常务会议，部署进一步扩大内需的政策措施，研究加快发展现代服务业。会议指出，当前经济运行总体平稳。';
    const result = await judge('in/zh.txt', new TextEncoder().encode(chinese));

    await expectRejected(result, 'too-short');
    expect(result.report.error?.message).toContain(
      'words are read between spaces: Chinese, Japanese, Thai and other scripts written without them cannot be judged',
    );
  });
});
