/**
 * Heap a warm function's reuse of common keys' reads (lib/store/common-key-reads.ts) holds when
 * full: COMMON_KEY_ENTRIES_KEPT entries over just under COMMON_KEY_ARTICLES_KEPT distinct article
 * keys, in reads of maxBandIds keys each (the largest read kept). Measured in a fresh Node process
 * after a full garbage collection, so nothing else of the bench counts.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { COMMON_KEY_ARTICLES_KEPT, COMMON_KEY_ENTRIES_KEPT } from '../lib/store/dynamodb-lsh-index.js';
import { DEFAULT_DETECTOR_PARAMS } from '../lib/detect/detector-params.js';

/** What the full reuse holds. */
export interface CommonKeyMemory {
  readonly heapMb: number;
  readonly entries: number;
  readonly articleKeys: number;
}

/** MB of heap the full reuse holds with article keys of `keyLength` characters. */
export function commonKeyReadsMemory(keyLength: number): CommonKeyMemory {
  const perRead = DEFAULT_DETECTOR_PARAMS.maxBandIds;
  // keep() empties the reuse when its numbered keys plus a read's would pass the budget, so the
  // fullest state numbers one read fewer than the budget
  const articleKeys = COMMON_KEY_ARTICLES_KEPT - perRead;
  const reads = Math.floor(COMMON_KEY_ENTRIES_KEPT / perRead);
  const modulePath = join(__dirname, '..', 'lib', 'store', 'common-key-reads.js');
  const script = `
    const { CommonKeyReads } = require(${JSON.stringify(modulePath)});
    gc(); const before = process.memoryUsage().heapUsed;
    const pool = Array.from({ length: ${articleKeys} }, (_, i) => ('incoming/' + i + '/').padEnd(${keyLength}, 'x'));
    const reuse = new CommonKeyReads(60000, ${COMMON_KEY_ENTRIES_KEPT}, ${COMMON_KEY_ARTICLES_KEPT});
    for (let r = 0; r < ${reads}; r++) {
      const ids = Array.from({ length: ${perRead} }, (_, i) => pool[(r * ${perRead} + i * 7) % pool.length]);
      reuse.keep('t-' + r.toString(16).padStart(8, '0'), ids, 0);
    }
    const kept = reuse.get('t-' + (${reads} - 1).toString(16).padStart(8, '0'), ${perRead}, 1);
    pool.length = 0; gc(); // the keys the reuse numbered stay: it holds them
    console.log(JSON.stringify({ bytes: process.memoryUsage().heapUsed - before, last: kept ? kept.length : 0 }));`;
  const out = JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' }).trim(),
  ) as { bytes: number; last: number };
  if (out.last !== perRead) throw new Error(`the reuse kept ${out.last} keys of its last read, expected ${perRead}`);
  return { heapMb: out.bytes / 2 ** 20, entries: reads * perRead, articleKeys };
}
