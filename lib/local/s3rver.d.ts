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
  /** An object as s3rver's store takes it (lib/models/object). */
  interface S3rverObject {
    readonly bucket: string;
    readonly key: string;
    readonly content: Buffer | NodeJS.ReadableStream;
    readonly metadata: Record<string, string>;
  }
  /** The server's object store (FilesystemStore): seeded directly by benchmarks; its put is replaced by a whole-file one. */
  interface S3rverStore {
    putObject(object: S3rverObject): Promise<{ size: number; md5: string }>;
    getResourcePath(bucket: string, key: string, resource: string): string;
    putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5: string): Promise<void>;
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
    export type Store = S3rverStore;
  }
  export = S3rver;
}

declare module 's3rver/lib/models/object' {
  class S3Object {
    constructor(bucket: string, key: string, content: Buffer, metadata: Record<string, string>);
    readonly bucket: string;
    readonly key: string;
    readonly content: Buffer;
    readonly metadata: Record<string, string>;
  }
  export = S3Object;
}
