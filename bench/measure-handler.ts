import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeFingerprint } from '../lib/detect/fingerprint-record.js';
import { s3HandlerDeps } from '../lib/lambda/default-deps.js';
import { makeArticleEventHandler } from '../lib/lambda/make-article-event-handler.js';
import { encodeS3Key } from '../lib/lambda/parse-s3-event.js';
import { startLocalS3Server, type LocalS3Server } from '../lib/local/local-s3-server.js';
import { renderReportHtml } from '../lib/report/render-report-html.js';
import { fingerprintKey, htmlReportKey, reportKey } from '../lib/store/keys.js';
import { MemoryLshIndex } from '../lib/store/memory-lsh-index.js';
import { MemoryObjectStore } from '../lib/store/memory-object-store.js';
import type { S3LshIndex } from '../lib/store/s3-lsh-index.js';
import { detectArticle, type DetectDeps } from '../lib/use-cases/detect-article.js';
import { plantedCorpus, type PlantedArticle } from './planted-rewrites.js';
import { summarise, type Summary } from './measure.js';

/** Handler latency and S3 requests per article at each index size, against s3rver on 127.0.0.1. */
export interface HandlerFigures {
  readonly atIndexSize: ReadonlyArray<{ readonly indexed: number; readonly ms: Summary & { p95: number }; readonly s3Requests: number }>;
  readonly wordsPerArticle: number;
  readonly seedSeconds: number;
}

/**
 * Times `probe` articles through the real handler (one event at a time, as one Lambda instance
 * sees them; half are planted rewrites) once the index holds each of `sizes` articles. The
 * articles before them are seeded by the same use case on memory adapters, whose objects
 * (article, fingerprint, index entries, reports) are then written straight into s3rver's store:
 * through HTTP, s3rver's ~3-5 ms a request would make 10,000 articles take an hour. s3rver runs
 * in this process, so the figures include its work: they show how cost grows with the index,
 * not AWS latency.
 */
export async function measureHandler(sizes: readonly number[], probe = 40, words = 150): Promise<HandlerFigures> {
  const directory = await mkdtemp(join(tmpdir(), 'rr-bench-s3-'));
  const server = await startLocalS3Server({ directory, bucket: 'articles' });
  const deps = s3HandlerDeps({ ARTICLES_BUCKET: 'articles', LOG_LEVEL: 'error' }, server.clientConfig);
  const handler = makeArticleEventHandler(deps);
  const ordered = [...sizes].sort((x, y) => x - y);
  const corpus = plantedCorpus({ pairs: Math.ceil((ordered[ordered.length - 1]! + probe * ordered.length) / 2), unrelated: 0, words, seed: 99 });
  const seedDeps: DetectDeps = { store: new MemoryObjectStore(), index: new MemoryLshIndex(), params: deps.params, preparedCache: new Map() };
  const keyOf = (a: PlantedArticle): string => `incoming/bench/${a.name}.txt`;
  const timeOf = (i: number): string => new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
  let next = 0;
  let seedSeconds = 0;
  const atIndexSize: Array<HandlerFigures['atIndexSize'][number]> = [];
  try {
    for (const size of ordered) {
      const seedStart = performance.now();
      for (; next < size; next++) {
        const a = corpus[next]!;
        await seedDirect(server, seedDeps, deps.index as S3LshIndex, keyOf(a), a.text, `${timeOf(next)}|${keyOf(a)}`);
      }
      seedSeconds += (performance.now() - seedStart) / 1000;
      const runs: Array<{ ms: number; requests: number }> = [];
      for (let i = 0; i < probe; i++, next++) {
        const key = keyOf(corpus[next]!);
        const body = Buffer.from(corpus[next]!.text, 'utf8');
        await deps.store.put(key, body);
        const event = { Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', eventTime: timeOf(next), s3: { bucket: { name: 'articles' }, object: { key: encodeS3Key(key), size: body.length } } }] };
        const requests = deps.s3Requests!();
        const started = performance.now();
        await handler(event);
        runs.push({ ms: performance.now() - started, requests: deps.s3Requests!() - requests });
        // keep the seeded memory twin in step, so later seeded articles can find the probes too
        await detectArticle(seedDeps, { key, bytes: body, order: `${timeOf(next)}|${key}` }, { addToIndex: true });
      }
      const ms = runs.map((r) => r.ms).sort((x, y) => x - y);
      atIndexSize.push({ indexed: size, ms: { ...summarise(ms), p95: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))]! }, s3Requests: runs.reduce((n, r) => n + r.requests, 0) / runs.length });
    }
  } finally {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  }
  return { atIndexSize, wordsPerArticle: words, seedSeconds };
}

/** Judges one article on the memory adapters and writes what the handler would have written into s3rver's store. */
async function seedDirect(server: LocalS3Server, seedDeps: DetectDeps, index: S3LshIndex, key: string, text: string, order: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  const { report } = await detectArticle(seedDeps, { key, bytes, order }, { addToIndex: true });
  const fingerprint = Buffer.from((await seedDeps.store.get(fingerprintKey(key)))!);
  await server.putDirect(key, bytes);
  await server.putDirect(fingerprintKey(key), fingerprint);
  await server.putDirect(reportKey(key), Buffer.from(`${JSON.stringify(report, null, 2)}\n`));
  await server.putDirect(htmlReportKey(key), Buffer.from(renderReportHtml(report)));
  const empty = Buffer.alloc(0);
  for (const band of decodeFingerprint(fingerprint, key).bandKeys) await server.putDirect(index.entryKey(band, key), empty);
}
