import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { triggerAccepts } from '../../lib/local/deliver-events.js';
import { LOCAL_BUCKET, type LocalStackRuntime } from '../../lib/local/start-local-stack.js';
import type { Report } from '../../lib/report/report.js';
import type { CloudAdapters } from '../../lib/store/cloud-adapters.js';
import { listArticleFiles } from '../../lib/store/list-article-files.js';
import { LocalFolderObjectStore } from '../../lib/store/local-folder-object-store.js';
import { loadReport } from '../../lib/use-cases/stored-reports.js';
import { runCli } from '../helpers/run-cli.js';
import { startQuietRuntime } from '../helpers/stack-runtime.js';

const EXAMPLES = resolve(__dirname, '../../examples/articles');

/** Paragraphs of a plain-text article (its first is the headline). */
const paragraphs = (text: string): string[] => text.split(/\n\s*\n/).filter((p) => p.trim() !== '');

/**
 * Articles derived from the examples, named so that scan meets them between and after the
 * examples: a reordered copy, a story made of two wires' halves, a copy of a copy, and a text
 * whose rewrite sorts before it (the earlier in scan order is the source, wherever it came from).
 */
async function writeRelatedTexts(dir: string): Promise<void> {
  const port = paragraphs(await readFile(join(EXAMPLES, '2024-03-01-wire-port-strike.txt'), 'utf8'));
  const election = paragraphs(await readFile(join(EXAMPLES, '2024-03-03-unrelated-election.txt'), 'utf8'));
  const [, ...portBody] = port;
  const [electionHead, ...electionBody] = election;
  const half = (ps: string[]): string[] => ps.slice(0, Math.ceil(ps.length / 2));
  await writeFile(
    join(dir, '2024-03-02-reordered-port-strike.txt'),
    [`Port Calder strike: what we know`, ...portBody.slice(2), ...portBody.slice(0, 2)].join('\n\n'),
  );
  await writeFile(
    join(dir, '2024-03-04-roundup.txt'),
    [`Weekend roundup`, ...half(portBody), ...half(electionBody)].join('\n\n'),
  );
  await writeFile(
    join(dir, '2024-03-05-copy-of-roundup.txt'),
    [`Roundup (syndicated)`, ...half(portBody), ...half(electionBody)].join('\n\n'),
  );
  await writeFile(
    join(dir, '2024-03-00-early-election.txt'),
    [`${electionHead} (early edition)`, ...electionBody.slice(1)].join('\n\n'),
  );
}

/** What must agree between the two paths, keys made relative to the folder. */
function judgement(report: Report, prefix: string): unknown {
  const rel = (key: string): string => (key.startsWith(prefix) ? key.slice(prefix.length) : `!${key}`);
  return {
    status: report.status,
    error: report.error?.code ?? null,
    verdict: report.verdict,
    rewriteOf: report.rewriteOf ? { ...report.rewriteOf, key: rel(report.rewriteOf.key) } : null,
    matches: report.matches.map((m) => ({ key: rel(m.key), verdict: m.verdict, score: m.score, measures: m.measures })),
    // indexing times differ between the two runs; who copies this one does not
    laterCopies: report.laterCopies.map((c) => ({ key: rel(c.key), verdict: c.verdict, score: c.score })),
  };
}

describe('scan and the local stack', () => {
  let root: string;
  let stack: LocalStackRuntime | undefined;
  let cloud: CloudAdapters | undefined;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'rr-scan-vs-stack-'));
  });

  afterEach(async () => {
    cloud?.close();
    await stack?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('give every article the same verdict, sources and scores', async () => {
    const articles = join(root, 'articles');
    await cp(EXAMPLES, articles, { recursive: true });
    await writeRelatedTexts(articles);

    // the CLI path: scan into a local store
    const scanned = await runCli(['scan', articles, '--store', join(root, 'store'), '--json']);
    expect(scanned.code).toBe(0);
    const byScan = new Map(
      (
        scanned.stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line)) as Report[]
      ).map((r) => [r.article.key, r]),
    );

    // the bucket path: the local stack's S3 server, trigger and handler, one upload at a time in scan's order
    const handled = new Map<string, () => void>();
    ({ stack, cloud } = await startQuietRuntime(root, { env: {}, handled: (key) => handled.get(key)?.() }));
    const accepts = triggerAccepts(stack.incomingPrefix);
    const files = await listArticleFiles([articles], { cwd: root, keyRoot: root });
    const uploaded: string[] = [];
    for (const file of files) {
      const key = `${stack.incomingPrefix}${file.key.slice('articles/'.length)}`;
      if (!accepts(key)) continue;
      const done = new Promise<void>((resolveHandled) => handled.set(key, resolveHandled));
      const body = await readFile(file.path);
      await cloud.s3.send(
        new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key: key, Body: body, ContentLength: body.length }),
      );
      await done;
      uploaded.push(file.key);
    }
    await stack.delivery.idle();
    expect(stack.delivery.failed).toEqual([]);

    // every article the trigger fires for (all but bad/notes.pdf) is judged alike
    expect(files.map((f) => f.key).filter((k) => !uploaded.includes(k))).toEqual(['articles/bad/notes.pdf']);
    expect(uploaded).toHaveLength(byScan.size - 1);
    const scanStore = { store: new LocalFolderObjectStore(join(root, 'store')) };
    const fromScan: Record<string, unknown> = {};
    const fromStack: Record<string, unknown> = {};
    for (const key of uploaded) {
      const rel = key.slice('articles/'.length);
      // stdout has each report as it was judged; later copies found after that are on the stored one
      const stored = await loadReport(scanStore, key);
      fromScan[rel] = judgement({ ...byScan.get(key)!, laterCopies: stored?.laterCopies ?? [] } as Report, 'articles/');
      const report = await loadReport(cloud, `${stack.incomingPrefix}${rel}`);
      fromStack[rel] = report ? judgement(report, stack.incomingPrefix) : 'no report';
    }
    expect(fromStack).toEqual(fromScan);
    // the folder exercises every verdict, so equality is not that of two empty judgements
    expect(new Set(Object.values(fromScan).map((j) => (j as { verdict: string | null }).verdict))).toEqual(
      new Set(['original', 'copy', 'rewrite', 'partial', null]),
    );
  });
});
