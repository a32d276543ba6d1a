import type { CliContext } from '../cli-context.js';
import { listArticleFiles } from '../../store/list-article-files.js';
import { UsageError } from '../usage-error.js';
import { indexFiles } from './index-files.js';

/** `index FILES...`: judges and indexes the given files, in the order given (folders expand like scan). */
export async function indexCommand(ctx: CliContext, args: readonly string[]): Promise<number> {
  if (args.length === 0) throw new UsageError('index needs at least one file or folder');
  return indexFiles(
    ctx,
    await listArticleFiles(args, { cwd: ctx.cwd, keyRoot: ctx.keyRoot, exclude: ctx.storeDir }),
    'index',
  );
}
