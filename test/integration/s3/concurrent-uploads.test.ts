import { plantedCorpus } from '../../../bench/planted-rewrites.js';
import { decodeFingerprint } from '../../../lib/detect/fingerprint-record.js';
import { FINGERPRINT_PREFIX } from '../../../lib/store/keys.js';
import type { Report } from '../../../lib/report/report.js';
import { startLocalStack, type LocalStack } from '../../helpers/local-stack.js';

describe('50 articles uploaded at once, 20 of them rewrites', () => {
  let stack: LocalStack;
  afterAll(async () => {
    await stack?.close();
  });

  it('links every pair, reports every article, and leaves exactly one entry set per article', async () => {
    stack = await startLocalStack();
    const corpus = plantedCorpus({ pairs: 20, unrelated: 10, words: 120, seed: 11, kinds: ['copy', 'light', 'heavy'] });
    expect(corpus).toHaveLength(50);
    const keyOf = (name: string): string => `incoming/concurrent/${name}.txt`;

    await Promise.all(corpus.map((a) => stack.put(keyOf(a.name), a.text)));
    await stack.delivery.idle();

    const reports = new Map<string, Report>();
    for (const a of corpus) {
      const report = await stack.report(keyOf(a.name));
      expect({ key: a.name, status: report?.status }).toEqual({ key: a.name, status: 'ok' });
      reports.set(keyOf(a.name), report!);
    }
    const names = (r: Report): string[] => [...r.matches.map((m) => m.key), ...r.laterCopies.map((c) => c.key)];
    let namedByTheLaterOne = 0;
    for (const a of corpus) {
      const own = reports.get(keyOf(a.name))!;
      expect(names(own)).not.toContain(own.article.key); // never its own rewrite
      if (!a.sourceOf) continue;
      const source = reports.get(keyOf(a.sourceOf.name))!;
      const linked = names(own).includes(source.article.key) || names(source).includes(own.article.key);
      expect({ pair: a.name, linked }).toEqual({ pair: a.name, linked: true });
      if (own.rewriteOf?.key === source.article.key || source.rewriteOf?.key === own.article.key) namedByTheLaterOne++;
    }
    for (const a of corpus.filter((x) => !x.sourceOf && !corpus.some((y) => y.sourceOf?.name === x.name))) {
      expect({ unrelated: a.name, flagged: names(reports.get(keyOf(a.name))!) }).toEqual({
        unrelated: a.name,
        flagged: [],
      });
    }

    const fingerprints = await stack.deps.store.list(`${FINGERPRINT_PREFIX}incoming/concurrent/`);
    expect(fingerprints).toHaveLength(50);
    let expectedEntries = 0;
    for (const key of fingerprints)
      expectedEntries += decodeFingerprint((await stack.deps.store.get(key))!, key).bandKeys.length;
    const entries = await stack.indexEntries(); // > 1,000 items: several Scan pages
    expect(expectedEntries).toBeGreaterThan(1000);
    expect(entries).toHaveLength(expectedEntries);
    expect(new Set(entries.map((e) => e.article)).size).toBe(50);
    expect(stack.delivery.failed).toEqual([]);
    console.log(
      `concurrent uploads: ${namedByTheLaterOne}/20 pairs named in the later article's own report, 20/20 linked; ${entries.length} index entries`,
    );
    // a guard against a hang, not a speed check: s3rver, dynalite and 50 handlers share one process
  }, 600_000);
});
