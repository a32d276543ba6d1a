import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { s3HandlerDeps } from '../lib/lambda/default-deps.js';
import { makeArticleEventHandler } from '../lib/lambda/make-article-event-handler.js';
import { encodeS3Key } from '../lib/lambda/parse-s3-event.js';
import { startLocalS3Server } from '../lib/local/local-s3-server.js';
import { plantedCorpus } from './planted-rewrites.js';
import { summarise, type Summary } from './measure.js';

/** Handler latency and S3 requests per article at each index size, against s3rver on 127.0.0.1. */
export interface HandlerFigures {
  readonly atIndexSize: ReadonlyArray<{ readonly indexed: number; readonly ms: Summary & { p95: number }; readonly s3Requests: number }>;
  readonly wordsPerArticle: number;
}

/**
 * Indexes synthetic articles through the real handler (one event at a time, as one Lambda
 * instance would see them), and at each size in `sizes` times `probe` more articles, half of
 * them planted rewrites of indexed ones. s3rver runs in this process, so the figures include
 * its own work: they show how cost grows with the index, not AWS latency.
 */
export async function measureHandler(sizes: readonly number[], probe = 40, words = 150): Promise<HandlerFigures> {
  const directory = await mkdtemp(join(tmpdir(), 'rr-bench-s3-'));
  const server = await startLocalS3Server({ directory, bucket: 'articles' });
  const deps = s3HandlerDeps({ ARTICLES_BUCKET: 'articles', LOG_LEVEL: 'error' }, server.clientConfig);
  const handler = makeArticleEventHandler(deps);
  const max = Math.max(...sizes);
  const corpus = plantedCorpus({ pairs: Math.ceil((max + probe * sizes.length) / 2), unrelated: 0, words, seed: 99 });
  let next = 0;
  const judge = async (): Promise<{ ms: number; requests: number }> => {
    const a = corpus[next]!;
    const key = `incoming/bench/${a.name}.txt`;
    const body = Buffer.from(a.text, 'utf8');
    await deps.store.put(key, body);
    const event = { Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put', eventTime: new Date(Date.UTC(2024, 0, 1) + next * 1000).toISOString(), s3: { bucket: { name: 'articles' }, object: { key: encodeS3Key(key), size: body.length } } }] };
    next++;
    const requests = deps.s3Requests!();
    const started = performance.now();
    await handler(event);
    return { ms: performance.now() - started, requests: deps.s3Requests!() - requests };
  };
  const atIndexSize: Array<HandlerFigures['atIndexSize'][number]> = [];
  try {
    for (const size of [...sizes].sort((x, y) => x - y)) {
      while (next < size + atIndexSize.length * probe) await judge();
      const runs: Array<{ ms: number; requests: number }> = [];
      for (let i = 0; i < probe; i++) runs.push(await judge());
      const ms = runs.map((r) => r.ms).sort((x, y) => x - y);
      atIndexSize.push({ indexed: size, ms: { ...summarise(ms), p95: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))]! }, s3Requests: runs.reduce((n, r) => n + r.requests, 0) / runs.length });
    }
  } finally {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  }
  return { atIndexSize, wordsPerArticle: words };
}
