import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startLocalS3Server, type LocalS3Server } from '../../../lib/local/local-s3-server';
import { makeS3Client } from '../../../lib/store/s3-client';

describe('the local S3 server (s3rver behind its guards)', () => {
  let dir: string;
  let server: LocalS3Server;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rr-s3rver-'));
    server = await startLocalS3Server({ directory: dir, bucket: 'articles' });
  });

  afterEach(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('has an object whole on disk when its write is answered, and leaves no temporary file', async () => {
    const body = Buffer.alloc(8 * 1024 * 1024, 'a');
    const s3 = makeS3Client(server.clientConfig);
    try {
      // s3rver's own put resolved once the write was begun: a GET then read a cut file
      await server.putDirect('reports/x.json', body);
      expect((await stat(join(dir, 'articles/reports/x.json._S3rver_object'))).size).toBe(body.length);
      await s3.send(new PutObjectCommand({ Bucket: 'articles', Key: 'reports/x.json', Body: body }));
      expect((await stat(join(dir, 'articles/reports/x.json._S3rver_object'))).size).toBe(body.length);
      const got = await s3.send(new GetObjectCommand({ Bucket: 'articles', Key: 'reports/x.json' }));
      expect((await got.Body!.transformToByteArray()).length).toBe(body.length);
      expect((await readdir(join(dir, 'articles/reports'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      s3.destroy();
    }
  });

  it("answers a key segment too long for the store's file names with KeyTooLongError, and keeps serving", async () => {
    const s3 = makeS3Client(server.clientConfig);
    try {
      await expect(
        s3.send(new PutObjectCommand({ Bucket: 'articles', Key: `incoming/${'b'.repeat(240)}.txt`, Body: 'text' })),
      ).rejects.toMatchObject({ name: 'KeyTooLongError' });
      await s3.send(new PutObjectCommand({ Bucket: 'articles', Key: 'incoming/ok.txt', Body: 'text' }));
    } finally {
      s3.destroy();
    }
  });
});
