import { s3HandlerDeps } from '../lib/lambda/default-deps.js';
import { makeArticleEventHandler } from '../lib/lambda/make-article-event-handler.js';

/** S3 ObjectCreated on incoming/: judge the article, index it, write its reports. */
export const handler = makeArticleEventHandler(s3HandlerDeps());
