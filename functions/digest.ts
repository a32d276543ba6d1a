import { digestHandlerDeps } from '../lib/lambda/default-deps.js';
import { makeDigestHandler } from '../lib/lambda/make-digest-handler.js';

/** Daily schedule: writes reports/digest/<yesterday>.html and .json from the day's flagged articles. */
export const handler = makeDigestHandler(digestHandlerDeps());
