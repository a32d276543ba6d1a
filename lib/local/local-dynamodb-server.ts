import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { LOCAL_TABLE, localDynamoDbClientConfig } from '../store/dynamodb-client.js';
import { INDEX_TABLE_KEY } from '../store/dynamodb-lsh-index.js';

/** A DynamoDB-compatible server (dynalite, in this process) on 127.0.0.1 with the index table created. */
export interface LocalDynamoDbServer {
  readonly endpoint: string;
  readonly table: string;
  /** Client settings that reach it. */
  readonly clientConfig: DynamoDBClientConfig;
  close(): Promise<void>;
}

/**
 * Starts dynalite on 127.0.0.1 (port 0: any free port), keeping its LevelDB data in `directory`
 * (in memory without one), and creates the index table unless it is already there.
 */
export async function startLocalDynamoDbServer(
  options: { directory?: string; port?: number; table?: string } = {},
): Promise<LocalDynamoDbServer> {
  const server = dynalite({
    ...(options.directory !== undefined ? { path: options.directory } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const table = options.table ?? LOCAL_TABLE;
  const clientConfig = localDynamoDbClientConfig(endpoint);
  const close = (): Promise<void> =>
    new Promise((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    });
  const client = new DynamoDBClient(clientConfig);
  try {
    await createIndexTable(client, table);
  } catch (err) {
    await close();
    throw err;
  } finally {
    client.destroy();
  }
  return { endpoint, table, clientConfig, close };
}

/** Creates the index table as serverless.yml declares it (on-demand, band + article key), and waits until it is active. */
export async function createIndexTable(client: DynamoDBClient, table: string): Promise<void> {
  const exists = await client.send(new DescribeTableCommand({ TableName: table })).then(
    () => true,
    (err: unknown) => {
      if (err instanceof Error && err.name === 'ResourceNotFoundException') return false;
      throw err;
    },
  );
  if (!exists) {
    await client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: INDEX_TABLE_KEY.partition, AttributeType: 'S' },
          { AttributeName: INDEX_TABLE_KEY.sort, AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: INDEX_TABLE_KEY.partition, KeyType: 'HASH' },
          { AttributeName: INDEX_TABLE_KEY.sort, KeyType: 'RANGE' },
        ],
      }),
    );
  }
  for (let i = 0; i < 100; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Expecting table ${table} to become ACTIVE within 2 s, it did not`);
}
