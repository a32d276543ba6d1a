import { encodeS3Key } from '../lib/lambda/parse-s3-event.js';

/** The S3 notification record S3 sends for a PUT (key URL-encoded, `+` for space). */
export function createdEvent(
  bucket: string,
  key: string,
  size: number,
  eTag: string | undefined,
  eventTime: string,
): unknown {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime,
        eventName: 'ObjectCreated:Put',
        s3: {
          s3SchemaVersion: '1.0',
          bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encodeS3Key(key), size, ...(eTag ? { eTag } : {}) },
        },
      },
    ],
  };
}
