import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runCli } from '../helpers/run-cli';
import { reportKey } from '../../lib/store/keys';
import type { Report } from '../../lib/report/report';
import { lockStore } from '../../lib/store/store-lock';
import { DETECTOR_VERSION } from '../../lib/version';

const EXAMPLES = resolve(__dirname, '../../examples/articles');

describe('rewrite-radar CLI', () => {
  let root: string;
  let articles: string;
  let store: string;

  // the store is <root>/store, so keys are relative to <root> wherever the test runs from
  const keyOf = (name: string): string => `articles/${name}`;
  const readReport = async (name: string): Promise<Report> =>
    JSON.parse(await readFile(join(store, reportKey(keyOf(name))), 'utf8')) as Report;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'rr-cli-'));
    articles = join(root, 'articles');
    store = join(root, 'store');
    await cp(EXAMPLES, articles, { recursive: true });
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** The sample folder in scan order, with the verdict and source each article should get. */
  const EXPECTED: ReadonlyArray<[string, Report['verdict'], string | null]> = [
    ['2024-03-01-wire-flood.html', 'original', null],
    ['2024-03-01-wire-port-strike.txt', 'original', null],
    ['2024-03-02-copy-port-strike.md', 'copy', '2024-03-01-wire-port-strike.txt'],
    ['2024-03-02-independent-port-strike.txt', 'original', null],
    ['2024-03-02-spun-port-strike.json', 'rewrite', '2024-03-01-wire-port-strike.txt'],
    ['2024-03-03-partial-flood.txt', 'partial', '2024-03-01-wire-flood.html'],
    ['2024-03-03-unrelated-election.txt', 'original', null],
    ['bad/empty.txt', null, null],
    ['bad/notes.pdf', null, null],
  ];

  it("refuses to write a store another run is writing, instead of dropping that run's index entries", async () => {
    const other = await lockStore(store, 'scan');
    try {
      const { code, stderr } = await runCli(['index', join(articles, '2024-03-01-wire-flood.html'), '--store', store]);
      expect(code).toBe(1);
      expect(stderr).toContain(`the store ${store} is being written by rewrite-radar scan (process ${process.pid}`);
      await expect(stat(join(store, 'index.json'))).rejects.toThrow('ENOENT');
    } finally {
      await other.release();
    }
    expect((await runCli(['index', join(articles, '2024-03-01-wire-flood.html'), '--store', store])).code).toBe(0);
  });

  it('scan writes one report per file with the expected verdicts and prints a summary', async () => {
    const { code, stdout } = await runCli(['scan', articles, '--store', store]);

    expect(code).toBe(0);
    for (const [name, verdict, source] of EXPECTED) {
      const report = await readReport(name);
      expect({ name, verdict: report.verdict, source: report.rewriteOf?.key ?? null }).toEqual({
        name,
        verdict,
        source: source === null ? null : keyOf(source),
      });
    }
    expect((await readReport('bad/empty.txt')).error?.code).toBe('empty');
    expect((await readReport('bad/notes.pdf')).error?.code).toBe('unsupported-type');
    expect(stdout).toMatch(/article\s+verdict\s+source\s+score/);
    expect(stdout).toContain('articles 9   original 4   copy 1   rewrite 1   partial 1   rejected 2');
  });

  it('scan skips dotfiles and dot-folders', async () => {
    await mkdir(join(articles, '.cache'));
    await writeFile(join(articles, '.cache', 'x.txt'), 'hidden');
    await writeFile(join(articles, '.hidden.txt'), 'hidden');

    const { stdout } = await runCli(['scan', articles, '--store', store]);

    expect(stdout).toContain('articles 9 ');
  });

  it('scanning again into the same store gives the same verdicts', async () => {
    await runCli(['scan', articles, '--store', store]);

    const again = await runCli(['scan', articles, '--store', store, '--json']);

    const verdicts = again.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as Report).verdict);
    expect(verdicts).toEqual(EXPECTED.map(([, verdict]) => verdict));
  });

  it('scan --json prints exactly one report object per line and nothing else', async () => {
    const { code, stdout } = await runCli(['scan', articles, '--store', store, '--json']);

    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(EXPECTED.length);
    const reports = lines.map((line) => JSON.parse(line) as Report);
    expect(reports.map((r) => r.article.key)).toEqual(EXPECTED.map(([name]) => keyOf(name)));
  });

  it('index reports a missing file as rejected, carries on, and exits 3 naming it', async () => {
    const { code, stderr } = await runCli([
      'index',
      join(articles, 'missing.txt'),
      join(articles, '2024-03-01-wire-port-strike.txt'),
      '--store',
      store,
    ]);

    expect(code).toBe(3);
    expect(stderr).toBe(`rewrite-radar: cannot read ${join(articles, 'missing.txt')}\n`);
    expect((await readReport('missing.txt')).error?.code).toBe('not-found');
    expect((await readReport('2024-03-01-wire-port-strike.txt')).indexed).toBe(true);
  });

  it('prints an article title holding terminal control sequences with them made harmless', async () => {
    const hostile = join(articles, 'hostile.txt');
    const body = (await readFile(join(articles, '2024-03-01-wire-port-strike.txt'), 'utf8'))
      .split('\n')
      .slice(1)
      .join('\n');
    await writeFile(hostile, `\x1b[2J\x1b]0;pwned\x07 Port strike headline here\n${body}`);
    const { code, stdout } = await runCli(['check', hostile, '--store', store]);

    expect(code).toBe(0);
    expect(stdout).toContain('title: \uFFFD[2J\uFFFD]0;pwned\uFFFD Port strike headline here');
    expect(stdout.includes('\x1b') || stdout.includes('\x07')).toBe(false);
  });

  it('scan gives a file whose name is too long for a report a bad-key report on stdout, and judges the files after it', async () => {
    // 254 bytes: a legal file name, but "<name>.json" is over the file system's 255
    const long = `${'c'.repeat(250)}.txt`;
    await cp(join(articles, '2024-03-01-wire-port-strike.txt'), join(articles, long));
    const { code, stdout } = await runCli(['scan', articles, '--store', store, '--json']);

    expect(code).toBe(0);
    const reports = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Report);
    const rejected = reports.find((r) => r.article.key === keyOf(long));
    expect(rejected?.error?.code).toBe('bad-key');
    expect(rejected?.error?.message).toContain('longer than 200 bytes');
    // the files sorted after it were judged
    expect(reports.map((r) => r.article.key)).toEqual([...EXPECTED.map(([name]) => keyOf(name)), keyOf(long)].sort());
  });

  it('scan gives a named pipe and a link to an endless device a rejected report each, without waiting on them', async () => {
    execFileSync('mkfifo', [join(articles, 'pipe.txt')]);
    await symlink('/dev/zero', join(articles, 'zero.txt'));

    const { code, stderr } = await runCli(['scan', articles, '--store', store]);

    expect(code).toBe(3);
    expect(stderr).toBe(`rewrite-radar: cannot read ${join(articles, 'pipe.txt')}, ${join(articles, 'zero.txt')}\n`);
    expect((await readReport('pipe.txt')).error).toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('a named pipe, not a file'),
    });
    expect((await readReport('zero.txt')).error).toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('a device, not a file'),
    });
    expect((await readReport('2024-03-01-wire-port-strike.txt')).indexed).toBe(true);
  });

  it('index gives an edited file a new place in indexing order, as the function does, so it can name a source indexed since', async () => {
    const fixtures = resolve(__dirname, '../fixtures/articles');
    await cp(join(fixtures, 'library-fire-wire.txt'), join(articles, 'story.txt'));
    await cp(join(fixtures, 'harbour-bridge-wire.txt'), join(articles, 'wire.txt'));
    await runCli(['index', join(articles, 'story.txt'), '--store', store, '--json']);
    await runCli(['index', join(articles, 'wire.txt'), '--store', store, '--json']);
    await cp(join(fixtures, 'harbour-bridge-spun.txt'), join(articles, 'story.txt'));

    const { code, stdout } = await runCli(['index', join(articles, 'story.txt'), '--store', store, '--json']);

    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Report).rewriteOf).toMatchObject({ key: keyOf('wire.txt'), verdict: 'rewrite' });
  });

  it('check and compare exit 3 for a file that does not exist, after judging the others', async () => {
    await runCli(['index', join(articles, '2024-03-01-wire-port-strike.txt'), '--store', store]);

    const check = await runCli([
      'check',
      join(articles, 'missing.txt'),
      join(articles, '2024-03-02-copy-port-strike.md'),
      '--store',
      store,
      '--json',
    ]);
    const compare = await runCli([
      'compare',
      join(articles, 'missing.txt'),
      join(articles, '2024-03-02-copy-port-strike.md'),
    ]);

    expect(check.code).toBe(3);
    expect(
      check.stdout
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as Report).verdict),
    ).toEqual([null, 'copy']);
    expect(check.stderr).toContain(`cannot read ${join(articles, 'missing.txt')}`);
    expect(compare).toMatchObject({ code: 3, stdout: '' });
    expect(compare.stderr).toContain('no such file');
  });

  it.each([
    ['numPerm=64', 'numPerm 128 (index) vs 64 (this run)'],
    ['seed=2', 'seed 1 (index) vs 2 (this run)'],
  ])(
    'refuses --param %s against an index built with the defaults: exit 2, naming both values',
    async (param, difference) => {
      await runCli(['index', join(articles, '2024-03-01-wire-port-strike.txt'), '--store', store]);

      for (const command of ['check', 'index']) {
        const { code, stdout, stderr } = await runCli([
          command,
          join(articles, '2024-03-02-spun-port-strike.json'),
          '--store',
          store,
          '--param',
          param,
          '--json',
        ]);

        expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
        expect(stderr).toContain(difference);
      }
      // the index is unchanged and still finds the rewrite with its own parameters
      const { stdout } = await runCli([
        'check',
        join(articles, '2024-03-02-spun-port-strike.json'),
        '--store',
        store,
        '--json',
      ]);
      expect((JSON.parse(stdout) as Report).rewriteOf?.verdict).toBe('rewrite');
    },
  );

  it('check judges against the index without changing it', async () => {
    await runCli(['index', join(articles, '2024-03-01-wire-port-strike.txt'), '--store', store]);
    const indexFile = join(store, 'index.json');
    const before = { bytes: await readFile(indexFile, 'utf8'), mtime: (await stat(indexFile)).mtimeMs };

    const { code, stdout } = await runCli([
      'check',
      join(articles, '2024-03-02-copy-port-strike.md'),
      '--store',
      store,
    ]);

    expect(code).toBe(0);
    expect(stdout).toContain(`verdict: copy of ${keyOf('2024-03-01-wire-port-strike.txt')}`);
    expect(await readFile(indexFile, 'utf8')).toBe(before.bytes);
    expect((await stat(indexFile)).mtimeMs).toBe(before.mtime);
  });

  it('check from another working folder keys files by the folder holding the store, so a file is never its own copy', async () => {
    const home = process.cwd();
    process.chdir(root);
    try {
      await runCli(['index', join('articles', '2024-03-01-wire-port-strike.txt'), '--store', store]);
      process.chdir(articles);

      const { code, stdout } = await runCli([
        'check',
        '2024-03-01-wire-port-strike.txt',
        '2024-03-02-copy-port-strike.md',
        '--store',
        store,
        '--json',
      ]);

      expect(code).toBe(0);
      const [again, copy] = stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Report);
      expect(again).toMatchObject({
        article: { key: 'articles/2024-03-01-wire-port-strike.txt' },
        verdict: 'original',
        matches: [],
      });
      expect(copy).toMatchObject({
        article: { key: 'articles/2024-03-02-copy-port-strike.md' },
        rewriteOf: { key: 'articles/2024-03-01-wire-port-strike.txt', verdict: 'copy' },
      });
    } finally {
      process.chdir(home);
    }
  });

  it("indexes a file outside the store's folder under its own key, never over an inside file of that path", async () => {
    const outside = await mkdtemp(join(tmpdir(), 'rr-cli-outside-'));
    try {
      const far = join(outside, 'wire.txt');
      await cp(join(articles, '2024-03-03-unrelated-election.txt'), far);
      // the inside file whose path relative to <root> is the outside file's absolute path
      const near = join(root, far.slice(1));
      await mkdir(dirname(near), { recursive: true });
      await cp(join(articles, '2024-03-01-wire-port-strike.txt'), near);

      const { code, stdout } = await runCli(['index', near, far, '--store', store, '--json']);

      expect(code).toBe(0);
      const keys = stdout
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as Report).article.key);
      expect(keys).toEqual([far.slice(1), `.outside/${far.slice(1)}`]);
      const index = JSON.parse(await readFile(join(store, 'index.json'), 'utf8')) as {
        bands: Record<string, string[]>;
      };
      expect(new Set(Object.values(index.bands).flat())).toEqual(new Set(keys));
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('check --json prints one report per line', async () => {
    const { stdout } = await runCli([
      'check',
      join(articles, '2024-03-03-unrelated-election.txt'),
      join(articles, 'bad'),
      '--store',
      store,
      '--json',
    ]);

    const reports = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Report);
    expect(reports.map((r) => r.status)).toEqual(['ok', 'rejected', 'rejected']);
  });

  it('compare prints the measures, the verdict and the aligned passages', async () => {
    const { code, stdout } = await runCli([
      'compare',
      join(articles, '2024-03-02-spun-port-strike.json'),
      join(articles, '2024-03-01-wire-port-strike.txt'),
    ]);

    expect(code).toBe(0);
    for (const measure of ['alignedShare', 'containment', 'jaccard', 'trigramContainment'])
      expect(stdout).toMatch(new RegExp(`${measure}\\s+\\d\\.\\d{4}`));
    expect(stdout).toContain('verdict: rewrite');
    expect(stdout).toMatch(/score \| article\s+\| source/);
  });

  it('compare --json prints one object', async () => {
    const { stdout } = await runCli([
      'compare',
      join(articles, '2024-03-02-copy-port-strike.md'),
      join(articles, '2024-03-01-wire-port-strike.txt'),
      '--json',
    ]);

    const result = JSON.parse(stdout) as { verdict: string; measures: Record<string, number> };
    expect(result.verdict).toBe('copy');
    expect(result.measures['trigramContainment']).toBeGreaterThan(0.9);
  });

  it.each([
    [['scan', '--frobnicate', 'x']],
    [['frobnicate']],
    [[]],
    [['compare', 'only-one.txt']],
    [['check', 'a.txt', '--errors', 'e.tsv']],
  ])('exits 2 with the usage on stderr for %j', async (args) => {
    const { code, stdout, stderr } = await runCli(args);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: rewrite-radar');
  });

  it('exits 2 with a sentence on a --params-file that is missing, a folder, or null; reads one saved with a byte order mark', async () => {
    const wire = join(articles, '2024-03-01-wire-port-strike.txt');
    const nullFile = join(root, 'null.json');
    const bomFile = join(root, 'bom.json');
    await writeFile(nullFile, 'null');
    await writeFile(bomFile, '\uFEFF{"rewriteShare": 0.6}');
    for (const [file, why] of [
      [join(root, 'none.json'), 'no such file'],
      [root, 'a folder, not a file'],
      [nullFile, 'must hold a JSON object of verdict thresholds, got null'],
    ] as const) {
      const run = await runCli(['check', wire, '--store', store, '--params-file', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--params-file ${file}${why.startsWith('must') ? ' ' : ': '}${why}`);
    }
    const bom = await runCli(['check', wire, '--store', store, '--params-file', bomFile, '--json']);
    expect(bom.code).toBe(0);
    expect((JSON.parse(bom.stdout) as Report).detector.params.rewriteShare).toBe(0.6);
  });

  it('exits 2 naming a bad detector parameter', async () => {
    const { code, stderr } = await runCli(['scan', articles, '--store', store, '--param', 'rewriteShare=1.5']);

    expect(code).toBe(2);
    expect(stderr).toContain('rewriteShare');
  });

  it('stops with exit 1 and a clear message on a storage fault', async () => {
    await writeFile(store, 'a file where the store folder should be');

    const { code, stderr } = await runCli(['scan', articles, '--store', store]);

    expect(code).toBe(1);
    expect(stderr).toContain('storage fault');
    expect(stderr).toContain(store);
  });

  it('digest refuses a store that is not there (a mistyped --store) instead of writing an empty digest into a new one', async () => {
    const typo = join(root, 'no-such-store');
    const { code, stdout, stderr } = await runCli(['digest', '--store', typo]);

    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain(': no such store (scan or index write one)');
    await expect(stat(typo)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('--version prints the detector version every report records', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect({ code, stdout }).toEqual({ code: 0, stdout: `rewrite-radar: detector ${DETECTOR_VERSION}\n` });
  });

  it('prints the help on stdout with exit 0', async () => {
    const { code, stdout } = await runCli(['--help']);

    expect(code).toBe(0);
    expect(stdout).toContain('Usage: rewrite-radar');
  });

  it.each([[['check', '--help']], [['help', 'check']]])(
    "prints one command's help and options for %j",
    async (args) => {
      const { code, stdout } = await runCli(args);

      expect(code).toBe(0);
      expect(stdout).toContain('Usage: rewrite-radar check FILES... [options]');
      expect(stdout).toContain('--store DIR');
      expect(stdout).not.toContain('--dynamodb-endpoint');
      expect(stdout).not.toContain('backfill');
    },
  );

  it("names the commands an option belongs to when given to another, with that command's help", async () => {
    const { code, stderr } = await runCli(['eval', 'corpus', '--table', 'index']);

    expect(code).toBe(2);
    expect(stderr).toContain('--table is not an option of eval (it is one of backfill, reindex)');
    expect(stderr).toContain('Usage: rewrite-radar eval CORPUS_DIR [options]');
    expect(stderr).not.toContain('Commands:');
  });

  describe('eval', () => {
    let corpus: string;

    beforeEach(async () => {
      corpus = join(root, 'corpus');
      await mkdir(join(corpus, 'texts'), { recursive: true });
      const copy = async (from: string, to: string): Promise<void> =>
        cp(join(EXAMPLES, from), join(corpus, 'texts', to));
      await copy('2024-03-01-wire-port-strike.txt', 'strike-source.txt');
      await copy('2024-03-03-unrelated-election.txt', 'election-source.txt');
      await copy('2024-03-02-copy-port-strike.md', 'strike-copy.md');
      await copy('2024-03-02-independent-port-strike.txt', 'strike-independent.txt');
      await writeFile(
        join(corpus, 'labels.tsv'),
        [
          'article\tlabel\tderived\tsources',
          'texts/strike-copy.md\twholly\t1\ttexts/strike-source.txt',
          'texts/strike-independent.txt\tnon\t0\ttexts/strike-source.txt;texts/election-source.txt',
          '',
        ].join('\n'),
      );
    });

    it('exits 2 with a sentence, not a raw ENOENT, on a folder without labels.tsv', async () => {
      const { code, stdout, stderr } = await runCli(['eval', articles]);

      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toContain(`eval: ${articles} has no labels.tsv; a corpus folder holds labels.tsv`);
      expect(stderr).not.toContain('ENOENT');
    });

    it('calibrate says the same, and both refuse an output path they cannot write before doing any work', async () => {
      const missing = await runCli(['calibrate', articles]);
      expect({ code: missing.code, stdout: missing.stdout }).toEqual({ code: 2, stdout: '' });
      expect(missing.stderr).toContain(`calibrate: ${articles} has no labels.tsv`);
      expect(missing.stderr).not.toContain('ENOENT');

      const nowhere = join(corpus, 'no-such-folder', 'out.tsv');
      for (const args of [
        ['eval', corpus, '--errors', nowhere],
        ['calibrate', corpus, '--out', nowhere],
      ]) {
        const run = await runCli(args);
        expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
        expect(run.stderr).toContain(`${args[2]} ${nowhere}: the folder ${dirname(nowhere)} does not exist`);
      }
    });

    it('refuses --out naming a folder, and a labels.tsv naming texts that are not in the corpus, before any work', async () => {
      const folder = await runCli(['calibrate', corpus, '--out', corpus]);
      expect({ code: folder.code, stdout: folder.stdout }).toEqual({ code: 2, stdout: '' });
      expect(folder.stderr).toContain(`--out ${corpus}: is a folder; give a file name`);

      const broken = join(root, 'broken');
      await mkdir(join(broken, 'texts'), { recursive: true });
      await cp(join(articles, '2024-03-01-wire-port-strike.txt'), join(broken, 'texts/a.txt'));
      await writeFile(
        join(broken, 'labels.tsv'),
        'article\tlabel\tderived\tsources\ntexts/a.txt\tx\t1\ttexts/missing.txt\ntexts/a.txt\tx\t1\t../outside.txt\n',
      );
      const run = await runCli(['eval', broken]);
      expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
      expect(run.stderr).toBe(
        `rewrite-radar: labels.tsv names texts that cannot be read: "texts/missing.txt" (row 1) is not a file in ${broken}; "../outside.txt" (row 2) is not a path inside the corpus folder\n`,
      );
    });

    it('--json prints exactly one object with the documented keys', async () => {
      const { code, stdout } = await runCli(['eval', corpus, '--json']);

      expect(code).toBe(0);
      expect(stdout.trimEnd().split('\n')).toHaveLength(1);
      const result = JSON.parse(stdout) as Record<string, unknown>;
      expect(Object.keys(result).sort()).toEqual(
        [
          'articles',
          'f1Derived',
          'f1Independent',
          'falseAlarmRate',
          'macroF1',
          'precision',
          'recall',
          'recallByLabel',
          'seconds',
          'sources',
        ].sort(),
      );
      expect(result).toMatchObject({
        recall: 1,
        falseAlarmRate: 0,
        articles: 2,
        sources: 2,
        recallByLabel: { wholly: 1, non: 1 },
      });
    });

    it('prints a readable block and writes the misjudged articles with --errors', async () => {
      const errors = join(root, 'errors.tsv');

      const { code, stdout } = await runCli(['eval', corpus, '--errors', errors]);

      expect(code).toBe(0);
      expect(stdout).toMatch(/recall\s+1\.0000/);
      expect(stdout).toMatch(/false-alarm rate\s+0\.0000/);
      expect(await readFile(errors, 'utf8')).toBe('label\tarticle\tderived\tsources\tflagged\n');
    });
  });
});
