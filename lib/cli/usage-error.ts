import { RewriteRadarError } from '../errors.js';

/** The command line itself is wrong (unknown command or option, missing argument): exit code 2. */
export class UsageError extends RewriteRadarError {
  override name = 'UsageError';
}
