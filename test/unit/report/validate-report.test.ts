import type { Report } from '../../../lib/report/report.js';
import { reportProblems } from '../../../lib/report/validate-report.js';
import { indexArticle } from '../../../lib/use-cases/index-article.js';
import { fixtureBytes } from '../../helpers/fixtures.js';
import { memoryDeps } from '../../helpers/memory-deps.js';

/** Reports of the pipeline as written to disk (JSON round trip): an original, a rewrite, a copy and a rejection. */
async function pipelineReports(): Promise<{ original: Report; rewrite: Report; copy: Report; rejected: Report }> {
  const deps = memoryDeps();
  const judge = async (key: string, name: string, day: number): Promise<Report> => {
    const bytes = name === '' ? new Uint8Array() : fixtureBytes(`articles/${name}`);
    const { report } = await indexArticle(deps, { key, bytes, order: `2024-05-0${day}T09:00:00.000Z|${key}` });
    return JSON.parse(JSON.stringify(report)) as Report;
  };
  const original = await judge('wire/bridge.txt', 'harbour-bridge-wire.txt', 1);
  const rewrite = await judge('farm/bridge.txt', 'harbour-bridge-spun.txt', 2);
  const copy = await judge('mirror/bridge.txt', 'harbour-bridge-wire.txt', 3);
  const rejected = await judge('empty.txt', '', 4);
  return { original, rewrite, copy, rejected };
}

/** A report as loose JSON: the edits below break the Report type on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = any;

/** A deep copy of a report with one change made by `edit`. */
function changed(report: Report, edit: (r: LooseJson) => void): unknown {
  const copy = JSON.parse(JSON.stringify(report)) as LooseJson;
  edit(copy);
  return copy;
}

describe('reportProblems', () => {
  it('finds nothing wrong in the reports the pipeline writes', async () => {
    const reports = await pipelineReports();

    expect(reports.rewrite.verdict).toBe('rewrite');
    expect(reports.copy.verdict).toBe('copy');
    for (const r of Object.values(reports)) expect(reportProblems(r)).toEqual([]);
    expect(reportProblems({ ...reports.original, status: 'withdrawn', verdict: null, indexed: false })).toEqual([]);
  });

  it('rejects what is not a report object at all', () => {
    expect(reportProblems(null)).toEqual(['report: expected an object, got null']);
    expect(reportProblems([])).toEqual(['report: expected an object, got an array']);
    expect(reportProblems({}).length).toBeGreaterThan(8);
  });

  it('names each departure from the documented layout by its path', async () => {
    const { rewrite, rejected } = await pipelineReports();
    const cases: Array<[unknown, string]> = [
      [changed(rewrite, (r) => (r.schemaVersion = 1)), 'schemaVersion: expected 2, got 1'],
      [
        changed(rewrite, (r) => (r.matches[0].publishedAt = '1 March 2024')),
        'matches[0].publishedAt: expected null or an ISO 8601 UTC time, got "1 March 2024"',
      ],
      [changed(rewrite, (r) => delete r.article.text), 'article.text: expected a string, got undefined'],
      [changed(rewrite, (r) => (r.laterCopiesTotal = -1)), 'laterCopiesTotal: expected a non-negative integer, got -1'],
      [changed(rewrite, (r) => delete r.article.title), 'article.title: expected a string, got undefined'],
      [
        changed(rewrite, (r) => (r.article.wordCount = 1.5)),
        'article.wordCount: expected a non-negative integer, got 1.5',
      ],
      [
        changed(rewrite, (r) => (r.article.commentWords = -2)),
        'article.commentWords: expected a non-negative integer, got -2',
      ],
      [
        changed(rewrite, (r) => (r.article.contentHash = 'md5:00')),
        'article.contentHash: expected null or "sha256:" and 64 hex digits, got "md5:00"',
      ],
      [changed(rewrite, (r) => (r.status = 'done')), 'status: expected "ok", "rejected" or "withdrawn", got "done"'],
      [changed(rejected, (r) => (r.error.code = 'oops')), 'error.code: expected a known rejection code, got "oops"'],
      [changed(rejected, (r) => (r.error = null)), 'error: expected { code, message } when status is "rejected"'],
      [changed(rejected, (r) => (r.verdict = 'original')), 'verdict: expected null when status is "rejected"'],
      [
        changed(rewrite, (r) => (r.error = { code: 'empty', message: 'x' })),
        'error: expected null when status is "ok"',
      ],
      [changed(rewrite, (r) => (r.verdict = 'copy')), 'verdict: expected "rewrite" (the first match), got "copy"'],
      [
        changed(rewrite, (r) => (r.rewriteOf.score = 0.01)),
        `rewriteOf.score: expected ${rewrite.matches[0]!.score} (the first match), got 0.01`,
      ],
      [changed(rewrite, (r) => (r.rewriteOf = null)), 'rewriteOf: expected the first match, got null'],
      [
        changed(rewrite, (r) => (r.matches[0].verdict = 'original')),
        'matches[0].verdict: expected "copy", "rewrite", "partial" or "licensed", got "original"',
      ],
      [
        changed(rewrite, (r) => (r.matches[0].measures.jaccard = 1.2)),
        'matches[0].measures.jaccard: expected a number in [0, 1], got 1.2',
      ],
      [
        changed(rewrite, (r) => (r.matches[0].measures.alignedSentences += 1)),
        `matches[0].measures.alignedSentences: expected ${rewrite.matches[0]!.passages.length} (one per passage), got ${rewrite.matches[0]!.passages.length + 1}`,
      ],
      [
        changed(rewrite, (r) => (r.matches[0].passages[0].source.end += 1)),
        'matches[0].passages[0].source.text: expected',
      ],
      [
        changed(rewrite, (r) => (r.matches[0].passages[0].article.start = -1)),
        'matches[0].passages[0].article.start: expected a non-negative integer, got -1',
      ],
      [changed(rewrite, (r) => (r.candidates.verified = 99)), 'candidates.verified: expected at most'],
      [
        changed(rewrite, (r) => (r.candidates.top[0].estimatedSimilarity = null)),
        'candidates.top[0].estimatedSimilarity: expected a number in [0, 1], got null',
      ],
      [changed(rejected, (r) => (r.indexed = true)), 'indexed: expected false when status is "rejected"'],
      [changed(rewrite, (r) => (r.detector.params = [])), 'detector.params: expected an object, got an array'],
    ];
    for (const [report, problem] of cases) {
      expect(reportProblems(report)).toContainEqual(expect.stringContaining(problem));
    }
  });
});
