import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.js';
import { parseVerdictParams, type VerdictParams } from '../detect/verdict-params.js';
import { DEFAULT_DETECTOR_PARAMS, type DetectorParams } from '../detect/detector-params.js';
import { decimalNumber } from '../util/decimal-number.js';
import { errorCode, messageOf } from '../util/node-errors.js';

/** Names `--param` accepts: every detector parameter (all are numbers). */
export const PARAM_NAMES: readonly string[] = Object.keys(DEFAULT_DETECTOR_PARAMS);

/** Turns repeated `--param name=value` into overrides for detectorParams; ConfigError on a bad one. */
export function parseParamOverrides(specs: readonly string[]): Partial<DetectorParams> {
  const overrides: Record<string, number> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const name = eq > 0 ? spec.slice(0, eq).trim() : '';
    const text = eq > 0 ? spec.slice(eq + 1).trim() : '';
    if (name === '' || text === '') throw new ConfigError(`--param expects NAME=VALUE, got ${JSON.stringify(spec)}`);
    if (!PARAM_NAMES.includes(name))
      throw new ConfigError(`unknown detector parameter ${JSON.stringify(name)}; known: ${PARAM_NAMES.join(', ')}`);
    const value = decimalNumber(text);
    if (!Number.isFinite(value)) throw new ConfigError(`--param ${name} expects a number, got ${JSON.stringify(text)}`);
    overrides[name] = value;
  }
  return overrides as Partial<DetectorParams>;
}

/** The verdict thresholds of `--params-file FILE` (none without the option); ConfigError on a bad file. */
export async function readParamsFile(file: string | undefined): Promise<VerdictParams> {
  if (file === undefined) return {};
  let json: string;
  try {
    json = await readFile(file, 'utf8');
  } catch (cause) {
    const code = errorCode(cause);
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : messageOf(cause);
    throw new ConfigError(`--params-file ${file}: ${why}`, { cause });
  }
  // an editor may save the file with a byte order mark, as article files may have one
  return parseVerdictParams(json.replace(/^\uFEFF/, ''), `--params-file ${file}`);
}
