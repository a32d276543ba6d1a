import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { FlaggedArticle } from '../../lib/alerts/flagged-article.js';
import type { Digest } from '../../lib/digest/digest.js';
import { digestKeys, utcDay } from '../../lib/digest/flagged-marker.js';
import { LOCAL_BUCKET, type LocalStackRuntime } from '../../lib/local/start-local-stack.js';
import { digestHandlerDeps } from '../../lib/lambda/default-deps.js';
import { makeDigestHandler } from '../../lib/lambda/make-digest-handler.js';
import { MalformedEventError } from '../../lib/errors.js';
import type { CloudAdapters } from '../../lib/store/cloud-adapters.js';
import { htmlReportKey } from '../../lib/store/keys.js';
import { loadReport } from '../../lib/use-cases/stored-reports.js';
import { runCli } from '../helpers/run-cli.js';
import { startQuietRuntime } from '../helpers/stack-runtime.js';

const EXAMPLES = resolve(__dirname, '../../examples/articles');
/** Uploaded in this order; the flood wire under a licensed prefix. */
const UPLOADS: ReadonlyArray<[file: string, key: string]> = [
  ['2024-03-01-wire-port-strike.txt', 'incoming/wire-port-strike.txt'],
  ['2024-03-01-wire-flood.html', 'incoming/licensed/wire-flood.html'],
  ['2024-03-02-copy-port-strike.md', 'incoming/copy-port-strike.md'],
  ['2024-03-02-spun-port-strike.json', 'incoming/spun-port-strike.json'],
  ['2024-03-02-independent-port-strike.txt', 'incoming/independent-port-strike.txt'],
  ['2024-03-03-partial-flood.txt', 'incoming/partial-flood.txt'],
  ['2024-03-03-unrelated-election.txt', 'incoming/unrelated-election.txt'],
];

describe('alerts and the digest in the local stack', () => {
  let root: string;
  let stack: LocalStackRuntime | undefined;
  let cloud: CloudAdapters | undefined;
  const printed: FlaggedArticle[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rr-alerts-'));
    const handled = new Map<string, () => void>();
    ({ stack, cloud } = await startQuietRuntime(root, {
      env: { LICENSED_SOURCES: 'incoming/licensed/' },
      onAlert: (a) => printed.push(a),
      handled: (key) => handled.get(key)?.(),
    }));
    for (const [file, key] of UPLOADS) {
      const done = new Promise<void>((resolveHandled) => handled.set(key, resolveHandled));
      const body = await readFile(join(EXAMPLES, file));
      await cloud.s3.send(
        new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key: key, Body: body, ContentLength: body.length }),
      );
      await done;
    }
    await stack.delivery.idle();
  });

  afterAll(async () => {
    cloud?.close();
    await stack?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('publishes one event per flagged article on the stand-in bus, none for originals or licensed copies', async () => {
    expect(stack!.delivery.failed).toEqual([]);
    const verdicts: Record<string, string | null> = {};
    for (const [, key] of UPLOADS) verdicts[key] = (await loadReport(cloud!, key))?.verdict ?? null;
    const flagged = Object.keys(verdicts).filter((k) => ['copy', 'rewrite', 'partial'].includes(verdicts[k]!));

    expect(verdicts).toMatchObject({
      'incoming/copy-port-strike.md': 'copy',
      'incoming/spun-port-strike.json': 'rewrite',
      // a derivation of the licensed wire: shown in its report, not alerted
      'incoming/partial-flood.txt': 'licensed',
      'incoming/unrelated-election.txt': 'original',
    });
    expect(stack!.alerts.published.map((a) => a.articleKey).sort()).toEqual(flagged.sort());
    expect(printed).toEqual(stack!.alerts.published);
    const spun = stack!.alerts.published.find((a) => a.articleKey === 'incoming/spun-port-strike.json')!;
    const report = await loadReport(cloud!, 'incoming/spun-port-strike.json');
    expect(spun).toMatchObject({
      id: `incoming/spun-port-strike.json#${report!.article.contentHash}`,
      verdict: 'rewrite',
      sourceKey: 'incoming/wire-port-strike.txt',
      score: report!.rewriteOf!.score,
      reportKey: 'reports/incoming/spun-port-strike.json.json',
    });
  });

  it('writes the digest of the bucket with presigned report links that open without credentials', async () => {
    const day = utcDay(new Date(stack!.alerts.published[0]!.flaggedAt));
    const run = await runCli(
      ['digest', '--endpoint', stack!.server.endpoint, '--bucket', LOCAL_BUCKET, '--date', day, '--expires', '1h'],
      { withoutAwsKey: true },
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });

    const digest = JSON.parse(Buffer.from((await cloud!.store.get(digestKeys(day).json))!).toString()) as Digest;
    expect(digest.articles.map((a) => a.id).sort()).toEqual(
      stack!.alerts
        .distinct()
        .map((a) => a.id)
        .sort(),
    );
    const times = digest.articles.map((a) => a.flaggedAt);
    expect(times).toEqual([...times].sort().reverse());
    const expiresIn = Date.parse(digest.linksExpireAt!) - Date.parse(digest.generatedAt);
    expect(expiresIn).toBe(3600_000);
    for (const entry of digest.articles) {
      expect(entry.reportUrl).toContain('X-Amz-Signature=');
      const page = await fetch(entry.reportUrl);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe(
        Buffer.from((await cloud!.store.get(htmlReportKey(entry.articleKey)))!).toString('utf8'),
      );
    }
    const html = Buffer.from((await cloud!.store.get(digestKeys(day).html))!).toString('utf8');
    expect(html).toContain(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"`);
    // every link of the page is a presigned report link (the article's or its source's), its & escaped
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(hrefs.sort()).toEqual(digest.articles.flatMap((a) => [a.reportUrl, a.sourceReportUrl]).sort());
    for (const entry of digest.articles) expect((await fetch(entry.sourceReportUrl)).status).toBe(200);
  });

  it('prints a presigned link to a report that fetches it, signed for the lifetime asked', async () => {
    const run = await runCli(
      ['url', 'incoming/spun-port-strike.json', '--endpoint', stack!.server.endpoint, '--expires', '10m'],
      { withoutAwsKey: true },
    );
    expect(run.code).toBe(0);
    const url = run.stdout.trim();
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<!DOCTYPE html>');
    expect(run.stderr).toMatch(
      /reports\/incoming\/spun-port-strike\.json\.html as s3:\/\/articles\/shared-pages\/incoming\/spun-port-strike\.json\.html, its \d+ links to other reports presigned too: link valid until /,
    );

    // s3rver neither verifies SigV4 signatures nor refuses anonymous reads (AWS does both): here the link's form and lifetime
    const query = new URL(url).searchParams;
    expect(query.get('X-Amz-Expires')).toBe('600');
    expect(query.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(query.get('X-Amz-SignedHeaders')).toBe('host');
  });

  it('shares a page that links other reports as a copy whose links are presigned too, so a reader can follow them', async () => {
    const run = await runCli(
      ['url', 'incoming/spun-port-strike.json', '--endpoint', stack!.server.endpoint, '--expires', '10m', '--json'],
      { withoutAwsKey: true },
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { url: string; sharedKey: string; linked: number };
    expect(out.sharedKey).toBe('shared-pages/incoming/spun-port-strike.json.html');
    expect(out.linked).toBeGreaterThan(0);
    const page = await (await fetch(out.url)).text();
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      const link = new URL(href);
      expect(link.searchParams.get('X-Amz-Expires')).toBe('600');
      expect(link.pathname).toMatch(/\/reports\/incoming\/.+\.html$/);
      const linked = await fetch(href);
      expect(linked.status).toBe(200);
      expect(await linked.text()).toContain('rewrite-radar report');
    }
  });

  it('has the scheduled digest function write the previous day after midnight, links presigned for 7 days', async () => {
    const day = utcDay(new Date(stack!.alerts.published[0]!.flaggedAt));
    const handler = makeDigestHandler(digestHandlerDeps({ ARTICLES_BUCKET: LOCAL_BUCKET }, stack!.server.clientConfig));
    const nextDay = new Date(Date.parse(`${day}T00:15:00Z`) + 24 * 3600 * 1000).toISOString();

    const result = await handler({ 'detail-type': 'Scheduled Event', source: 'aws.events', time: nextDay });

    expect(result).toEqual({ day, articles: stack!.alerts.distinct().length, unreadable: 0 });
    const digest = JSON.parse(Buffer.from((await cloud!.store.get(digestKeys(day).json))!).toString()) as Digest;
    expect(Date.parse(digest.linksExpireAt!) - Date.parse(digest.generatedAt)).toBe(7 * 24 * 3600 * 1000);
    expect(new URL(digest.articles[0]!.reportUrl).searchParams.get('X-Amz-Expires')).toBe('604800');
    await expect(handler({ day: '2026-02-30' })).rejects.toThrow(MalformedEventError);
  });

  it('refuses to print a link to a report that is not in the bucket (exit 3), rather than one that answers 404', async () => {
    const run = await runCli(['url', 'incoming/never-uploaded.txt', '--endpoint', stack!.server.endpoint], {
      withoutAwsKey: true,
    });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('there is no s3://articles/reports/incoming/never-uploaded.txt.html');
    expect(run.stderr).toContain('no report for incoming/never-uploaded.txt');
  });

  it('refuses link lifetimes SigV4 does not allow', async () => {
    const run = await runCli(['url', 'incoming/x.txt', '--expires', '8d']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--expires must be a duration from 1s to 7d');
  });
});

describe('the digest of a local store', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rr-digest-local-'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists the flagged articles of a scan with relative links that resolve on disk', async () => {
    await cp(EXAMPLES, join(root, 'articles'), { recursive: true });
    const store = join(root, '.rewrite-radar');
    expect((await runCli(['scan', join(root, 'articles'), '--store', store, '--json'])).code).toBe(0);

    const day = utcDay(new Date());
    const run = await runCli(['digest', '--store', store, '--date', day]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^digest of \d{4}-\d{2}-\d{2}: [1-9]\d* flagged article\(s\) -> /);

    const page = join(store, digestKeys(day).html);
    const html = await readFile(page, 'utf8');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThanOrEqual(4);
    for (const href of hrefs) {
      expect(href).not.toMatch(/^[a-z]+:|^\//);
      expect((await stat(resolve(dirname(page), decodeURIComponent(href)))).isFile()).toBe(true);
    }
  });
});
