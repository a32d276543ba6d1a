import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { S3RVER_CREDENTIALS } from '../lib/store/s3rver-credentials.js';

/** Messages the parent sends the server process. */
export type ChildRequest =
  | {
      readonly id: number;
      readonly type: 'put';
      readonly objects: ReadonlyArray<{ readonly key: string; readonly body: Uint8Array }>;
    }
  | { readonly id: number; readonly type: 'cpu' }
  | { readonly id: number; readonly type: 'close' };

/** What it answers, by request id (0: started). */
export type ChildReply =
  | { readonly id: number; readonly type: 'ready'; readonly endpoint: string }
  | { readonly id: number; readonly type: 'done' }
  | { readonly id: number; readonly type: 'cpu'; readonly usage: NodeJS.CpuUsage; readonly maxRssKb: number }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

/** s3rver in a child process: the bench's handler then shares neither its thread nor its CPU time. */
export interface ForkedS3Server {
  readonly clientConfig: S3ClientConfig;
  /** Writes objects straight into the server's store (no HTTP, signing or events), in one message. */
  putDirect(objects: ReadonlyArray<{ key: string; body: Uint8Array }>): Promise<void>;
  /** The server process's CPU time so far (user + system). */
  cpuUsage(): Promise<NodeJS.CpuUsage>;
  /** The server process's peak resident set size so far, in MiB. */
  peakRssMb(): Promise<number>;
  close(): Promise<void>;
}

/** Forks bench/s3-server-child.js, which runs startLocalS3Server on `directory`, and waits until it listens. */
export async function forkLocalS3Server(options: { directory: string; bucket: string }): Promise<ForkedS3Server> {
  // s3rver's continuation tokens need the legacy provider (listings of more than 1,000 keys)
  const execArgv = process.execArgv.includes('--openssl-legacy-provider')
    ? process.execArgv
    : [...process.execArgv, '--openssl-legacy-provider'];
  const child = fork(join(__dirname, 's3-server-child.js'), [options.directory, options.bucket], {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (reply: ChildReply) => void; reject: (err: Error) => void }>();
  let nextId = 1;
  let exited: Error | undefined;
  const ready = new Promise<string>((resolve, reject) => {
    waiting.set(0, {
      resolve: (reply) =>
        reply.type === 'ready' ? resolve(reply.endpoint) : reject(new Error(`unexpected first reply ${reply.type}`)),
      reject,
    });
  });
  child.on('message', (reply: ChildReply) => {
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!pending) return;
    if (reply.type === 'error') pending.reject(new Error(`s3 server process: ${reply.message}`));
    else pending.resolve(reply);
  });
  child.on('exit', (code, signal) => {
    exited = new Error(`s3 server process exited (code ${code}, signal ${signal})`);
    for (const pending of waiting.values()) pending.reject(exited);
    waiting.clear();
  });
  const request = (message: ChildRequest): Promise<ChildReply> => {
    if (exited) return Promise.reject(exited);
    return new Promise((resolve, reject) => {
      waiting.set(message.id, { resolve, reject });
      child.send(message);
    });
  };
  const usage = async (): Promise<Extract<ChildReply, { type: 'cpu' }>> => {
    const reply = await request({ id: nextId++, type: 'cpu' });
    if (reply.type !== 'cpu') throw new Error(`expected a cpu reply, got ${reply.type}`);
    return reply;
  };
  const endpoint = await ready;
  return {
    clientConfig: { endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { ...S3RVER_CREDENTIALS } },
    putDirect: async (objects) => void (await request({ id: nextId++, type: 'put', objects })),
    cpuUsage: async () => (await usage()).usage,
    peakRssMb: async () => (await usage()).maxRssKb / 1024,
    close: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await request({ id: nextId++, type: 'close' });
      await gone;
    },
  };
}
