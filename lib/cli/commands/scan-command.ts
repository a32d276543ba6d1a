import type { CliContext } from '../cli-context.js';
import { listArticleFiles } from '../../store/list-article-files.js';
import { isFolder } from '../../util/path-kind.js';
import { UsageError } from '../usage-error.js';
import { indexFiles } from './index-files.js';

/** `scan DIR`: judges and indexes every file under DIR in sorted path order. */
export async function scanCommand(ctx: CliContext, args: readonly string[]): Promise<number> {
  const [dir] = args;
  if (args.length !== 1 || dir === undefined)
    throw new UsageError(`scan takes one folder, got ${args.length} arguments`);
  if (!(await isFolder(dir))) throw new UsageError(`scan: ${dir} is not a folder`);
  return indexFiles(
    ctx,
    await listArticleFiles([dir], { cwd: ctx.cwd, keyRoot: ctx.keyRoot, exclude: ctx.storeDir }),
    'scan',
  );
}
