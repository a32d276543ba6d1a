import { join } from 'node:path';
import type { FlaggedArticle } from '../../lib/alerts/flagged-article.js';
import type { HandledEvent } from '../../lib/lambda/make-article-event-handler.js';
import { LOCAL_BUCKET, startLocalStackRuntime, type LocalStackRuntime } from '../../lib/local/start-local-stack.js';
import { jsonLog } from '../../lib/log.js';
import { createCloudAdapters, type CloudAdapters } from '../../lib/store/cloud-adapters.js';

/**
 * `npm start`'s runtime on free ports with its data under `root`, quiet, plus adapters over its
 * bucket and table for the test's own uploads and reads. `handled` gets each judged key.
 */
export async function startQuietRuntime(
  root: string,
  options: {
    env: NodeJS.ProcessEnv;
    handled: (key: string) => void;
    onAlert?: (alert: FlaggedArticle) => void;
  },
): Promise<{ stack: LocalStackRuntime; cloud: CloudAdapters }> {
  const stack = await startLocalStackRuntime({
    dataDir: join(root, 's3'),
    port: 0,
    dynamoDbDir: join(root, 'dynamodb'),
    dynamoDbPort: 0,
    env: options.env,
    log: jsonLog('error', () => undefined),
    ...(options.onAlert ? { onAlert: options.onAlert } : {}),
    onHandled: (results: readonly HandledEvent[]) => results.forEach((r) => options.handled(r.key)),
  });
  const cloud = createCloudAdapters({
    bucket: LOCAL_BUCKET,
    table: stack.dynamo.table,
    s3Config: stack.server.clientConfig,
    dynamoDbConfig: stack.dynamo.clientConfig,
  });
  return { stack, cloud };
}
