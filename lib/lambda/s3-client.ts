import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

/**
 * An S3 client that only adds checksums where S3 requires them (the SDK's default adds them to
 * every upload, which S3-compatible test servers store with aws-chunked framing in the body),
 * and that counts the HTTP requests it sends, retries included (each is billed).
 */
export function makeS3Client(config: S3ClientConfig = {}): { s3: S3Client; requests: () => number } {
  const s3 = new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED', ...config });
  let sent = 0;
  s3.middlewareStack.add(
    (next) => async (args) => {
      sent++;
      return next(args);
    },
    { step: 'deserialize', name: 'countRequests' },
  );
  return { s3, requests: () => sent };
}
