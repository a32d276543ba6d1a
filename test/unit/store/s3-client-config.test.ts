import { s3ClientConfigFor } from '../../../lib/store/s3-client.js';

/** The endpoint of the local stack (`npm start`). */
const LOCAL_S3_ENDPOINT = 'http://127.0.0.1:4569';

describe('s3ClientConfigFor', () => {
  it.each([LOCAL_S3_ENDPOINT, 'http://localhost:9000/', 'http://[::1]:4569'])(
    'signs as s3rver on the loopback endpoint %s when no AWS key is set',
    (endpoint) => {
      const config = s3ClientConfigFor(new URL(endpoint), {});
      expect(config).toMatchObject({
        forcePathStyle: true,
        region: 'us-east-1',
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      });
      expect(config.endpoint).not.toMatch(/\/$/);
    },
  );

  it('leaves credentials to the standard chain on a loopback endpoint when AWS_ACCESS_KEY_ID is set, and on any other endpoint', () => {
    expect(s3ClientConfigFor(new URL(LOCAL_S3_ENDPOINT), { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' })).not.toHaveProperty(
      'credentials',
    );
    const aws = s3ClientConfigFor(new URL('https://s3.eu-west-1.amazonaws.com'), { AWS_REGION: 'eu-west-1' });
    expect(aws).toEqual({ endpoint: 'https://s3.eu-west-1.amazonaws.com', region: 'eu-west-1', forcePathStyle: false });
  });
});
