import { HeadObjectCommand } from '@aws-sdk/client-s3';
import type { DynamoDbFaultProxy } from '../../helpers/dynamodb-fault-proxy.js';
import type { FaultProxy } from '../../helpers/fault-proxy.js';
import { fixtureText } from '../../helpers/fixtures.js';
import { startProxiedStack, type LocalStack } from '../../helpers/local-stack.js';
import { s3Event } from '../../helpers/s3-events.js';

/** The parts of an Embedded Metric Format line the test reads. */
interface EmfLine {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: Array<{
      Namespace: string;
      Dimensions: string[][];
      Metrics: Array<{ Name: string; Unit: string }>;
    }>;
  };
  service: string;
  [metric: string]: unknown;
}

describe('CloudWatch metrics in Embedded Metric Format, inside Lambda', () => {
  let stack: LocalStack;
  let proxy: FaultProxy;
  let dynamoProxy: DynamoDbFaultProxy;
  let stdout: jest.SpiedFunction<typeof process.stdout.write>;
  beforeEach(async () => {
    // AWS_LAMBDA_FUNCTION_NAME is what Lambda sets: only there are metrics written
    ({ stack, proxy, dynamoProxy } = await startProxiedStack(undefined, {
      env: {
        AWS_LAMBDA_FUNCTION_NAME: 'rewrite-radar-test-articleCreated',
        POWERTOOLS_SERVICE_NAME: 'rewrite-radar-test',
      },
    }));
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(async () => {
    stdout.mockRestore();
    await stack.close();
    await proxy.close();
    await dynamoProxy.close();
  });

  async function handle(key: string, fixture: string, eventTime: string): Promise<void> {
    await stack.put(key, fixtureText(fixture));
    const head = await stack.user.send(new HeadObjectCommand({ Bucket: 'articles', Key: key }));
    await stack.handler(
      s3Event('created', key, { eTag: head.ETag!.replace(/"/g, ''), size: head.ContentLength ?? 0, eventTime }),
    );
  }

  it('writes one EMF line per article: candidates found, index throttles and duration', async () => {
    await handle('incoming/wire/bridge.txt', 'articles/harbour-bridge-wire.txt', '2024-03-01T08:00:00.000Z');
    dynamoProxy.mode = 'unprocessed';
    await handle('incoming/farm/bridge.txt', 'articles/harbour-bridge-spun.txt', '2024-03-01T09:00:00.000Z');
    dynamoProxy.mode = 'pass';

    const lines = stdout.mock.calls
      .map(([chunk]) => String(chunk))
      .filter((l) => l.includes('"_aws"'))
      .map((l) => JSON.parse(l) as EmfLine);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const [directive] = line._aws.CloudWatchMetrics;
      expect(directive).toMatchObject({ Namespace: 'rewrite-radar', Dimensions: [['service']] });
      expect(directive!.Metrics.map((m) => `${m.Name}:${m.Unit}`).sort()).toEqual([
        'ArticleDuration:Milliseconds',
        'CandidatesFound:Count',
        'IndexThrottles:Count',
      ]);
      expect(line.service).toBe('rewrite-radar-test');
      expect(line['ArticleDuration']).toBeGreaterThan(0);
    }
    expect(lines.map((l) => [l['CandidatesFound'], l['IndexThrottles']])).toEqual([
      [0, 0],
      [1, expect.any(Number)],
    ]);
    expect(lines[1]!['IndexThrottles']).toBeGreaterThan(0);
  });
});
