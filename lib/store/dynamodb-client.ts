import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { DeserializeMiddleware, MetadataBearer } from '@smithy/types';
import { isThrottle } from './dynamodb-lsh-index.js';
import { countCommand, currentCounts } from './request-scope.js';
import { DEFAULT_S3_SOCKET_TIMEOUT_MS, LOOPBACK_HOSTS } from './s3-client.js';

/**
 * A DynamoDB client, built once per cold start, that counts what it sends and the throttling it
 * meets into the work that sent it (countRequests; a throttle the SDK retried away never reaches
 * the caller, so it is counted here). Sockets
 * idle for `socketTimeoutMs` fail and are retried, as for S3.
 */
export function makeDynamoDbClient(
  config: DynamoDBClientConfig = {},
  socketTimeoutMs = DEFAULT_S3_SOCKET_TIMEOUT_MS,
): DynamoDBClient {
  const dynamodb = new DynamoDBClient({ requestHandler: { socketTimeout: socketTimeoutMs }, ...config });
  // inside the retry loop but outside the deserializer: runs once per attempt and sees its parsed output or error
  dynamodb.middlewareStack.addRelativeTo(
    ((next, context) => async (args) => {
      const counts = currentCounts();
      if (!counts) return next(args);
      countCommand(counts.dynamodb, context.commandName);
      try {
        const result = await next(args);
        const output = result.output as
          { UnprocessedItems?: Record<string, unknown[]>; ConsumedCapacity?: { CapacityUnits?: number } } | undefined;
        const unprocessed = itemCount(output?.UnprocessedItems);
        if (unprocessed > 0) counts.throttles++;
        if (context.commandName === 'QueryCommand')
          counts.readUnits += Math.max(1, output?.ConsumedCapacity?.CapacityUnits ?? 0);
        if (context.commandName === 'BatchWriteItemCommand')
          counts.itemsWritten +=
            itemCount((args.input as { RequestItems?: Record<string, unknown[]> }).RequestItems) - unprocessed;
        return result;
      } catch (err) {
        if (isThrottle(err)) counts.throttles++;
        throw err;
      }
    }) satisfies DeserializeMiddleware<object, MetadataBearer>,
    { relation: 'before', toMiddleware: 'deserializerMiddleware', name: 'countDynamoDbRequests' },
  );
  return dynamodb;
}

/** Items over every table of a BatchWriteItem's RequestItems or UnprocessedItems. */
function itemCount(byTable: Record<string, unknown[]> | undefined): number {
  let n = 0;
  for (const items of Object.values(byTable ?? {})) n += items.length;
  return n;
}

/** The index table the local stack creates, and the CLI's default `--table`. */
export const LOCAL_TABLE = 'rewrite-radar-index';

/** Credentials dynalite accepts (it checks none); fixed so no AWS profile is ever read locally. */
const DYNALITE_CREDENTIALS = Object.freeze({ accessKeyId: 'dynalite', secretAccessKey: 'dynalite' });

/** Client settings for a DynamoDB endpoint on this machine (dynalite). */
export function localDynamoDbClientConfig(endpoint: string): DynamoDBClientConfig {
  return { endpoint, region: 'us-east-1', credentials: { ...DYNALITE_CREDENTIALS } };
}

/** DynamoDB client settings for an endpoint: on the loopback address without AWS_ACCESS_KEY_ID, dynalite's; else the standard chain. */
export function dynamoDbClientConfigFor(endpoint: URL, env: NodeJS.ProcessEnv): DynamoDBClientConfig {
  const href = endpoint.href.replace(/\/$/, '');
  if (LOOPBACK_HOSTS.has(endpoint.hostname) && (env['AWS_ACCESS_KEY_ID'] ?? '') === '')
    return localDynamoDbClientConfig(href);
  return { endpoint: href, region: env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || 'us-east-1' };
}
