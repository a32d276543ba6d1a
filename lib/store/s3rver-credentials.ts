/**
 * s3rver accepts only requests signed with this fixed pair; it is public, not a secret. Kept apart
 * from lib/local/local-s3-server.ts so the CLI can use it without loading s3rver (a dev dependency). Not
 * frozen: the SDK tags the credentials object it is given, so callers pass a copy.
 */
export const S3RVER_CREDENTIALS: { readonly accessKeyId: string; readonly secretAccessKey: string } = {
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
};
