/**
 * Child-process side of `forkLocalDynamoDbServer`: runs dynalite (in memory) in its own process,
 * so its CPU time is not counted as the handler's, and answers the parent over IPC.
 */
import { startLocalDynamoDbServer } from '../lib/local/local-dynamodb-server.js';

/** Messages between the parent and this process. */
export type DynamoDbChildMessage =
  | { readonly type: 'ready'; readonly endpoint: string; readonly table: string }
  | { readonly type: 'cpu'; readonly usage?: NodeJS.CpuUsage }
  | { readonly type: 'close' };

async function main(): Promise<void> {
  const server = await startLocalDynamoDbServer();
  const reply = (message: DynamoDbChildMessage): void => void process.send!(message);
  process.on('message', (message: DynamoDbChildMessage) => {
    if (message.type === 'cpu') reply({ type: 'cpu', usage: process.cpuUsage() });
    else if (message.type === 'close') void server.close().then(() => process.disconnect());
  });
  reply({ type: 'ready', endpoint: server.endpoint, table: server.table });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
