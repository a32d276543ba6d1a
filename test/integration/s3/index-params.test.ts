import { ConfigError } from '../../../lib/errors.js';
import { s3HandlerDeps } from '../../../lib/lambda/default-deps.js';
import { EventBatchError, makeArticleEventHandler } from '../../../lib/lambda/make-article-event-handler.js';
import { INDEX_PARAMS_KEY } from '../../../lib/store/index-params.js';
import { fixtureText } from '../../helpers/fixtures.js';
import { startLocalStack, type LocalStack } from '../../helpers/local-stack.js';
import { s3Event } from '../../helpers/s3-events.js';

describe('sketch parameters recorded in the bucket', () => {
  let stack: LocalStack;
  beforeEach(async () => {
    stack = await startLocalStack();
  });
  afterEach(async () => {
    await stack.close();
  });

  it('a function deployed with other parameters than the index was built with fails its events with a logged ConfigError', async () => {
    await stack.put('incoming/wire/bridge.txt', fixtureText('articles/harbour-bridge-wire.txt'));
    await stack.delivery.idle();
    expect(JSON.parse(Buffer.from((await stack.deps.store.get(INDEX_PARAMS_KEY))!).toString('utf8'))).toMatchObject({
      numPerm: 128,
      seed: 1,
      passageWords: 150,
    });
    // the same bucket, served by a function redeployed with PASSAGE_WORDS changed
    const logs: Array<Record<string, unknown>> = [];
    const redeployed = s3HandlerDeps(
      { ARTICLES_BUCKET: 'articles', INDEX_TABLE: stack.dynamo.table, PASSAGE_WORDS: '100' },
      stack.server.clientConfig,
      stack.dynamo.clientConfig,
    );
    const deps = {
      ...redeployed,
      log: (level: string, message: string, fields?: Record<string, unknown>) =>
        void logs.push({ level, message, ...fields }),
    };
    await stack.put('incoming/farm/bridge.txt', fixtureText('articles/harbour-bridge-spun.txt'));
    await stack.delivery.idle();

    const run = makeArticleEventHandler(deps)(s3Event('created', 'incoming/farm/bridge.txt'));

    await expect(run).rejects.toThrow(EventBatchError);
    await expect(run.catch((e: Error) => Promise.reject(e.cause))).rejects.toThrow(ConfigError);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'article event failed',
        key: 'incoming/farm/bridge.txt',
        error: expect.stringContaining(
          'ConfigError: the index was built with other sketch parameters (index/params.json): passageWords 150 (index) vs 100 (this run)',
        ),
      }),
    );
    redeployed.close();
  });
});
