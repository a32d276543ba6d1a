import { encodeS3Key } from '../../lib/lambda/parse-s3-event.js';
import { fixtureText } from './fixtures.js';

/** A real-shaped S3 Batch Operations LambdaInvoke event (test/fixtures/events) with one task per key, URL-encoded as Batch Operations sends it. */
export function batchEvent(
  version: '1.0' | '2.0',
  tasks: ReadonlyArray<{ key: string; bucket?: string }>,
): { invocationId: string; tasks: Array<Record<string, unknown>> } {
  const event = JSON.parse(fixtureText(`events/batch-operations-v${version.charAt(0)}.json`)) as {
    invocationId: string;
    tasks: Array<Record<string, unknown>>;
  };
  const template = event.tasks[0]!;
  event.tasks = tasks.map((t, i) => {
    const bucket = t.bucket ?? 'articles';
    const task: Record<string, unknown> = {
      ...template,
      taskId: `${String(template['taskId'])}-${i}`,
      s3Key: encodeS3Key(t.key),
    };
    if (version === '1.0') task['s3BucketArn'] = `arn:aws:s3:::${bucket}`;
    else task['s3Bucket'] = bucket;
    return task;
  });
  return event;
}
