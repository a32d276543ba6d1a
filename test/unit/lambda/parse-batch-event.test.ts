import { MalformedEventError } from '../../../lib/errors.js';
import { parseBatchEvent } from '../../../lib/lambda/parse-batch-event.js';
import { fixtureText } from '../../helpers/fixtures.js';

const fixture = (version: 1 | 2): Record<string, unknown> =>
  JSON.parse(fixtureText(`events/batch-operations-v${version}.json`)) as Record<string, unknown>;

describe('parseBatchEvent', () => {
  it.each([1, 2] as const)('reads a schema %i.0 invocation: bucket by ARN or name, key form-decoded', (version) => {
    const event = fixture(version);
    const parsed = parseBatchEvent(event);
    expect(parsed.invocationSchemaVersion).toBe(`${version}.0`);
    expect(parsed.invocationId).toBe(event['invocationId']);
    expect(parsed.tasks).toEqual([
      {
        taskId: (event['tasks'] as Array<{ taskId: string }>)[0]!.taskId,
        bucket: 'articles',
        key: 'incoming/2024/stéphane + co% story.txt',
      },
    ]);
    expect(parsed.unanswerable).toEqual([]);
  });

  it('turns a task it cannot act on into a problem, and one without a taskId into an unanswerable line', () => {
    const event = {
      ...fixture(1),
      tasks: [
        { taskId: 'a', s3Key: 'incoming/%E0%A4%A.txt', s3BucketArn: 'arn:aws:s3:::articles' },
        { taskId: 'b', s3Key: 'incoming/x.txt', s3BucketArn: 'arn:aws:sqs:::articles' },
        { s3Key: 'incoming/y.txt' },
      ],
    };
    const parsed = parseBatchEvent(event);
    expect(parsed.tasks.map((t) => ('problem' in t ? t.problem : 'ok'))).toEqual([
      expect.stringContaining('not valid URL encoding'),
      expect.stringContaining('no s3Bucket nor s3BucketArn'),
    ]);
    expect(parsed.unanswerable).toEqual([expect.stringContaining('task 2: no taskId')]);
  });

  it.each([
    ['an S3 notification', JSON.parse(fixtureText('events/object-created-put.json')) as unknown],
    ['an unknown schema version', { ...fixture(2), invocationSchemaVersion: '3.0' }],
    ['no invocationId', { ...fixture(1), invocationId: undefined }],
    ['no tasks', { ...fixture(1), tasks: null }],
    ['not an object', 'tasks'],
  ])('throws MalformedEventError on %s', (_name, event) => {
    expect(() => parseBatchEvent(event)).toThrow(MalformedEventError);
  });
});
