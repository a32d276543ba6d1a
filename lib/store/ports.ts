import type { FlaggedArticle } from '../alerts/flagged-article.js';

/** Storage ports: the core talks only to these; adapters (memory, local folder, S3) implement them. */

/** A flat key/value store of documents (fingerprints, reports, article bodies). */
export interface ObjectStore {
  /** The bytes at key, or undefined when there is none. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** The bytes at key and their tag, which changes whenever they do; undefined when there is none. */
  getTagged(key: string): Promise<TaggedObject | undefined>;
  put(key: string, body: Uint8Array | string, contentType?: string): Promise<void>;
  /**
   * Writes only if the object still has the tag read with getTagged (`null`: only if there is
   * none): returns the new tag, or undefined when it changed meanwhile and nothing was written.
   * So two writers that read, change and write one object never lose each other's change.
   */
  putIfUnchanged(
    key: string,
    body: Uint8Array | string,
    expected: string | null,
    contentType?: string,
  ): Promise<string | undefined>;
  /** Deleting a missing key is not an error (deletes are retried). */
  delete(key: string): Promise<void>;
  /** Every key under prefix, in lexicographic order. */
  list(prefix: string): Promise<string[]>;
}

/** An object's bytes and the tag a conditional write of it expects. */
export interface TaggedObject {
  readonly bytes: Uint8Array;
  readonly tag: string;
}

/**
 * Entries of one band key a query reads at most, in every adapter. A band shared by thousands of
 * articles says little about any one of them, and the cap keeps an article's work independent of
 * the index's size.
 */
export const MAX_ENTRIES_PER_BAND = 5000;

/** The LSH index: which documents share which band keys. */
export interface LshIndex {
  /** Idempotent: adding the same id and keys twice leaves one entry per key. */
  add(id: string, bandKeys: readonly string[]): Promise<void>;
  /** Removes id from the given bands; keys it is not in are ignored. */
  remove(id: string, bandKeys: readonly string[]): Promise<void>;
  /** Ids sharing at least one band key, with how many they share; unseen keys just add nothing. */
  query(bandKeys: readonly string[]): Promise<Map<string, number>>;
  /**
   * The ids under each key, in the keys' order (an unseen key: none), or undefined for a key
   * holding more than `limit` ids: reading stops there, so a common key costs one bounded read.
   */
  readBands(bandKeys: readonly string[], limit: number): Promise<Array<readonly string[] | undefined>>;
  /**
   * About how many articles the index holds, for weighing a key's rarity against the index's
   * size (candidate search). Exact in memory; a counter in the table may lag a few seconds or
   * count an article twice after a rebuild over a live index.
   */
  size(): Promise<number>;
  /** Tells the index that `delta` articles came in (or, negative, went out); an adapter that counts its entries itself ignores it. */
  countArticles(delta: number): Promise<void>;
}

/** What reading an uploaded article found: its first bytes, or why there are none to judge. */
export type ArticleRead =
  | {
      readonly kind: 'found';
      readonly bytes: Uint8Array;
      readonly size: number;
      readonly etag: string | undefined;
      readonly lastModified?: Date;
    }
  | { readonly kind: 'missing' }
  | { readonly kind: 'too-large'; readonly size: number };

/** Where uploaded articles are read from (the bucket's incoming prefix); read-only. */
export interface ArticleSource {
  /** Reads at most maxBytes + 1 bytes, so an oversized object is never downloaded whole; `expectedSize` (from the event) may save a range request on an empty object. */
  read(key: string, maxBytes: number, expectedSize?: number): Promise<ArticleRead>;
  /** Whether the key holds an object now (a removal event may be older than a new upload). */
  exists(key: string): Promise<boolean>;
}

/** Where flagged articles are announced (EventBridge in AWS, a log and a list locally). */
export interface AlertSink {
  /** Resolves once the alert is accepted; throws so the event is retried (delivery is at least once). */
  publish(alert: FlaggedArticle): Promise<void>;
}

/** How a stored page links to another stored object: a relative path locally, a presigned URL for a private bucket. */
export interface ObjectLinks {
  /** The URL of `key` as written into the page stored at `fromKey`. */
  href(key: string, fromKey: string): Promise<string>;
  /** When the links stop working; null when they do not expire (relative links). */
  readonly expiresAt: Date | null;
}
