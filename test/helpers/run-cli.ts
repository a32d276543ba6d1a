import { main } from '../../lib/cli/main.js';

/**
 * Runs the CLI in-process and collects what it writes to stdout and stderr. `withoutAwsKey`
 * hides AWS_ACCESS_KEY_ID for the run, so a loopback endpoint signs as s3rver whatever the
 * caller's AWS variables.
 */
export async function runCli(
  args: string[],
  options: { withoutAwsKey?: boolean } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const capture =
    (sink: (text: string) => void) =>
    (chunk: string | Uint8Array): boolean => {
      sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    };
  const out = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation(capture((t) => (stdout += t)) as typeof process.stdout.write);
  const err = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation(capture((t) => (stderr += t)) as typeof process.stderr.write);
  const accessKey = process.env['AWS_ACCESS_KEY_ID'];
  if (options.withoutAwsKey) delete process.env['AWS_ACCESS_KEY_ID'];
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    if (options.withoutAwsKey && accessKey !== undefined) process.env['AWS_ACCESS_KEY_ID'] = accessKey;
    out.mockRestore();
    err.mockRestore();
  }
}
