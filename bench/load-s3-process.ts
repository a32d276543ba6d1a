/**
 * s3rver in a child process for the load test. In the test's own process it would share one
 * core with the handler and count its memory as the handler's; apart, the handler's CPU time and
 * peak RSS are its own and the two use both cores of a small machine.
 */
import { fork } from 'node:child_process';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { startLocalS3Server } from '../lib/local/local-s3-server.js';

/** The server as the parent sees it. */
export interface S3ServerProcess {
  readonly clientConfig: S3ClientConfig;
  /** The child's peak resident set size so far, in MiB. */
  peakRssMb(): Promise<number>;
  close(): Promise<void>;
}

type ToChild = { type: 'rss' } | { type: 'close' };
type FromChild = { type: 'ready'; endpoint: string; clientConfig: S3ClientConfig } | { type: 'rss'; maxRssKb: number } | { type: 'closed' } | { type: 'error'; message: string };

/** Forks this file as s3rver serving `bucket` from `directory` on 127.0.0.1. */
export async function startS3ServerProcess(options: { directory: string; bucket: string }): Promise<S3ServerProcess> {
  // s3rver's LIST continuation tokens need the legacy provider (lib/local/local-s3-server.ts)
  const child = fork(__filename, ['--serve', options.directory, options.bucket], { execArgv: ['--openssl-legacy-provider'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const nextMessage = (type: FromChild['type']): Promise<FromChild> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: FromChild): void => {
        if (m.type === 'error') return void (cleanup(), reject(new Error(`s3rver child: ${m.message}`)));
        if (m.type === type) return void (cleanup(), resolve(m));
      };
      const onExit = (code: number | null): void => void (cleanup(), reject(new Error(`s3rver child exited with ${code} while waiting for ${type}`)));
      const cleanup = (): void => void (child.off('message', onMessage), child.off('exit', onExit));
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  const send = (m: ToChild): void => void child.send(m);
  const ready = await nextMessage('ready');
  if (ready.type !== 'ready') throw new Error('unreachable');
  return {
    clientConfig: ready.clientConfig,
    async peakRssMb() {
      const answer = nextMessage('rss');
      send({ type: 'rss' });
      const m = await answer;
      return m.type === 'rss' ? m.maxRssKb / 1024 : Number.NaN;
    },
    async close() {
      const closed = nextMessage('closed');
      send({ type: 'close' });
      await closed;
      child.disconnect();
    },
  };
}

async function serve(directory: string, bucket: string): Promise<void> {
  const send = (m: FromChild): void => void process.send!(m);
  try {
    const server = await startLocalS3Server({ directory, bucket });
    process.on('message', (m: ToChild) => {
      if (m.type === 'rss') send({ type: 'rss', maxRssKb: process.resourceUsage().maxRSS });
      if (m.type === 'close') void server.close().then(() => send({ type: 'closed' }));
    });
    process.on('disconnect', () => process.exit(0));
    send({ type: 'ready', endpoint: server.endpoint, clientConfig: server.clientConfig });
  } catch (err) {
    send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  }
}

if (require.main === module && process.argv[2] === '--serve') void serve(process.argv[3]!, process.argv[4]!);
