import { encodeS3Key } from '../../lib/lambda/parse-s3-event.js';
import { fixtureText } from './fixtures.js';

/** A real-shaped S3 notification (from test/fixtures/events) for `key`, URL-encoded as S3 sends it. */
export function s3Event(
  kind: 'created' | 'removed',
  key: string,
  fields: { eTag?: string; size?: number; eventTime?: string; bucket?: string } = {},
): { Records: Array<Record<string, unknown>> } {
  type Fixture = {
    Records: Array<{ eventTime: string; s3: { bucket: { name: string }; object: Record<string, unknown> } }>;
  };
  const event = JSON.parse(
    fixtureText(kind === 'created' ? 'events/object-created-put.json' : 'events/object-removed-delete.json'),
  ) as Fixture;
  const record = event.Records[0]!;
  record.s3.object['key'] = encodeS3Key(key);
  if (fields.eTag !== undefined) record.s3.object['eTag'] = fields.eTag;
  else delete record.s3.object['eTag'];
  if (fields.size !== undefined) record.s3.object['size'] = fields.size;
  if (fields.eventTime !== undefined) record.eventTime = fields.eventTime;
  if (fields.bucket !== undefined) record.s3.bucket.name = fields.bucket;
  return event as unknown as { Records: Array<Record<string, unknown>> };
}
