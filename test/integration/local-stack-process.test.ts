import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const EXAMPLES = join(ROOT, 'examples/articles');

/** `npm start` as a user runs it: bin/local-stack.js over the compiled dist/, in its own process. */
interface StackProcess {
  readonly child: ChildProcess;
  /** Resolves with the first stdout line matching `pattern`, rejects if the process ends first. */
  line(pattern: RegExp): Promise<string>;
  readonly stderr: () => string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
}

function startStack(args: string[], env: Record<string, string> = {}): StackProcess {
  const child = spawn(process.execPath, ['--openssl-legacy-provider', join(ROOT, 'bin/local-stack.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ pattern: RegExp; done: (line: string) => void }> = [];
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  // complete lines only: a line still being written could match a pattern with half its text
  const lineMatching = (pattern: RegExp): string | undefined =>
    stdout
      .split('\n')
      .slice(0, -1)
      .find((l) => pattern.test(l));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const w of [...waiters]) {
      const found = lineMatching(w.pattern);
      if (found !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done(found);
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const output = (): string => `stdout:\n${stdout}\nstderr:\n${stderr}`;
  return {
    child,
    stderr: () => stderr,
    exited,
    line: (pattern) =>
      new Promise((done, fail) => {
        const found = lineMatching(pattern);
        if (found !== undefined) return done(found);
        // well under jest's timeout, so a missing line fails with what the stack printed
        const timer = setTimeout(() => fail(new Error(`no line matching ${pattern} within 60 s; ${output()}`)), 60_000);
        waiters.push({
          pattern,
          done: (line) => {
            clearTimeout(timer);
            done(line);
          },
        });
        void exited.then(() => {
          clearTimeout(timer);
          fail(new Error(`the stack exited before printing ${pattern}; ${output()}`));
        });
      }),
  };
}

/** Whether a port on 127.0.0.1 can be bound now (nothing holds it). */
async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  try {
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    return true;
  } catch {
    return false;
  } finally {
    server.close();
  }
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

describe('npm start (bin/local-stack.js as a process)', () => {
  let dir: string;
  let running: StackProcess | undefined;

  beforeAll(() => {
    // bin/local-stack.js runs the compiled dist/, as `npm start` builds it
    const build = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (build.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed:\n${build.stdout}${build.stderr}`);
  }, 300_000);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rr-start-'));
  });

  /** Both servers on ports the system picks, their data in this test's folder. */
  const onFreePorts = (): string[] => [
    '--port',
    '0',
    '--data',
    join(dir, 's3'),
    '--dynamodb-port',
    '0',
    '--dynamodb-data',
    join(dir, 'dynamodb'),
  ];

  afterEach(async () => {
    if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
    running = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('judges dropped files, says why an ignored suffix or a pipe does nothing, mirrors reports to disk, and stops on one Ctrl-C, freeing its port', async () => {
    const drop = join(dir, 'drop');
    running = startStack([...onFreePorts(), '--drop', drop]);
    const endpoint = /S3 endpoint http:\/\/127\.0\.0\.1:(\d+)/.exec(await running.line(/S3 endpoint/))!;
    const port = Number(endpoint[1]);
    await running.line(/Ctrl-C stops/);

    await copyFile(join(EXAMPLES, 'bad/notes.pdf'), join(drop, 'notes.pdf'));
    expect(await running.line(/notes\.pdf/)).toBe(
      'incoming/notes.pdf: not judged, nothing uploaded: the trigger fires only for .txt .TXT .md .MD .markdown .MARKDOWN .html .HTML .htm .HTM .json .JSON (as in AWS)',
    );
    execFileSync('mkfifo', [join(drop, 'pipe.txt')]);
    expect(await running.line(/pipe\.txt/)).toBe(
      `incoming/pipe.txt: not uploaded: ${join(drop, 'pipe.txt')} is not a file (a pipe, device or socket)`,
    );
    await copyFile(join(EXAMPLES, '2024-03-01-wire-port-strike.txt'), join(drop, 'wire.txt'));
    await running.line(/^incoming\/wire\.txt: original/);
    await copyFile(join(EXAMPLES, '2024-03-02-spun-port-strike.json'), join(drop, 'SPUN.JSON'));
    await writeFile(join(drop, 'short.txt'), 'Too short to judge.');

    expect(await running.line(/^incoming\/SPUN\.JSON:/)).toBe(
      'incoming/SPUN.JSON: rewrite of incoming/wire.txt  -> reports/incoming/SPUN.JSON.html'.replace(
        'reports/',
        `${join(dir, 'reports')}/`,
      ),
    );
    expect(await running.line(/^incoming\/short\.txt:/)).toMatch(
      /^incoming\/short\.txt: rejected \(too-short\): 4 words of story text/,
    );
    // the page opens from disk, beside the drop folder
    expect((await stat(join(dir, 'reports/incoming/SPUN.JSON.html'))).isFile()).toBe(true);
    expect((await stat(join(dir, 'reports/incoming/SPUN.JSON.json'))).isFile()).toBe(true);

    running.child.kill('SIGINT');

    expect(await running.exited).toBe(0);
    expect(await portIsFree(port)).toBe(true);
  });

  it('stops at once with exit 2 on a bad environment value, naming it and leaving the port free', async () => {
    const port = await freePort();
    running = startStack(
      ['--port', String(port), '--data', join(dir, 's3'), '--dynamodb-port', '0', '--drop', join(dir, 'drop')],
      { MAX_BYTES: 'abc' },
    );

    expect(await running.exited).toBe(2);
    expect(running.stderr()).toContain('npm start: MAX_BYTES must be a number, got "abc"');
    expect(await portIsFree(port)).toBe(true);

    // the digest's and the alert bus's variables too, though neither leaves this process locally
    for (const [name, value, message] of [
      ['DIGEST_LINK_SECONDS', 'abc', 'DIGEST_LINK_SECONDS must be a whole number of seconds'],
      ['ALERT_BUS', 'bad bus name!', 'ALERT_BUS must be an EventBridge bus name'],
    ] as const) {
      running = startStack(['--port', String(port), '--data', join(dir, 's3'), '--dynamodb-port', '0'], {
        [name]: value,
      });
      expect(await running.exited).toBe(2);
      expect(running.stderr()).toContain(`npm start: ${message}`);
    }
  });

  it('--upload says a named pipe is not a file and uploads the rest, instead of waiting on the pipe forever', async () => {
    const samples = join(dir, 'samples');
    await mkdir(samples);
    execFileSync('mkfifo', [join(samples, 'pipe.txt')]);
    await copyFile(join(EXAMPLES, '2024-03-01-wire-port-strike.txt'), join(samples, 'wire.txt'));
    running = startStack([...onFreePorts(), '--upload', samples, '--exit']);

    expect(await running.line(/pipe\.txt/)).toBe(
      `incoming/pipe.txt: not uploaded: ${join(samples, 'pipe.txt')} is not a file (a pipe, device or socket)`,
    );
    await running.line(/^incoming\/wire\.txt: original/);
    expect(await running.exited).toBe(0);
  });

  it('--upload refuses a name the local store cannot hold with a line, uploads the rest, and exits 1', async () => {
    const samples = join(dir, 'samples');
    await mkdir(samples);
    // 244 bytes: a legal file name, but s3rver's "<name>._S3rver_metadata.json" would pass 255
    const long = `${'b'.repeat(240)}.txt`;
    await copyFile(join(EXAMPLES, '2024-03-01-wire-port-strike.txt'), join(samples, long));
    await copyFile(join(EXAMPLES, '2024-03-01-wire-port-strike.txt'), join(samples, 'wire.txt'));
    running = startStack([...onFreePorts(), '--upload', samples, '--exit']);

    expect(await running.line(/bbbb/)).toBe(
      `incoming/${long}: not uploaded: A key segment is longer than 233 bytes, more than the local store's file names hold.`,
    );
    await running.line(/^incoming\/wire\.txt: original/);
    expect(await running.exited).toBe(1);
  });

  it('refuses at start, with exit 2 and before uploading, sketch parameters its kept index was not built with', async () => {
    const samples = join(dir, 'samples');
    await mkdir(samples);
    await copyFile(join(EXAMPLES, '2024-03-01-wire-port-strike.txt'), join(samples, 'wire.txt'));
    running = startStack([...onFreePorts(), '--upload', samples, '--exit']);
    expect(await running.exited).toBe(0);

    running = startStack([...onFreePorts(), '--upload', samples, '--exit'], { PASSAGE_WORDS: '100' });

    expect(await running.exited).toBe(2);
    expect(running.stderr()).toContain(
      'npm start: the index was built with other sketch parameters (index/params.json): passageWords 150 (index) vs 100 (this run)',
    );
  });

  it('prints its options on stdout and exits 0 with --help', async () => {
    const help = spawnSync(process.execPath, [join(ROOT, 'bin/local-stack.js'), '--help'], { encoding: 'utf8' });

    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm start -- \[--port N\]/);
  });

  it('stops with exit 2 and one line naming the option when a port is in use, instead of a stack trace', async () => {
    const holder = createServer().listen(0, '127.0.0.1');
    await once(holder, 'listening');
    const { port } = holder.address() as { port: number };
    try {
      for (const option of ['--port', '--dynamodb-port']) {
        const other = option === '--port' ? '--dynamodb-port' : '--port';
        running = startStack([
          option,
          String(port),
          other,
          '0',
          '--data',
          join(dir, 's3'),
          '--dynamodb-data',
          join(dir, 'db'),
          '--exit',
        ]);

        expect(await running.exited).toBe(2);
        expect(running.stderr()).toContain(
          `npm start: port ${port} on 127.0.0.1 is in use (another npm start?): stop it, or choose another with ${option} N (0 picks a free one)`,
        );
        expect(running.stderr()).not.toContain('Unhandled');
      }
    } finally {
      holder.close();
    }
  });

  it('stops with exit 2 when the folder given to --upload does not exist, before starting anything', async () => {
    const port = await freePort();
    const missing = join(dir, 'no-such-folder');
    running = startStack(['--port', String(port), '--data', join(dir, 's3'), '--upload', missing, '--exit']);

    expect(await running.exited).toBe(2);
    expect(running.stderr()).toContain(`npm start: --upload ${missing}: no such folder`);
    expect(await portIsFree(port)).toBe(true);
  });
});
