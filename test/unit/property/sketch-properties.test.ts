import fc from 'fast-check';
import { DEFAULT_DETECTOR_PARAMS } from '../../../lib/detect/detector-params.js';
import { sketchText } from '../../../lib/detect/sketch-text.js';
import { STOP } from '../../../lib/text/tokenize.js';
import { deserializeMinHash, serializeMinHash, type MinHash } from '../../../lib/sketch/minhash.js';
import { anyString, PROPERTY_RUNS, storyText } from '../../helpers/article-arbitraries.js';

/** A plain copy of a signature, so a later call that reused a buffer could not change what we compare. */
function snapshot(m: MinHash): { seed: number; values: number[] } {
  return { seed: m.seed, values: [...m.values] };
}

const text = fc.oneof(
  storyText,
  anyString,
  fc.array(fc.oneof(storyText, anyString), { maxLength: 4 }).map((p) => p.join('\n\n')),
);
const params = fc.record({
  numPerm: fc.constantFrom(8, 16, 128, 200),
  seed: fc.oneof(fc.constant(1), fc.nat(), fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 })),
});

describe('sketchText', () => {
  it('is deterministic: the same text twice gives equal signatures, even with another text sketched in between', () => {
    fc.assert(
      fc.property(text, text, params, (a, b, p) => {
        const first = sketchText(a, p);
        const firstSignature = snapshot(first.signature);
        sketchText(b, p);
        const again = sketchText(a, p);

        expect(snapshot(again.signature)).toEqual(firstSignature);
        expect(again.model.tokens.count).toBe(first.model.tokens.count);
        expect(firstSignature.values).toHaveLength(p.numPerm);
      }),
      PROPERTY_RUNS,
    );
  });

  it('leaves no slot empty once a text has a content word', () => {
    fc.assert(
      fc.property(storyText, (a) => {
        const s = sketchText(a, DEFAULT_DETECTOR_PARAMS);
        // densification leaves no slot empty (0xffffffff) once any content word was seen
        const { count, flags } = s.model.tokens;
        const contentWords = Array.from(flags.subarray(0, count)).filter((f) => (f & STOP) === 0).length;
        if (contentWords > 0) expect(s.signature.values.includes(0xffffffff)).toBe(false);
      }),
      PROPERTY_RUNS,
    );
  });
});

describe('MinHash serialization', () => {
  it('round-trips the signature of any text', () => {
    fc.assert(
      fc.property(text, params, (a, p) => {
        const signature = sketchText(a, p).signature;

        expect(snapshot(deserializeMinHash(serializeMinHash(signature)))).toEqual(snapshot(signature));
      }),
      PROPERTY_RUNS,
    );
  });

  it('round-trips any seed and any slot values', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2 ** 32 - 1 }),
        fc.array(fc.nat({ max: 2 ** 32 - 1 }), { minLength: 1, maxLength: 300 }),
        (seed, values) => {
          const m: MinHash = { seed, values: Uint32Array.from(values) };

          expect(snapshot(deserializeMinHash(serializeMinHash(m)))).toEqual({ seed, values });
        },
      ),
      PROPERTY_RUNS,
    );
  });

  it('reads any other string back as a signature or throws RangeError, nothing else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyString,
          fc.base64String().map((b) => `mh1.${b}`),
        ),
        (s) => {
          try {
            deserializeMinHash(s);
          } catch (error) {
            expect(error).toBeInstanceOf(RangeError);
          }
        },
      ),
      PROPERTY_RUNS,
    );
  });
});
