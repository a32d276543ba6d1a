import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClientConfig } from '../lib/store/dynamodb-client.js';
import type { DynamoDbChildMessage } from './dynamodb-server-child.js';

/** dynalite in a child process, the index table created: the bench's handler shares neither its thread nor its CPU time. */
export interface ForkedDynamoDbServer {
  readonly clientConfig: DynamoDBClientConfig;
  readonly table: string;
  /** The server process's CPU time so far (user + system). */
  cpuUsage(): Promise<NodeJS.CpuUsage>;
  close(): Promise<void>;
}

/** Forks bench/dynamodb-server-child.js and waits until it listens. */
export async function forkLocalDynamoDbServer(): Promise<ForkedDynamoDbServer> {
  const child = fork(join(__dirname, 'dynamodb-server-child.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = async (type: DynamoDbChildMessage['type']): Promise<DynamoDbChildMessage> => {
    for (;;) {
      const [message] = (await once(child, 'message')) as [DynamoDbChildMessage];
      if (message.type === type) return message;
    }
  };
  const ready = await next('ready');
  if (ready.type !== 'ready') throw new Error(`Expecting the ready message, got ${ready.type}`);
  return {
    clientConfig: localDynamoDbClientConfig(ready.endpoint),
    table: ready.table,
    cpuUsage: async () => {
      const answer = next('cpu');
      child.send({ type: 'cpu' } satisfies DynamoDbChildMessage);
      const message = await answer;
      if (message.type !== 'cpu' || !message.usage) throw new Error('Expecting a cpu reply with usage');
      return message.usage;
    },
    close: async () => {
      const gone = once(child, 'exit');
      child.send({ type: 'close' } satisfies DynamoDbChildMessage);
      await gone;
    },
  };
}
