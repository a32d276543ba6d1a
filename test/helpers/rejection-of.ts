import { ArticleRejectedError, type RejectionCode } from '../../lib/errors.js';

/** The code and message of the ArticleRejectedError fn throws; fails the test when it throws nothing. */
export function rejectionOf(fn: () => unknown): { code: RejectionCode; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof ArticleRejectedError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an ArticleRejectedError');
}
