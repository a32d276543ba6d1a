import { deserializeMinHash, serializeMinHash, type MinHash } from '../sketch/minhash.js';
import { RewriteRadarError } from '../errors.js';

/** Bump when stored fingerprints can no longer be read by this code. */
export const FINGERPRINT_FORMAT_VERSION = 1;

/** What is stored per indexed article: enough to verify and to quote passages, no raw file. */
export interface FingerprintRecord {
  readonly formatVersion: typeof FINGERPRINT_FORMAT_VERSION;
  readonly key: string;
  readonly title: string;
  /** The cleaned story text; passage offsets index it. */
  readonly text: string;
  readonly contentHash: string;
  readonly wordCount: number;
  readonly signature: MinHash;
  readonly bandKeys: readonly string[];
  /** Sort key of indexing order ("<ISO time>|<key>"): the earlier article is the source. */
  readonly order: string;
}

/** JSON form of a fingerprint (signature as its compact serialization). */
export function encodeFingerprint(f: FingerprintRecord): string {
  return JSON.stringify({ ...f, signature: serializeMinHash(f.signature) });
}

/** Parses a stored fingerprint; a corrupt or foreign one is an infrastructure fault, not an article's. */
export function decodeFingerprint(bytes: Uint8Array, key: string): FingerprintRecord {
  try {
    const raw = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as Record<
      string,
      unknown
    >;
    if (raw['formatVersion'] !== FINGERPRINT_FORMAT_VERSION)
      throw new Error(`format version ${String(raw['formatVersion'])}`);
    // older records carry contentTermCount, which nothing reads: dropped, the record still decodes
    const record = { ...raw };
    delete record['contentTermCount'];
    return { ...(record as unknown as FingerprintRecord), signature: deserializeMinHash(String(raw['signature'])) };
  } catch (cause) {
    throw new RewriteRadarError(`stored fingerprint ${key} is unreadable`, { cause });
  }
}
