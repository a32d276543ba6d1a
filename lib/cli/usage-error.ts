import { RewriteRadarError } from '../errors.js';

/** The command line itself is wrong (unknown command or option, missing argument): exit code 2. */
export class UsageError extends RewriteRadarError {
  override name = 'UsageError';
}

/** A file named on the command line does not exist (or cannot be read): exit code 3, after the other files were judged. */
export class MissingFileError extends RewriteRadarError {
  override name = 'MissingFileError';
}
