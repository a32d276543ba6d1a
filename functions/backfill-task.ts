import { s3HandlerDeps } from '../lib/lambda/default-deps.js';
import { makeBackfillTaskHandler } from '../lib/lambda/make-backfill-task-handler.js';

/** S3 Batch Operations LambdaInvoke over incoming/: judge each archived article as if just uploaded. */
export const handler = makeBackfillTaskHandler(s3HandlerDeps());
