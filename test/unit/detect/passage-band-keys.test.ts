import { passageBandKeys } from '../../../lib/detect/passage-band-keys.js';
import { modelText } from '../../../lib/detect/fingerprint.js';
import { sketchText } from '../../../lib/detect/sketch-text.js';
import { bandKeys } from '../../../lib/sketch/lsh.js';
import { DEFAULT_DETECTOR_PARAMS as P } from '../../../lib/detect/detector-params.js';

// Forty distinct sentences on forty topics: a long "source" whose parts share no content words.
const TOPICS = Array.from({ length: 40 }, (_, i) => `topic${i}`);
const sentence = (t: string, k: number): string => `The ${t} committee reviewed ${t}report${k} with ${t}analyst and ${t}budget figures.`;
const LONG = TOPICS.map((t) => `${sentence(t, 1)} ${sentence(t, 2)}`).join(' ');

describe('passageBandKeys', () => {
  it('gives no passage keys for a text no longer than one passage, or when turned off', () => {
    expect(passageBandKeys(modelText('A short text of a few words only.'), P)).toEqual([]);
    expect(passageBandKeys(modelText(LONG), { ...P, passageWords: 0 })).toEqual([]);
  });

  it('lets a short story drawn from one passage of a long source meet it, where the whole-text sketch does not', () => {
    const short = TOPICS.slice(10, 13).map((t) => `${sentence(t, 1)} ${sentence(t, 2)}`).join(' ');
    const query = bandKeys(sketchText(short, P).signature, P.lsh);
    const whole = new Set(bandKeys(sketchText(LONG, P).signature, P.lsh));
    const passages = new Set(passageBandKeys(modelText(LONG), P));
    expect(query.filter((k) => whole.has(k)).length).toBe(0);
    expect(query.filter((k) => passages.has(k)).length).toBeGreaterThan(0);
  });

  it('is deterministic and free of duplicate keys', () => {
    const a = passageBandKeys(modelText(LONG), P);
    expect(a).toEqual(passageBandKeys(modelText(LONG), P));
    expect(new Set(a).size).toBe(a.length);
  });
});
