import { s3HandlerDeps } from '../lib/lambda/default-deps.js';
import { makeArticleEventHandler } from '../lib/lambda/make-article-event-handler.js';

/** S3 ObjectRemoved on incoming/: take the article out of the index and mark its report withdrawn. */
export const handler = makeArticleEventHandler(s3HandlerDeps());
