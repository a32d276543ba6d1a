import type { DetectorParams } from '../detect/detector-params.js';
import { ConfigError } from '../errors.js';
import type { ObjectStore } from './ports.js';

/** Where the sketch parameters of an index are recorded, beside it in the same store (folder or bucket). */
export const INDEX_PARAMS_KEY = 'index/params.json';

/** Bump when tokenizing, MinHash or index-key hashing change, so that a text gets other index keys than before (2: distinctive-term keys; 3: repeated terms first). */
export const SKETCH_VERSION = 3;

/** What decides the band keys a text gets: two runs whose records differ cannot share an index. */
export interface IndexParams {
  readonly sketchVersion: number;
  readonly numPerm: number;
  readonly seed: number;
  readonly passageWords: number;
  readonly commonWords: number;
  readonly maxIndexKeys: number;
}

/** The index parameters of a detector configuration. */
export function indexParamsOf(params: IndexedParams): IndexParams {
  const { numPerm, seed, passageWords, commonWords, maxIndexKeys } = params;
  return { sketchVersion: SKETCH_VERSION, numPerm, seed, passageWords, commonWords, maxIndexKeys };
}

/** The detector parameters that decide an article's signature and index keys. */
export type IndexedParams = Pick<DetectorParams, 'numPerm' | 'seed' | 'passageWords' | 'commonWords' | 'maxIndexKeys'>;

const FIELDS = [
  'sketchVersion',
  'numPerm',
  'seed',
  'passageWords',
  'commonWords',
  'maxIndexKeys',
] as const satisfies ReadonlyArray<keyof IndexParams>;

/** Parses a stored record; a record that is not one is a ConfigError, since nothing can be judged against it. */
export function decodeIndexParams(bytes: Uint8Array): IndexParams {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (cause) {
    throw new ConfigError(
      `${INDEX_PARAMS_KEY} is not JSON; it records the sketch parameters the index was built with`,
      { cause },
    );
  }
  const record = value as Record<string, unknown>;
  // an index of an earlier sketch version records other fields: report the version, not the fields
  if (typeof record.sketchVersion === 'number' && record.sketchVersion !== SKETCH_VERSION)
    return { ...OLD_VERSION, sketchVersion: record.sketchVersion };
  const bad = typeof value !== 'object' || value === null ? FIELDS : FIELDS.filter((f) => !Number.isInteger(record[f]));
  if (bad.length > 0)
    throw new ConfigError(
      `${INDEX_PARAMS_KEY} lacks integer ${bad.join(', ')}; it records the sketch parameters the index was built with`,
    );
  return Object.fromEntries(FIELDS.map((f) => [f, record[f]])) as unknown as IndexParams;
}

/** Stands for a record of another sketch version, whose other fields do not compare. */
const OLD_VERSION: IndexParams = {
  sketchVersion: 0,
  numPerm: 0,
  seed: 0,
  passageWords: 0,
  commonWords: 0,
  maxIndexKeys: 0,
};

/** The differences between the recorded and the wanted parameters, as `numPerm 128 (index) vs 64 (this run)`, or null when they agree. */
export function indexParamsMismatch(recorded: IndexParams, wanted: IndexParams): string | null {
  if (recorded.sketchVersion !== wanted.sketchVersion)
    return `sketchVersion ${recorded.sketchVersion} (index) vs ${wanted.sketchVersion} (this run); rebuild the index with \`rewrite-radar reindex\``;
  const diffs = FIELDS.filter((f) => recorded[f] !== wanted[f]).map(
    (f) => `${f} ${recorded[f]} (index) vs ${wanted[f]} (this run)`,
  );
  return diffs.length === 0 ? null : diffs.join(', ');
}

/** Stores whose record was found equal to these parameters (JSON), so a warm process reads it once. */
const confirmed = new WeakMap<ObjectStore, string>();

/**
 * Refuses to judge against an index built with other sketch parameters: their band keys never
 * match, so every article would look original. Reads the record once per store and process;
 * with `record`, writes it when the index has none yet (its first article). An index from before
 * the record existed gets one at its next indexing. Two processes indexing the first articles of
 * one store with different parameters at the same moment can both pass; the last write stays.
 */
export async function checkIndexParams(
  store: ObjectStore,
  params: IndexedParams,
  options: { record: boolean },
): Promise<void> {
  const wanted = indexParamsOf(params);
  const text = JSON.stringify(wanted);
  if (confirmed.get(store) === text) return;
  const stored = await store.get(INDEX_PARAMS_KEY);
  if (stored) {
    const mismatch = indexParamsMismatch(decodeIndexParams(stored), wanted);
    if (mismatch) {
      throw new ConfigError(
        `the index was built with other sketch parameters (${INDEX_PARAMS_KEY}): ${mismatch}. Their index keys do not match, so every article would be judged original; run with the index's parameters, or build a new index in another store or bucket`,
      );
    }
  } else if (options.record) {
    await store.put(INDEX_PARAMS_KEY, `${JSON.stringify(wanted, null, 2)}\n`, 'application/json');
  } else {
    return; // nothing indexed yet: nothing to disagree with, and check mode writes nothing
  }
  confirmed.set(store, text);
}

/** Records the parameters an index now holds (after a rebuild), replacing any earlier record. */
export async function recordIndexParams(store: ObjectStore, params: IndexedParams): Promise<void> {
  await store.put(INDEX_PARAMS_KEY, `${JSON.stringify(indexParamsOf(params), null, 2)}\n`, 'application/json');
  confirmed.delete(store);
}
