import { ConfigError } from '../../../lib/errors.js';
import { lambdaConfig } from '../../../lib/lambda/lambda-config.js';

describe('lambdaConfig', () => {
  it('has defaults for everything but the bucket and the table', () => {
    const config = lambdaConfig({ ARTICLES_BUCKET: 'news-articles', INDEX_TABLE: 'rr-dev-index' });
    expect(config).toMatchObject({
      bucket: 'news-articles',
      indexTable: 'rr-dev-index',
      incomingPrefix: 'incoming/',
      logLevel: 'info',
      s3SocketTimeoutMs: 10_000,
    });
    expect(config.params.maxCandidates).toBe(50);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads detector settings', () => {
    const config = lambdaConfig({
      ARTICLES_BUCKET: 'b-1',
      INDEX_TABLE: 'rr-dev-index',
      MAX_BYTES: '1000',
      MAX_CANDIDATES: '7',
      REWRITE_SHARE: '0.6',
      INCOMING_PREFIX: 'wire/in/',
      LOG_LEVEL: 'DEBUG',
      S3_SOCKET_TIMEOUT_MS: '2500',
    });
    expect(config.params).toMatchObject({ maxBytes: 1000, maxCandidates: 7, rewriteShare: 0.6 });
    expect(config).toMatchObject({ incomingPrefix: 'wire/in/', logLevel: 'debug', s3SocketTimeoutMs: 2500 });
  });

  it.each([
    [{}, /ARTICLES_BUCKET is not set/],
    [{ ARTICLES_BUCKET: 'ok-bucket' }, /INDEX_TABLE is not set: it names the DynamoDB table/],
    [
      { ARTICLES_BUCKET: 'ok-bucket', INDEX_TABLE: 'rr index' },
      /INDEX_TABLE must be a DynamoDB table name .* got "rr index"/,
    ],
    [{ ARTICLES_BUCKET: 'ok-bucket', INDEX_TABLE: 'rr' }, /INDEX_TABLE must be a DynamoDB table name .* got "rr"/],
    [{ ARTICLES_BUCKET: 'Bad_Bucket' }, /ARTICLES_BUCKET must be an S3 bucket name, got "Bad_Bucket"/],
    [
      { ARTICLES_BUCKET: 'ok-bucket', INDEX_TABLE: 'rr-dev-index', INCOMING_PREFIX: 'incoming' },
      /INCOMING_PREFIX must be a relative prefix ending in "\/"/,
    ],
    [
      { ARTICLES_BUCKET: 'ok-bucket', INDEX_TABLE: 'rr-dev-index', INCOMING_PREFIX: 'reports/in/' },
      /INCOMING_PREFIX .* outside reports\//,
    ],
    [
      { ARTICLES_BUCKET: 'ok-bucket', INDEX_TABLE: 'rr-dev-index', MAX_BYTES: 'lots' },
      /MAX_BYTES must be a number, got "lots"/,
    ],
    [
      { ARTICLES_BUCKET: 'ok-bucket', INDEX_TABLE: 'rr-dev-index', MAX_BYTES: '0x500000' },
      /MAX_BYTES must be a number, got "0x500000"/,
    ],
    [
      { ARTICLES_BUCKET: 'ok-bucket', INDEX_TABLE: 'rr-dev-index', MAX_CANDIDATES: '0' },
      /MAX_CANDIDATES: maxCandidates must be an integer in 1\.\.10000, got 0/,
    ],
    [
      { ARTICLES_BUCKET: 'ok-bucket', INDEX_TABLE: 'rr-dev-index', REWRITE_SHARE: '1.5' },
      /REWRITE_SHARE: rewriteShare must be a number in \(0, 1\), got 1.5/,
    ],
    [
      { ARTICLES_BUCKET: 'ok-bucket', INDEX_TABLE: 'rr-dev-index', LOG_LEVEL: 'loud' },
      /LOG_LEVEL must be one of debug, info, warn, error, got "loud"/,
    ],
    [
      { ARTICLES_BUCKET: 'ok-bucket', INDEX_TABLE: 'rr-dev-index', S3_SOCKET_TIMEOUT_MS: '30s' },
      /S3_SOCKET_TIMEOUT_MS must be an integer number of milliseconds in 100\.\.600000, got "30s"/,
    ],
    [
      { ARTICLES_BUCKET: 'ok-bucket', INDEX_TABLE: 'rr-dev-index', S3_SOCKET_TIMEOUT_MS: '0' },
      /S3_SOCKET_TIMEOUT_MS must be .* got "0"/,
    ],
  ])('rejects %p with a message naming the variable', (env, message) => {
    expect(() => lambdaConfig(env)).toThrow(ConfigError);
    expect(() => lambdaConfig(env)).toThrow(message);
  });
});
