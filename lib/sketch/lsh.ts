import { fmix32 as importedFmix32 } from './hash.js';

// Module-local: compiled to CommonJS, a call to an import goes through its module object, uninlined.
const fmix32 = importedFmix32;
import type { MinHash } from './minhash.js';

/** Banding of a signature: `bands` groups of `rows` slots; a shared band makes a candidate. */
export interface LshParams {
  readonly bands: number;
  readonly rows: number;
}

/** Probability that two sets of Jaccard s share at least one band: the S-curve 1-(1-s^r)^b. */
export function candidateProbability(s: number, { bands, rows }: LshParams): number {
  return 1 - Math.pow(1 - Math.pow(s, rows), bands);
}

function integrate(f: (x: number) => number, a: number, b: number): number {
  const n = 200; // composite Simpson; the S-curve is smooth, so this matches quad to ~1e-9
  const h = (b - a) / n;
  let sum = f(a) + f(b);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/**
 * Chooses bands x rows <= numPerm minimising the weighted areas under the S-curve below
 * the threshold (false positives) and above it (false negatives), as datasketch does.
 */
export function optimalLshParams(
  threshold: number,
  numPerm: number,
  weights = { falsePositive: 0.5, falseNegative: 0.5 },
): LshParams {
  if (!(threshold > 0 && threshold < 1)) throw new RangeError(`LSH threshold must be in (0, 1), got ${threshold}`);
  let best: LshParams = { bands: 1, rows: numPerm };
  let bestError = Infinity;
  for (let bands = 1; bands <= numPerm; bands++) {
    for (let rows = 1; rows * bands <= numPerm; rows++) {
      const p = { bands, rows };
      const fp = integrate((s) => candidateProbability(s, p), 0, threshold);
      const fn = integrate((s) => 1 - candidateProbability(s, p), threshold, 1);
      const error = fp * weights.falsePositive + fn * weights.falseNegative;
      if (error < bestError) {
        bestError = error;
        best = p;
      }
    }
  }
  return best;
}

/**
 * One key per band, "b<band>-<hash of the band's rows>". The band number is part of the key:
 * equal values in different bands are not evidence of similarity.
 */
export function bandKeys(sig: MinHash, { bands, rows }: LshParams): string[] {
  if (bands * rows > sig.values.length) {
    throw new RangeError(`LSH needs ${bands * rows} signature slots, the signature has ${sig.values.length}`);
  }
  // All keys are written as ASCII bytes into one buffer, decoded once and sliced: formatting
  // 2 x bands numbers with toString(16).padStart cost ten times the hashing.
  const count = bands > 0 ? Math.ceil(bands) : 0;
  if (keyEnds.length < count) {
    keyBytes = Buffer.alloc(count * MAX_KEY_LENGTH);
    keyEnds = new Uint32Array(count);
  }
  const bytes = keyBytes;
  const ends = keyEnds;
  let p = 0;
  // (| 0 keeps h and h2 int32 throughout: mixing in fmix32's unsigned results makes V8 use doubles)
  for (let b = 0; b < bands; b++) {
    let h = Math.imul(b + 1, 0x9e3779b1);
    for (let r = 0; r < rows; r++) h = fmix32(h ^ sig.values[b * rows + r]!) | 0;
    // a second, differently seeded hash makes band collisions by chance ~2^-64
    let h2 = Math.imul(b + 1, 0x85ebca6b) ^ 0x27d4eb2f;
    for (let r = 0; r < rows; r++) h2 = fmix32(Math.imul(h2, 31) ^ sig.values[b * rows + r]!) | 0;
    bytes[p++] = 98; // b
    p = writeDecimal(bytes, p, b);
    bytes[p++] = 45; // -
    p = writeHex8(bytes, p, h);
    p = writeHex8(bytes, p, h2);
    ends[b] = p;
  }
  const all = bytes.toString('latin1', 0, p);
  const keys: string[] = [];
  let from = 0;
  for (let b = 0; b < count; b++) {
    keys.push(all.slice(from, ends[b]));
    from = ends[b]!;
  }
  return keys;
}

/** "b" + up to 10 decimal digits + "-" + 16 hex digits. */
const MAX_KEY_LENGTH = 28;
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
/** Scratch of bandKeys, reused across calls and grown for more bands: the keys' bytes and where each ends. */
let keyBytes = Buffer.alloc(64 * MAX_KEY_LENGTH);
let keyEnds = new Uint32Array(64);

/** Writes n (a non-negative integer) in decimal at bytes[p]; returns the position after it. */
function writeDecimal(bytes: Buffer, p: number, n: number): number {
  let digits = 1;
  for (let rest = n; rest >= 10; rest = (rest / 10) | 0) digits++;
  for (let i = p + digits - 1, rest = n; i >= p; i--, rest = (rest / 10) | 0) bytes[i] = 48 + (rest % 10);
  return p + digits;
}

/** Writes n as 8 lower-case hex digits (as (n >>> 0).toString(16).padStart(8, '0')); returns the position after them. */
function writeHex8(bytes: Buffer, p: number, n: number): number {
  for (let shift = 28; shift >= 0; shift -= 4) bytes[p++] = HEX_DIGITS[(n >>> shift) & 15]!;
  return p;
}
