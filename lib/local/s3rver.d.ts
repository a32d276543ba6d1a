// The few parts of s3rver 3.7 (no bundled types) that the local server uses.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';
  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: Array<{ name: string; configs?: Array<string | Buffer> }>;
  }
  /** The server's object store (FilesystemStore); written directly only to seed benchmarks. */
  interface S3rverStore {
    putObject(object: unknown): Promise<{ size: number; md5: string }>;
  }
  /** The parts of a Koa request context a middleware in front of s3rver uses. */
  interface S3rverContext {
    readonly method: string;
    readonly path: string;
    status: number;
    type: string;
    body: unknown;
  }
  type S3rverMiddleware = (ctx: S3rverContext, next: () => Promise<void>) => Promise<void>;
  class S3rver {
    constructor(options?: S3rverOptions);
    readonly store: S3rverStore;
    /** Koa's middleware list (s3rver extends Koa): composed when the server starts. */
    readonly middleware: S3rverMiddleware[];
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    on(event: 'event', listener: (event: unknown) => void): this;
  }
  namespace S3rver {
    export type Context = S3rverContext;
  }
  export = S3rver;
}

declare module 's3rver/lib/models/object' {
  class S3Object {
    constructor(bucket: string, key: string, content: Buffer, metadata: Record<string, string>);
  }
  export = S3Object;
}
