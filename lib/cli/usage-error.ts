import { RewriteRadarError } from '../errors.js';

/** The command line itself is wrong (unknown command or option, missing argument): exit code 2. */
export class UsageError extends RewriteRadarError {
  override name = 'UsageError';
}

/** A file given (or found in a folder given) does not exist or is not a readable file: exit code 3, after the other files were judged. */
export class MissingFileError extends RewriteRadarError {
  override name = 'MissingFileError';
}
