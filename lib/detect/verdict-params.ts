import { ConfigError } from '../errors.js';
import type { DetectorParams } from './detector-params.js';

/**
 * The parameters a params file (`--params-file`, `DETECTOR_PARAMS`, written by `calibrate`) may
 * set: verdict thresholds only. Sketch parameters (numPerm, seed, passageWords, commonWords) must
 * match the index the texts were sketched into, so no file may change them.
 */
export const VERDICT_PARAM_NAMES = [
  'copyContainment',
  'rewriteShare',
  'restyleFacts',
  'restyleBlend',
  'partialShare',
  'partialPhrasing',
  'minSourceShare',
] as const satisfies readonly (keyof DetectorParams)[];

/** One of VERDICT_PARAM_NAMES. */
export type VerdictParamName = (typeof VERDICT_PARAM_NAMES)[number];

/** Verdict thresholds as a params file holds them. */
export type VerdictParams = Partial<Pick<DetectorParams, VerdictParamName>>;

/**
 * Parses a params file's JSON: an object of verdict thresholds, each a number in (0, 1) (the
 * ranges detectorParams checks). `origin` names the file or variable in error messages.
 */
export function parseVerdictParams(json: string, origin: string): VerdictParams {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (cause) {
    throw new ConfigError(`${origin} is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ConfigError(
      `${origin} must hold a JSON object of verdict thresholds, got ${Array.isArray(raw) ? 'an array' : raw === null ? 'null' : typeof raw}`,
    );
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(raw)) {
    // free-form notes (calibrate writes where and how the thresholds were fitted) start with "_"
    if (name.startsWith('_')) continue;
    if (!(VERDICT_PARAM_NAMES as readonly string[]).includes(name)) {
      throw new ConfigError(
        `${origin}: ${JSON.stringify(name)} is not a verdict threshold (a params file sets only ${VERDICT_PARAM_NAMES.join(', ')}; sketch parameters must match the index)`,
      );
    }
    if (typeof value !== 'number' || !(value > 0 && value < 1))
      throw new ConfigError(`${origin}: ${name} must be a number in (0, 1), got ${JSON.stringify(value)}`);
    out[name] = value;
  }
  return out as VerdictParams;
}
